import Foundation

/// Why a case is on the case meeting's agenda.
public enum AgendaReason: String, Sendable, CaseIterable, Codable {
    /// Intake done, admission not yet decided.
    case awaitingDecision
    /// The admission check does not simply pass: the meeting decides, possibly by exception.
    case admissionException
    case overdueMilestone
    case reviewDue
    case actionItemDue
    /// The hardship committee advised since the meeting last decided on the case.
    case committeeAdvised
    /// A body on the escalation ladder decided since the meeting last decided on the case.
    case escalationReturned
    /// Put on the agenda by the chair.
    case addedByChair

    public var label: LocalizedText {
        switch self {
        case .awaitingDecision: LocalizedText(nl: "Wacht op toelatingsbesluit", en: "Awaiting admission decision")
        case .admissionException:
            LocalizedText(
                nl: "Toelating: uitzondering of bespreking nodig",
                en: "Admission: exception or discussion needed"
            )
        case .overdueMilestone: LocalizedText(nl: "Deeltermijn verlopen", en: "Sub-deadline overdue")
        case .reviewDue: LocalizedText(nl: "Periodieke bespreking", en: "Periodic review due")
        case .actionItemDue: LocalizedText(nl: "Actiepunt verloopt", en: "Action item due")
        case .committeeAdvised:
            LocalizedText(nl: "Advies commissie schrijnende gevallen terug", en: "Hardship committee advice returned")
        case .escalationReturned:
            LocalizedText(nl: "Besluit na opschaling terug", en: "Escalation decided and returned")
        case .addedByChair: LocalizedText(nl: "Toegevoegd door de voorzitter", en: "Added by the chair")
        }
    }
}

/// One case on the agenda, in the order the chair set.
public struct AgendaItem: Sendable, Hashable, Codable {
    public let trajectoryId: UUID
    public var reasons: [AgendaReason]

    public init(trajectoryId: UUID, reasons: [AgendaReason]) {
        self.trajectoryId = trajectoryId
        self.reasons = reasons
    }
}

/// Builds a meeting's agenda from the cases that need the table on the meeting day.
public enum Agenda {
    /// The cases of one location that need the meeting on `day`, most pressing first.
    public static func build(
        files: [CaseSummary],
        policy: DeadlinePolicy,
        rule: RegionalTiesRule,
        on day: Day
    ) -> [AgendaItem] {
        var items: [AgendaItem] = []
        for file in files where !file.isClosed && file.referredOn <= day {
            var reasons: [AgendaReason] = []
            if file.stage == .intake, let evidence = file.evidence {
                reasons.append(.awaitingDecision)
                let check = AdmissionCheck.evaluate(
                    evidence: evidence,
                    nationality: file.nationality,
                    rule: rule,
                    policy: .national,
                    on: day,
                    activeElsewhere: nil
                )
                if check.verdict != .eligible { reasons.append(.admissionException) }
            }
            let milestones = Deadlines.milestones(for: file, policy: policy, on: day)
            if milestones.contains(where: { $0.kind != .actionItem && $0.kind != .review && $0.state == .overdue }) {
                reasons.append(.overdueMilestone)
            }
            if milestones.contains(where: {
                $0.kind == .review && $0.state.isOpen && $0.state != .suspended && $0.dueOn <= day
            }) {
                reasons.append(.reviewDue)
            }
            if milestones.contains(where: { $0.kind == .actionItem && $0.state.isOpen && $0.dueOn <= day }) {
                reasons.append(.actionItemDue)
            }
            let lastDecision = file.meetingDecisions.map(\.on).max()
            let adviceBack = file.advisedOn.contains { advised in
                advised <= day && (lastDecision.map { advised > $0 } ?? true)
            }
            if adviceBack {
                reasons.append(.committeeAdvised)
            }
            let decisionBack = file.escalationsDecidedOn.contains { decided in
                decided <= day && (lastDecision.map { decided > $0 } ?? true)
            }
            if decisionBack { reasons.append(.escalationReturned) }
            if !reasons.isEmpty { items.append(AgendaItem(trajectoryId: file.id, reasons: reasons)) }
        }
        // Admission decisions first, then overdue deadlines, then the rest; stable by id within a group.
        func rank(_ item: AgendaItem) -> Int {
            AgendaReason.allCases.firstIndex { item.reasons.contains($0) } ?? AgendaReason.allCases.count
        }
        return items.sorted { (rank($0), $0.trajectoryId.uuidString) < (rank($1), $1.trajectoryId.uuidString) }
    }

    /// The agenda as the cases stand: the chair's order kept, every reason recomputed, newly
    /// pressing cases added at the end. A case that no longer needs the table leaves the agenda,
    /// unless the chair put it there or this meeting already decided on it (its reasons then stay
    /// as they were when it was discussed).
    public static func refresh(
        _ agenda: [AgendaItem],
        with fresh: [AgendaItem],
        decided: Set<UUID> = []
    ) -> [AgendaItem] {
        let now = Dictionary(fresh.map { ($0.trajectoryId, $0.reasons) }, uniquingKeysWith: { a, _ in a })
        var result: [AgendaItem] = []
        for var item in agenda {
            let added = item.reasons.contains(.addedByChair)
            if decided.contains(item.trajectoryId) {
                result.append(item)
                continue
            }
            let reasons = (now[item.trajectoryId] ?? []) + (added ? [.addedByChair] : [])
            guard !reasons.isEmpty else { continue }
            item.reasons = reasons
            result.append(item)
        }
        let kept = Set(agenda.map(\.trajectoryId))
        result += fresh.filter { !kept.contains($0.trajectoryId) }
        return result
    }
}
