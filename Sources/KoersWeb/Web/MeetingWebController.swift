import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersStore
import Plot

/// The case meeting's pages: meetings, agenda, decisions, minutes, and our open action items.
struct MeetingWebController {
    let meetings: MeetingService
    let service: CaseService

    func register(on router: RouterGroup<KoersRequestContext>) {
        router.get(.meetings) { request, context in try await list(request, context, form: FormState()) }
        router.post(.meetings) { request, context in
            let actor = try context.requireActor()
            do {
                let meeting = try await meetings.create(context.form, actor: actor)
                return Pages.seeOther(SiteURL.meeting(meeting.id).path, done: .meetingPlanned)
            } catch AppError.invalid(let failure) {
                return try await list(
                    request,
                    context,
                    form: FormState(input: context.form, errors: failure.errors),
                    status: .unprocessableContent
                )
            }
        }
        router.get(.meeting(.routeKey)) { request, context in try await show(request, context, errors: [:]) }
        router.get(.minutes(.routeKey)) { request, context in
            let actor = try context.requireActor()
            let meeting = try await meetings.meeting(try context.id("mid"), actor: actor)
            let env = PageEnvironment(context, path: request.uri.path)
            let location = try await service.directory.location(meeting.locationId)?.name ?? ""
            return Pages.page(
                env,
                title: env.t("Verslag", "Minutes"),
                MeetingPages.minutes(
                    env,
                    meeting: meeting,
                    location: location,
                    entries: try await meetings.entries(meeting, actor: actor)
                )
            )
        }
        router.post(.agendaRefresh(.routeKey)) { _, context in
            let id = try context.id("mid")
            try await meetings.refreshAgenda(id, actor: try context.requireActor())
            return Pages.seeOther(SiteURL.meeting(id).at("chair"), done: .agendaUpdated)
        }
        router.post(.agenda(.routeKey)) { request, context in
            let id = try context.id("mid")
            do {
                try await meetings.add(
                    context.form.string("trajectoryId").flatMap(UUID.init(uuidString:)),
                    to: id,
                    actor: try context.requireActor()
                )
            } catch AppError.invalid {
                // Nothing chosen: show the meeting again.
                return Pages.seeOther(SiteURL.meeting(id).path)
            }
            // The page that holds the case just added.
            let tid = context.form.string("trajectoryId")?.lowercased() ?? ""
            return Pages.seeOther(SiteURL.meeting(id).with([("case", tid)]) + "#case-" + tid, done: .addedToAgenda)
        }
        for direction in SiteURL.AgendaDirection.allCases {
            router.post(.agendaMove(.routeKey, direction)) { _, context in
                let id = try context.id("mid")
                guard let trajectory = context.form.string("trajectoryId").flatMap(UUID.init(uuidString:)) else {
                    throw AppError.notFound
                }
                try await meetings.move(trajectory, up: direction == .up, in: id, actor: try context.requireActor())
                let tid = trajectory.uuidString.lowercased()
                return Pages.seeOther(SiteURL.meeting(id).with([("case", tid)]) + "#case-" + tid, done: .agendaMoved)
            }
        }
        router.post(.meetingDecisions(.routeKey)) { request, context in
            let actor = try context.requireActor()
            let id = try context.id("mid")
            guard let trajectory = context.form.string("trajectoryId").flatMap(UUID.init(uuidString:)) else {
                throw AppError.notFound
            }
            do {
                _ = try await meetings.decide(
                    trajectory,
                    in: id,
                    input: context.form,
                    expectedVersion: context.form.string("version").flatMap(Int.init),
                    actor: actor
                )
                let tid = trajectory.uuidString.lowercased()
                return Pages.seeOther(
                    SiteURL.meeting(id).with([("case", tid)]) + "#case-" + tid,
                    done: .decisionRecorded
                )
            } catch AppError.invalid(let failure) {
                return try await show(
                    request,
                    context,
                    errors: [trajectory: FormState(input: context.form, errors: failure.errors)],
                    status: .unprocessableContent
                )
            } catch AppError.stale {
                let message = LocalizedText(
                    nl: "Dit dossier is intussen gewijzigd. Controleer het en leg het besluit opnieuw vast.",
                    en: "This case changed in the meantime. Check it and record the decision again."
                )
                return try await show(
                    request,
                    context,
                    errors: [trajectory: FormState(input: context.form, formMessage: message)],
                    status: .conflict
                )
            }
        }
        router.get(.inbox) { _, context in
            let actor = try context.requireActor()
            let env = PageEnvironment(context, path: SiteURL.inbox.path)
            return Pages.page(
                env,
                title: env.t("Inbox", "Inbox"),
                MeetingPages.inbox(
                    env,
                    party: actor.party,
                    inbox: try await meetings.inbox(actor: actor),
                    today: service.today()
                )
            )
        }
        router.get(.openActionItems) { request, context in
            let actor = try context.requireActor()
            let env = PageEnvironment(context, path: SiteURL.openActionItems.path)
            return Pages.page(
                env,
                title: env.t("Actiepunten", "Action items"),
                MeetingPages.actionItems(
                    env,
                    party: actor.party,
                    items: try await meetings.openActionItems(actor: actor),
                    today: service.today()
                )
            )
        }
    }

    func list(
        _ request: Request,
        _ context: KoersRequestContext,
        form: FormState,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor()
        let all = try await meetings.list(actor: actor)
        let locations = try await service.locations(of: actor)
        var input = form.input
        if input.string("heldOn") == nil { input.set("heldOn", service.today().description) }
        let env = PageEnvironment(context, path: SiteURL.meetings.path)
        return Pages.page(
            env,
            title: env.t("Casusoverleg", "Case meetings"),
            status: status,
            MeetingPages.list(
                env,
                meetings: all,
                locations: locations,
                chairable: locations.filter { AccessPolicy.mayChairMeetings(actor, at: $0.id) },
                form: FormState(input: input, errors: form.errors, formMessage: form.formMessage)
            )
        )
    }

    func show(
        _ request: Request,
        _ context: KoersRequestContext,
        errors: [UUID: FormState],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor()
        let meeting = try await meetings.meeting(try context.id("mid"), actor: actor)
        let mayChair = AccessPolicy.mayChairMeetings(actor, at: meeting.locationId)
        // The chair adds a case by searching its running cases by name or V-nummer: a list of
        // every running case would be thousands of options at a large location.
        let search = request.uri.queryParameters["zoek"].map { FormBody.decode($0) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let found =
            mayChair && search != nil
            ? try await service.list(
                CaseListQuery(
                    locationIds: [meeting.locationId],
                    stages: [.intake, .active],
                    text: search,
                    pageSize: 20
                ),
                actor: actor
            ).items : []
        let env = PageEnvironment(context, path: request.uri.path)
        let location = try await service.directory.location(meeting.locationId)?.name ?? ""
        // The page asked for, or the one holding the case just decided, moved or in error.
        let page = request.uri.queryParameters["page"].flatMap { Int(String($0)) } ?? 1
        let focus = errors.keys.first ?? request.uri.queryParameters["case"].flatMap { UUID(uuidString: String($0)) }
        let agenda = try await meetings.agendaPage(meeting, actor: actor, page: page, focus: focus)
        return Pages.page(
            env,
            title: env.t("Casusoverleg", "Case meeting"),
            status: status,
            MeetingPages.meeting(
                env,
                meeting: meeting,
                location: location,
                agenda: agenda,
                mayChair: mayChair,
                search: search,
                found: found,
                errors: errors,
                today: service.today(),
                outflowReasons: try await service.outflowReasons(),
                ladder: try await service.escalationLadder()
            )
        )
    }
}
