import Foundation
import KoersCore
import KoersStore

/// One case on a meeting's agenda, with what the user may read of it.
public struct AgendaEntry: Sendable {
    public let item: AgendaItem
    public let name: String
    public let stage: Stage
    /// The decisions this meeting recorded on the case.
    public let decisions: [RecordedMeetingDecision]
    public let version: Int
    /// For the reason "action item due": which items, and for whom.
    public var dueActionItems: [ActionItem] = []
}

/// A page of a meeting's agenda: every item (their order and reasons), and the entries of the
/// page shown.
public struct AgendaPage: Sendable {
    /// Agenda cases per page.
    public static let size = 20

    public let items: [AgendaItem]
    /// The page shown, from 1, and the index of its first item.
    public let page: Int
    public let first: Int
    public let entries: [AgendaEntry]

    public var pages: Int { max(1, (items.count + Self.size - 1) / Self.size) }
}

/// What waits for an organisation.
public struct Inbox: Sendable {
    /// How many answered questions the committee's and escalation bodies' queues show.
    public static let answeredShown = CaseStore.answeredShown

    /// The soonest open action items of the user's party, and how many there are.
    public let actionItems: OpenActionItems
    public let meetings: [Meeting]
    /// The first page of the overdue sub-deadlines at the locations the user coordinates.
    public let overdue: ProgressReport.Page
    /// For the hardship committee: the cases put to it, open ones first.
    public var committee: [CommitteeQueueEntry] = []
    /// Transfers to the user's locations that wait for the organisation's answer.
    public var transfers: [Transfer] = []
    /// For an escalation body: the cases escalated to it, open ones first.
    public var escalations: [(trajectoryId: UUID, name: String, record: EscalationRecord)] = []
}

/// Open action items of a party, soonest first: the first ones, and how many there are (counted
/// up to ``KoersStore/CaseStore/countCap``).
public struct OpenActionItems: Sendable {
    public let items: [(trajectoryId: UUID, name: String, item: ActionItem)]
    public let total: Int

    public static let none = OpenActionItems(items: [], total: 0)
}

/// A case put to the committee, named only when the identity was shared with it.
public struct CommitteeQueueEntry: Sendable {
    public let trajectoryId: UUID
    public let name: String?
    public let request: CommitteeRecord
}

/// Case meetings (LSO): convened and chaired by the municipality, attended by every party.
public struct MeetingService: Sendable {
    /// The national policy's versions, for the admission check at the meeting.
    let policies: PolicyStore
    let meetings: MeetingStore
    let cases: CaseStore
    let directory: DirectoryStore
    let today: @Sendable () -> Day

    public func list(actor: Actor) async throws -> [Meeting] {
        guard AccessPolicy.mayOpenCases(actor) else { throw AppError.notFound }
        // The planned ones and the last year or so of held ones.
        return try await meetings.meetings(at: actor.locationIds, limit: 60)
    }

    func visible(_ id: UUID, actor: Actor) async throws -> Meeting {
        guard let meeting = try await meetings.meeting(id), AccessPolicy.mayViewMeetings(actor, at: meeting.locationId)
        else { throw AppError.notFound }
        return meeting
    }

    func chaired(_ id: UUID, actor: Actor) async throws -> Meeting {
        let meeting = try await visible(id, actor: actor)
        guard AccessPolicy.mayChairMeetings(actor, at: meeting.locationId) else { throw AppError.forbidden }
        return meeting
    }

    /// A case put on the agenda by the chair.
    public static let agendaAddForm = Form(.uuid("trajectoryId"))
    /// The agenda in a new order: every case on it, once.
    public static let agendaOrderForm = Form(FieldSpec("trajectoryIds", .uuids, required: true))

    /// Convenes a meeting; its agenda builds itself from the cases that need the table that day.
    public func create(_ input: FormInput, actor: Actor) async throws -> Meeting {
        var p = Parser(input, form: Meeting.form, today: today())
        let heldOn = p.day("heldOn")
        let parties = p.choices("partiesPresent", Party.self)
        var location = p.uuid("locationId")
        if location == nil && actor.locationIds.count == 1 { location = actor.locationIds.first }
        guard AccessPolicy.mayOpenCases(actor) else { throw AppError.notFound }
        if let location, !AccessPolicy.mayChairMeetings(actor, at: location) { throw AppError.forbidden }
        if location == nil { p.fail("locationId", "required", nl: "Kies de locatie.", en: "Choose the location.") }
        if parties.isEmpty {
            p.fail("partiesPresent", "required", nl: "Kies de aanwezige partijen.", en: "Choose the parties present.")
        }
        do { try p.finish() } catch { throw AppError.invalid(error) }
        let agenda = try await buildAgenda(location!, on: heldOn!)
        return try await meetings.create(
            locationId: location!,
            heldOn: heldOn!,
            chair: actor,
            partiesPresent: parties,
            agenda: agenda
        )
    }

    func buildAgenda(_ locationId: UUID, on day: Day) async throws -> [AgendaItem] {
        guard let location = try await directory.location(locationId) else { throw AppError.notFound }
        // Today and later the index narrows the running cases to those that may need the table;
        // for a day already past every running case is judged (the index holds today's deadlines).
        let running =
            day >= today()
            ? try await cases.summaries(of: try await cases.agendaCandidates(at: locationId, on: day))
            : try await cases.summaries(at: [locationId], stages: [.intake, .active])
        return Agenda.build(files: running, policy: location.deadlinePolicy, rule: location.regionalTiesRule, on: day)
    }

    /// The agenda with, per case, what this user may see of it. Until the meeting day has passed
    /// the agenda is live: it reflects the cases as they stand whenever it is opened.
    public func entries(_ meeting: Meeting, actor: Actor) async throws -> [AgendaEntry] {
        try await entries(of: try await currentAgenda(meeting)[...], meeting, actor: actor)
    }

    /// One page of the agenda as the meeting page shows it: the page asked for, or the one that
    /// holds `focus`. Only that page's cases are read beyond the agenda itself.
    public func agendaPage(_ meeting: Meeting, actor: Actor, page: Int, focus: UUID?) async throws -> AgendaPage {
        let agenda = try await currentAgenda(meeting)
        let size = AgendaPage.size
        let pages = max(1, (agenda.count + size - 1) / size)
        var page = min(max(page, 1), pages)
        if let focus, let index = agenda.firstIndex(where: { $0.trajectoryId == focus }) { page = index / size + 1 }
        let first = (page - 1) * size
        let shown = agenda[min(first, agenda.count)..<min(first + size, agenda.count)]
        return AgendaPage(
            items: agenda,
            page: page,
            first: first,
            entries: try await entries(of: shown, meeting, actor: actor)
        )
    }

    private func entries(
        of agenda: ArraySlice<AgendaItem>,
        _ meeting: Meeting,
        actor: Actor
    ) async throws
        -> [AgendaEntry]
    {
        let summaries = try await cases.summaries(of: agenda.map(\.trajectoryId))
        let byId = Dictionary(uniqueKeysWithValues: summaries.map { ($0.id, $0) })
        let mayReadProgress = AccessPolicy.sections(for: actor).contains(.progress)
        var entries: [AgendaEntry] = []
        for item in agenda {
            guard let summary = byId[item.trajectoryId] else { continue }
            let due =
                item.reasons.contains(.actionItemDue) && mayReadProgress
                ? summary.openActionItems.filter { $0.dueOn <= meeting.heldOn } : []
            // The decisions' texts are in the events: read only for the cases this meeting decided on.
            var decisions: [RecordedMeetingDecision] = []
            if mayReadProgress, summary.meetingDecisions.contains(where: { $0.meetingId == meeting.id }),
                let record = try await cases.load(summary.id, context: nil)
            {
                decisions = record.file.meetingDecisions.filter { $0.meetingId == meeting.id }
            }
            entries.append(
                AgendaEntry(
                    item: item,
                    name: summary.name,
                    stage: summary.stage,
                    decisions: decisions,
                    version: summary.version,
                    dueActionItems: due
                )
            )
        }
        return entries
    }

    /// The agenda as it stands: recomputed from the running cases' summaries until the meeting day
    /// has passed, then as it was kept.
    func currentAgenda(_ meeting: Meeting) async throws -> [AgendaItem] {
        guard meeting.heldOn >= today() else { return meeting.agenda }
        // Cases this meeting decided on are on its stored agenda: it is kept when a decision is recorded.
        let stored = try await cases.summaries(of: meeting.agenda.map(\.trajectoryId))
        let decided = Set(stored.filter { $0.meetingDecisions.contains { $0.meetingId == meeting.id } }.map(\.id))
        return Agenda.refresh(
            meeting.agenda,
            with: try await buildAgenda(meeting.locationId, on: meeting.heldOn),
            decided: decided
        )
    }

    public func meeting(_ id: UUID, actor: Actor) async throws -> Meeting {
        try await visible(id, actor: actor)
    }

    /// Keeps the agenda as it now stands (the page shows it live anyway until the meeting is over).
    public func refreshAgenda(_ id: UUID, actor: Actor) async throws {
        let meeting = try await chaired(id, actor: actor)
        try await meetings.setAgenda(try await currentAgenda(meeting), of: id)
    }

    /// The chair puts a case of the location on the agenda.
    public func add(_ trajectoryId: UUID?, to id: UUID, actor: Actor) async throws {
        let meeting = try await chaired(id, actor: actor)
        guard let trajectoryId, let location = try await cases.locationOf(trajectoryId), location == meeting.locationId
        else {
            throw AppError.invalid(
                ValidationFailure([
                    FieldError(
                        field: "trajectoryId",
                        code: "unknownCase",
                        message: .init(nl: "Kies een dossier van deze locatie.", en: "Choose a case of this location.")
                    )
                ])
            )
        }
        var agenda = try await currentAgenda(meeting)
        if let i = agenda.firstIndex(where: { $0.trajectoryId == trajectoryId }) {
            if !agenda[i].reasons.contains(.addedByChair) { agenda[i].reasons.append(.addedByChair) }
        } else {
            agenda.append(AgendaItem(trajectoryId: trajectoryId, reasons: [.addedByChair]))
        }
        try await meetings.setAgenda(agenda, of: id)
    }

    /// The chair moves a case one place up or down.
    public func move(_ trajectoryId: UUID, up: Bool, in id: UUID, actor: Actor) async throws {
        var agenda = try await currentAgenda(try await chaired(id, actor: actor))
        guard let i = agenda.firstIndex(where: { $0.trajectoryId == trajectoryId }) else { throw AppError.notFound }
        let j = up ? i - 1 : i + 1
        guard agenda.indices.contains(j) else { return }
        agenda.swapAt(i, j)
        try await meetings.setAgenda(agenda, of: id)
    }

    /// The chair sets the whole order at once; it must name exactly the cases on the agenda.
    public func reorder(_ order: [UUID], in id: UUID, actor: Actor) async throws {
        let agenda = try await currentAgenda(try await chaired(id, actor: actor))
        guard order.count == agenda.count, Set(order) == Set(agenda.map(\.trajectoryId)) else {
            throw AppError.invalid(
                ValidationFailure([
                    FieldError(
                        field: "trajectoryIds",
                        code: "notThePermutation",
                        message: .init(
                            nl: "Noem elk dossier op de agenda precies één keer.",
                            en: "Name every case on the agenda exactly once."
                        )
                    )
                ])
            )
        }
        let byId = Dictionary(uniqueKeysWithValues: agenda.map { ($0.trajectoryId, $0) })
        try await meetings.setAgenda(order.compactMap { byId[$0] }, of: id)
    }

    /// Records the meeting's decision on one agenda case, all its parts in one transaction.
    public func decide(
        _ trajectoryId: UUID,
        in id: UUID,
        input: FormInput,
        expectedVersion: Int?,
        actor: Actor
    ) async throws -> CaseFile {
        let meeting = try await chaired(id, actor: actor)
        let agenda = try await currentAgenda(meeting)
        guard agenda.contains(where: { $0.trajectoryId == trajectoryId }),
            let record = try await cases.load(trajectoryId, context: nil)
        else { throw AppError.notFound }
        // Keep the agenda as it stood when the meeting took its decisions: that is its record.
        if agenda != meeting.agenda { try await meetings.setAgenda(agenda, of: id) }
        let location = try await directory.location(meeting.locationId)
        let stay = try await directory.stay(
            cbsCode: record.file.evidence?.municipalityOfStay,
            locationId: record.file.locationId
        )
        let policy = try await policies.inForce(on: meeting.heldOn)
        let check = record.file.evidence.map {
            var check = AdmissionCheck.evaluate(
                evidence: $0,
                nationality: record.file.identity.nationality,
                rule: location.map(policy.rule(at:)) ?? policy.regionalTies,
                policy: policy.admission,
                on: meeting.heldOn,
                activeElsewhere: nil,
                stay: stay
            )
            check.policyVersion = policy.version
            return check
        }
        let today = today()
        let itemId = UUID()
        let inForce = try await policies.inForce(on: today)
        do {
            return try await cases.appendAll(
                to: trajectoryId,
                expectedVersion: expectedVersion,
                context: .fresh(actor),
                activity: .meetingDecision
            ) { file throws(ValidationFailure) in
                try MeetingDecision.parse(
                    input,
                    on: file,
                    meetingId: meeting.id,
                    meetingDay: meeting.heldOn,
                    check: check,
                    actionItemId: itemId,
                    today: today,
                    outflowReasons: inForce.outflowReasons,
                    ladder: inForce.escalationLadder,
                    chairParty: actor.party
                )
            }
        } catch let failure as ValidationFailure {
            throw AppError.invalid(failure)
        } catch StoreError.stale(let current) {
            throw AppError.stale(current: current)
        }
    }

    /// What waits for the user's organisation: its party's open action items, upcoming meetings at
    /// its locations, and — for the regievoerder — the overdue sub-deadlines there.
    public func inbox(actor: Actor) async throws -> Inbox {
        if actor.party == .committee { return try await committeeInbox(actor: actor) }
        if actor.party == .escalationBody, let level = actor.escalationLevel {
            var entries: [(trajectoryId: UUID, name: String, record: EscalationRecord)] = []
            for id in Set(try await cases.escalationQueue(level: level, at: actor.locationIds)) {
                guard let record = try await cases.load(id, context: .fresh(actor)) else { continue }
                for escalation in record.file.escalations where escalation.escalation.level == level {
                    entries.append((id, record.file.identity.displayName, escalation))
                }
            }
            entries.sort {
                ($0.record.decision == nil ? 0 : 1, $0.record.escalation.escalatedOn) < (
                    $1.record.decision == nil ? 0 : 1, $1.record.escalation.escalatedOn
                )
            }
            return Inbox(actionItems: .none, meetings: [], overdue: .empty, escalations: entries)
        }
        guard AccessPolicy.mayOpenCases(actor) else { throw AppError.notFound }
        let items = try await openActionItems(actor: actor, limit: 50)
        let today = today()
        let upcoming = try await meetings.meetings(at: actor.locationIds, limit: 60).filter { $0.heldOn >= today }
            .sorted {
                $0.heldOn < $1.heldOn
            }
        // The regievoerder's overdue deadlines, where a policy sets any, from the deadline index.
        var coordinated: [UUID] = []
        for location in actor.locationIds.sorted(by: { $0.uuidString < $1.uuidString })
        where AccessPolicy.mayConfigureDeadlines(actor, at: location) {
            guard let policy = try await directory.location(location)?.deadlinePolicy, !policy.isEmpty else { continue }
            coordinated.append(location)
        }
        let query = DeadlineQuery.overdue(on: today, actionItems: false)
        let overdueRows = try await cases.openDeadlines(
            at: coordinated,
            stages: [.active],
            query,
            limit: ProgressReport.pageSize
        )
        let overdue = ProgressReport.Page(
            entries: overdueRows.map { ProgressReport.Entry($0, on: today) },
            total: try await cases.countOpenDeadlines(at: coordinated, stages: [.active], query),
            page: 1
        )
        let transfers = try await cases.transfers(involving: actor.locationIds)
            .filter {
                $0.status == .pending
                    && AccessPolicy.mayDecideTransfer(
                        actor,
                        from: $0.fromLocationId,
                        to: $0.toLocationId,
                        askedByReceiver: $0.askedByReceiver
                    )
            }
        return Inbox(
            actionItems: items,
            meetings: upcoming,
            overdue: overdue,
            transfers: transfers
        )
    }

    func committeeInbox(actor: Actor) async throws -> Inbox {
        var entries: [CommitteeQueueEntry] = []
        for row in try await cases.committeeQueue(at: actor.locationIds) {
            guard let record = try await cases.load(row.trajectoryId, context: .fresh(actor)) else { continue }
            let named = AccessPolicy.sections(for: actor, in: record.file).contains(.identity)
            for request in record.file.committeeRequests
            where request.request.requestedOn.description == row.requestedOn {
                entries.append(
                    CommitteeQueueEntry(
                        trajectoryId: row.trajectoryId,
                        name: named ? record.file.identity.displayName : nil,
                        request: request
                    )
                )
            }
        }
        entries.sort {
            ($0.request.advice == nil ? 0 : 1, $0.request.request.requestedOn) < (
                $1.request.advice == nil ? 0 : 1, $1.request.request.requestedOn
            )
        }
        return Inbox(actionItems: .none, meetings: [], overdue: .empty, committee: entries)
    }

    /// Open action items of the user's party across their locations, soonest first: the first
    /// `limit` from the deadline index, each read from its case's summary, and how many there are.
    public func openActionItems(actor: Actor, limit: Int = 500) async throws -> OpenActionItems {
        guard AccessPolicy.mayOpenCases(actor) else { throw AppError.notFound }
        let query = DeadlineQuery.actionItems(of: actor.party)
        let rows = try await cases.openDeadlines(
            at: Array(actor.locationIds),
            stages: [.intake, .active],
            query,
            limit: limit
        )
        let summaries = try await cases.summaries(of: Array(Set(rows.map(\.trajectoryId))))
        let byId = Dictionary(uniqueKeysWithValues: summaries.map { ($0.id, $0) })
        let items = rows.compactMap { row -> (trajectoryId: UUID, name: String, item: ActionItem)? in
            guard
                let item = byId[row.trajectoryId]?.actionItems.first(where: {
                    $0.milestoneKey == row.deadline.milestone.key
                })
            else { return nil }
            return (row.trajectoryId, row.name, item)
        }
        let total = try await cases.countOpenDeadlines(at: Array(actor.locationIds), stages: [.intake, .active], query)
        return OpenActionItems(items: items, total: total)
    }
}
