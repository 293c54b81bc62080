import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersStore

/// `/api/v1`: the same operations as the web application, as JSON, through the same service.
struct APIController {
    let service: CaseService

    func register(on group: RouterGroup<KoersRequestContext>) {
        group.get("me") { _, context in
            let actor = try context.requireActor()
            return try json(MeDTO(actor))
        }
        group.get("locations") { _, context in
            let actor = try context.requireActor()
            let locations = try await service.locations(of: actor).map {
                LocationDTO(id: $0.id, name: $0.name, regionalTiesRule: RegionalTiesRuleDTO($0.regionalTiesRule))
            }
            return try json(locations)
        }
        group.get("outflow-reasons") { _, context in
            _ = try context.requireActor()
            return try json(try await service.outflowReasons().map { OutflowReasonDTO($0) })
        }
        group.get("escalation-levels") { _, context in
            _ = try context.requireActor()
            return try json(try await service.escalationLadder().map { EscalationLevelDTO($0) })
        }
        group.get("trajectories", use: list)
        group.post("trajectories", use: create)
        group.get("trajectories/:id") { _, context in
            let actor = try context.requireActor()
            let record = try await service.read(try context.id("id"), actor: actor)
            return try json(CaseDTO(record, actor: actor), etag: record.file.version)
        }
        group.get("trajectories/:id/events") { _, context in
            let actor = try context.requireActor()
            let record = try await service.read(try context.id("id"), actor: actor)
            return try json(CaseDTO.events(record, actor: actor), etag: record.file.version)
        }
        group.get("trajectories/:id/admission-check") { _, context in
            let actor = try context.requireActor()
            let record = try await service.read(try context.id("id"), actor: actor)
            guard AccessPolicy.sections(for: actor).contains(.admission),
                let check = try await service.admissionCheck(record)
            else { throw AppError.notFound }
            return try json(AdmissionCheckDTO(check), etag: record.file.version)
        }
        group.post("trajectories/:id/return") { request, context in
            let actor = try context.requireActor()
            let file = try await service.reopen(
                try context.id("id"),
                try await JSONInput.read(request, form: CaseCommands.returnForm),
                actor: actor
            )
            return try await created(file, actor: actor)
        }
        change(group, "intake", .intake)
        change(group, "admission-decision", .admission)
        change(group, "perspectives", .perspective)
        change(group, "support-periods", .startSupport)
        change(group, "procedures", .submitProcedure)
        change(group, "outflow", .outflow)
        change(group, "notes", .note, needsIfMatch: false)
        change(group, "biometrics", .biometrics)
        group.get("trajectories/:id/milestones") { request, context in
            let actor = try context.requireActor()
            let record = try await service.read(try context.id("id"), actor: actor)
            guard AccessPolicy.sections(for: actor).contains(.progress) else { throw AppError.notFound }
            let day = try referenceDay(request)
            let milestones = try await service.milestones(record, on: day).map { MilestoneDTO($0) }
            return try json(milestones, etag: record.file.version)
        }
        group.post("trajectories/:id/milestones/:key") { request, context in
            try await perform(
                request,
                context,
                .adjustMilestone(try context.parameters.require("key")),
                needsIfMatch: true
            )
        }
        change(group, "reviews", .review)
        change(group, "committee-requests", .requestCommittee)
        change(group, "escalations", .escalate)
        group.post("trajectories/:id/escalations/:eid/decision") { request, context in
            try await perform(
                request,
                context,
                .decideEscalation(try context.id("eid")),
                needsIfMatch: true
            )
        }
        group.post("trajectories/:id/committee-requests/:rid/advice") { request, context in
            try await perform(
                request,
                context,
                .adviseCommittee(try context.id("rid")),
                needsIfMatch: true
            )
        }
        change(group, "action-items", .assignActionItem)
        group.post("trajectories/:id/action-items/:aid/completion") { request, context in
            try await perform(
                request,
                context,
                .completeActionItem(try context.id("aid")),
                needsIfMatch: true
            )
        }
        group.get("locations/:lid/deadline-policy") { _, context in
            let actor = try context.requireActor()
            let id = try context.id("lid")
            guard AccessPolicy.mayViewProgress(actor, at: id), let location = try await service.directory.location(id)
            else { throw AppError.notFound }
            return try json(DeadlinePolicyDTO(location.deadlinePolicy))
        }
        group.put("locations/:lid/deadline-policy") { request, context in
            let actor = try context.requireActor()
            let policy = try await service.setDeadlinePolicy(
                try await JSONInput.read(request, form: DeadlinePolicy.form),
                for: try context.id("lid"),
                actor: actor
            )
            return try json(DeadlinePolicyDTO(policy))
        }
        group.get("locations/:lid/progress") { request, context in
            let actor = try context.requireActor()
            let report = try await service.progress(
                at: try context.id("lid"),
                actor: actor,
                on: try referenceDay(request)
            )
            return try json(ProgressDTO(report))
        }
        group.post("trajectories/:id/support-periods/:sid/end") { request, context in
            try await perform(
                request,
                context,
                .endSupport(try context.id("sid")),
                needsIfMatch: true
            )
        }
        group.post("trajectories/:id/procedures/:pid/decision") { request, context in
            try await perform(
                request,
                context,
                .decideProcedure(try context.id("pid")),
                needsIfMatch: true
            )
        }
    }

    /// A location the user works at, with its regiobinding rule.
    struct LocationDTO: Codable, Sendable {
        let id: UUID
        let name: String
        let regionalTiesRule: RegionalTiesRuleDTO
    }

    /// A location's deadlines on a reference date: what is overdue, upcoming and suspended, and
    /// how long cases spend in each stage.
    struct ProgressDTO: Codable, Sendable {
        /// One case's milestone in a list.
        struct Entry: Codable, Sendable {
            let trajectoryId: UUID
            let name: String
            let milestone: MilestoneDTO
        }
        /// The median days from referral to admission decision, or from admission to outflow.
        struct StageTime: Codable, Sendable {
            let span: String
            let cases: Int
            let medianDays: Int
        }
        let location: String
        let on: Day
        let policy: DeadlinePolicyDTO
        /// The first page (100) of each list, and how many each holds (up to 1000, then 1001).
        let overdue: [Entry]
        let upcoming: [Entry]
        let suspended: [Entry]
        let overdueTotal: Int
        let upcomingTotal: Int
        let suspendedTotal: Int
        let stageTimes: [StageTime]

        init(_ r: ProgressReport) {
            func entries(_ list: ProgressReport.Page) -> [Entry] {
                list.entries.map { Entry($0) }
            }
            location = r.location.name
            on = r.on
            policy = DeadlinePolicyDTO(r.location.deadlinePolicy)
            overdue = entries(r.overdue)
            upcoming = entries(r.upcoming)
            suspended = entries(r.suspended)
            overdueTotal = r.overdue.total
            upcomingTotal = r.upcoming.total
            suspendedTotal = r.suspended.total
            stageTimes = r.stageTimes.map {
                StageTime(
                    span: $0.stage == .referral ? "referralToDecision" : "admissionToOutflow",
                    cases: $0.cases,
                    medianDays: $0.medianDays
                )
            }
        }
    }

    /// One page of the case list, and how many cases match.
    struct CaseListDTO: Codable, Sendable {
        let items: [CaseListItemDTO]
        let total: Int
        let page: Int
        let pageSize: Int
    }

    private func change(
        _ group: RouterGroup<KoersRequestContext>,
        _ path: String,
        _ op: CaseOperation,
        needsIfMatch: Bool = true
    ) {
        group.post("trajectories/:id/\(path)") { request, context in
            try await perform(request, context, op, needsIfMatch: needsIfMatch)
        }
    }

    /// A change to a case: If-Match carries the version the client saw; a stale one gets 409.
    private func perform(
        _ request: Request,
        _ context: KoersRequestContext,
        _ op: CaseOperation,
        needsIfMatch: Bool
    ) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("id")
        let version = try Self.ifMatch(request, required: needsIfMatch)
        // Ask the policy before reading the body, so hidden cases answer 404 whatever was sent.
        _ = try await service.authorize(actor, .view, id)
        let input = try await JSONInput.read(request, form: op.form)
        let file = try await service.perform(op, on: id, input: input, expectedVersion: version, actor: actor)
        let record = try await service.read(file.id, actor: actor)
        return try json(CaseDTO(record, actor: actor), etag: file.version)
    }

    /// The `on` query parameter (peildatum), or today.
    private func referenceDay(_ request: Request) throws -> Day? {
        try Self.queryDay("on", of: request)
    }

    /// A day given as a query parameter, `YYYY-MM-DD`; nil when absent, a named 400 when not a day.
    static func queryDay(_ name: String, of request: Request) throws -> Day? {
        guard let text = request.uri.queryParameters[Substring(name)].map(String.init) else { return nil }
        guard let day = Day(text) else {
            throw AppError.invalid(
                ValidationFailure([
                    FieldError(
                        field: name,
                        code: "invalidDate",
                        message: .init(
                            nl: "Geen geldige datum; gebruik JJJJ-MM-DD.",
                            en: "Not a valid date; use YYYY-MM-DD."
                        )
                    )
                ])
            )
        }
        return day
    }

    /// The case version in If-Match; 428 when required and absent, 400 when not a version.
    static func ifMatch(_ request: Request, required: Bool) throws -> Int? {
        guard let header = request.headers[.ifMatch] else {
            if required { throw AppError.preconditionRequired }
            return nil
        }
        let trimmed = header.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int(trimmed) else {
            throw AppError.invalid(
                ValidationFailure([
                    FieldError(
                        field: "If-Match",
                        code: "invalidETag",
                        message: .init(
                            nl: "If-Match moet een ETag van dit dossier zijn.",
                            en: "If-Match must be an ETag of this case."
                        )
                    )
                ])
            )
        }
        return version
    }

    /// The case list's filters, as query parameters.
    static let listQuery = Form(
        .choice("stage", Stage.self, required: false),
        .choice("perspective", Perspective.self, required: false),
        FieldSpec("nationality", .choice(Country.all.map(\.code)), required: false),
        FieldSpec("q", .text(maxLength: 200), required: false, summary: "Name, part of a name, or V-number"),
        .integer("page", 1...100_000)
    )

    @Sendable func list(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let q = request.uri.queryParameters
        var p = Parser(
            FormInput(
                single: Dictionary(
                    q.map { (String($0.key), FormBody.decode($0.value)) },
                    uniquingKeysWith: { a, _ in a }
                )
            ),
            form: Self.listQuery,
            today: service.today()
        )
        // A filter given empty is a mistake, not "no filter": the document's enums and pattern say so.
        for key in ["stage", "perspective", "nationality", "page"]
        where q[Substring(key)] != nil && p.input.string(key) == nil {
            p.fail(
                key,
                "empty",
                nl: "Laat deze filter weg of geef een waarde.",
                en: "Omit this filter or give a value."
            )
        }
        let stage = p.choice("stage", Stage.self)
        let perspective = p.choice("perspective", Perspective.self)
        let nationality = p.value("nationality")
        if let nationality, Country.named(nationality)?.code != nationality {
            p.fail("nationality", "unknownCode", nl: "Onbekende landcode.", en: "Unknown country code.")
        }
        let page = p.integer("page") ?? 1
        let text = p.text("q")
        do { try p.finish() } catch { throw AppError.invalid(error) }
        let query = CaseListQuery(
            locationIds: actor.locationIds,
            stages: Set([stage].compactMap { $0 }),
            perspective: perspective,
            nationality: nationality,
            text: text,
            page: page
        )
        let result = try await service.list(query, actor: actor)
        return try json(
            CaseListDTO(
                items: result.items.map { CaseListItemDTO($0) },
                total: result.total,
                page: page,
                pageSize: query.pageSize
            )
        )
    }

    @Sendable func create(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await JSONInput.read(request, form: CaseCommands.referForm)
        let file = try await service.refer(input, actor: actor)
        return try await created(file, actor: actor)
    }

    private func created(_ file: CaseFile, actor: Actor) async throws -> Response {
        let record = try await service.read(file.id, actor: actor)
        var response = try json(CaseDTO(record, actor: actor), etag: file.version)
        response.status = .created
        response.headers[.location] = "/api/v1/trajectories/\(file.id.uuidString.lowercased())"
        return response
    }

}

extension APIController.ProgressDTO.Entry {
    init(_ entry: ProgressReport.Entry) {
        self.init(trajectoryId: entry.trajectoryId, name: entry.name, milestone: MilestoneDTO(entry.milestone))
    }
}

/// Encodes a value as the API's JSON, with an ETag when it is a versioned case.
func json<T: Encodable>(_ value: T, etag: Int? = nil) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    var headers: HTTPFields = [.contentType: "application/json"]
    if let etag { headers[.eTag] = "\"\(etag)\"" }
    var bytes = Array(try encoder.encode(value))
    LowercaseIDs.apply(&bytes)
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
}
