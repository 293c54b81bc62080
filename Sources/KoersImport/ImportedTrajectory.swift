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
    public let perspective: PerspectiveDecision?

    /// Begeleiding: an instrument from a day, until a day when it ended.
    public struct Support: Sendable, Hashable {
        public let instrument: SupportInstrument
        public let startedOn: Day
        public let endedOn: Day?
    }
    public let support: Support?

    /// Procedure: its kind, when it was submitted, and its outcome once decided.
    public struct ProcedureFacts: Sendable, Hashable {
        public let kind: ProcedureKind
        public let submittedOn: Day
        public let outcome: ProcedureOutcome?
        public let decidedOn: Day?
    }
    public let procedure: ProcedureFacts?

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
