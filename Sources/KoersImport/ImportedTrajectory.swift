import Foundation
import KoersCore

/// One row of a city's registration read into Koers's terms: a trajectory of a person, with the
/// facts the file holds. Dates are checked against each other; codes are Koers's.
public struct ImportedTrajectory: Sendable, Hashable {
    /// The city's own ids: rows with the same person id are one person.
    public let sourcePersonId: String
    public let sourceTrajectoryId: String
    /// The row in the file, for the report.
    public let row: Int
    public let identity: Identity
    public let referral: Referral

    /// Toelating: the outcome, its day and, for a rejection, the reason.
    public struct Admission: Sendable, Hashable {
        public let outcome: AdmissionDecision.Outcome
        public let decidedOn: Day
        public let rejectionReason: RejectionReason?
    }
    public let admission: Admission?
    /// Every perspective set, in date order; a file with a row per perspective gives several.
    public internal(set) var perspectives: [PerspectiveDecision]

    /// Begeleiding: an instrument from a day, until a day when it ended.
    public struct Support: Sendable, Hashable {
        public let instrument: SupportInstrument
        public let startedOn: Day
        public let endedOn: Day?
    }
    public internal(set) var supports: [Support]

    /// Procedure: its kind, when it was submitted, and its outcome once decided.
    public struct ProcedureFacts: Sendable, Hashable {
        public let kind: ProcedureKind
        public let submittedOn: Day
        public let outcome: ProcedureOutcome?
        public let decidedOn: Day?
    }
    public internal(set) var procedures: [ProcedureFacts]

    /// Uitstroom: the day and the reason's code from the list in force.
    public struct OutflowFacts: Sendable, Hashable {
        public let leftOn: Day
        public let reason: OutflowReason
    }
    public let outflow: OutflowFacts?

    /// The stage the trajectory ends up in once imported.
    public var stage: Stage {
        if outflow != nil { return .outflow }
        switch admission?.outcome {
        case .reject?: return .rejected
        case .admit?, .admitByException?: return .active
        case nil: return .referral
        }
    }
}

/// What one row of the file gets in the dry run's report.
public struct RowReport: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// Read as it is.
        case ok
        /// Read, with something a person may want to check.
        case warning
        /// Not read: the row is left out until it is fixed.
        case error
    }

    /// A finding about one field of the row, with a reason a person can act on.
    public struct Finding: Sendable, Hashable {
        public let severity: Severity
        public let field: String
        public let message: LocalizedText
    }

    public let row: Int
    public let sourceTrajectoryId: String?
    public let findings: [Finding]

    public var severity: Severity {
        if findings.contains(where: { $0.severity == .error }) { return .error }
        return findings.isEmpty ? .ok : .warning
    }
}

extension ImportedTrajectory {
    /// Whether another row describes the same trajectory: the same person, referral, admission and
    /// outflow; only its perspective, support and procedure may add to this one.
    func sameTrajectory(as other: ImportedTrajectory) -> Bool {
        sourcePersonId == other.sourcePersonId && referral == other.referral && admission == other.admission
            && outflow == other.outflow && identity == other.identity
    }

    /// Adds another row's perspectives, support and procedures, each once, in date order.
    mutating func add(_ other: ImportedTrajectory) {
        for p in other.perspectives where !perspectives.contains(p) { perspectives.append(p) }
        for s in other.supports where !supports.contains(s) { supports.append(s) }
        for p in other.procedures where !procedures.contains(p) { procedures.append(p) }
        perspectives.sort { $0.decidedOn < $1.decidedOn }
        supports.sort { $0.startedOn < $1.startedOn }
        procedures.sort { $0.submittedOn < $1.submittedOn }
    }
}
