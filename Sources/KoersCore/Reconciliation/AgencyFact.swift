import Foundation

/// Ketenpartner: the agency whose own list Koers's facts are compared with.
public enum AgencySource: String, Sendable, Hashable, Codable, CaseIterable {
    /// The IND's repeat-asylum decisions (HASA): V-nummer, submitted, decided, outcome.
    case ind
    /// DT&V's departures: V-nummer, date, kind.
    case dtv

    public var label: LocalizedText {
        switch self {
        case .ind: LocalizedText(nl: "IND (herhaalde asielaanvragen)", en: "IND (repeat asylum applications)")
        case .dtv: LocalizedText(nl: "DT&V (vertrek)", en: "DT&V (departures)")
        }
    }

    /// The agency's name as a fact's source shows it.
    public var agencyName: String {
        switch self {
        case .ind: "IND"
        case .dtv: "DT&V"
        }
    }
}

/// One line of an agency's list: a HASA decision (IND) or a departure (DT&V) for a V-nummer.
public struct AgencyFact: Sendable, Hashable, Codable {
    /// The line's row number in the file, for the person who checks it there.
    public let row: Int
    public let vNumber: VNumber
    /// The day the application was submitted, or the day of departure.
    public let date: Day
    /// IND: the decision, once made.
    public let decidedOn: Day?
    public let outcome: ProcedureOutcome?
    /// DT&V: the departure as an outflow reason code (`independentDeparture`, `onwardMigration`).
    public let reasonCode: String?

    public init(
        row: Int,
        vNumber: VNumber,
        date: Day,
        decidedOn: Day? = nil,
        outcome: ProcedureOutcome? = nil,
        reasonCode: String? = nil
    ) {
        self.row = row
        self.vNumber = vNumber
        self.date = date
        self.decidedOn = decidedOn
        self.outcome = outcome
        self.reasonCode = reasonCode
    }
}

/// What Koers holds of the same kind for a person with a V-nummer at the location: a HASA
/// procedure, or an outflow.
public struct RegisteredFact: Sendable, Hashable, Codable {
    public let trajectoryId: UUID
    public let vNumber: VNumber
    /// The procedure's id (IND); nil for an outflow.
    public let procedureId: UUID?
    /// Submitted on, or left on.
    public let date: Day
    public let decidedOn: Day?
    public let outcome: ProcedureOutcome?
    public let reasonCode: String?

    public init(
        trajectoryId: UUID,
        vNumber: VNumber,
        procedureId: UUID?,
        date: Day,
        decidedOn: Day? = nil,
        outcome: ProcedureOutcome? = nil,
        reasonCode: String? = nil
    ) {
        self.trajectoryId = trajectoryId
        self.vNumber = vNumber
        self.procedureId = procedureId
        self.date = date
        self.decidedOn = decidedOn
        self.outcome = outcome
        self.reasonCode = reasonCode
    }

    /// Koers's facts of this kind in a case file whose person has a V-nummer. For DT&V every
    /// outflow counts, so that a departure Koers recorded as "left, destination unknown" shows as
    /// a difference rather than as missing.
    public static func facts(of file: CaseFile, for source: AgencySource) -> [RegisteredFact] {
        guard let v = file.identity.vNumber else { return [] }
        switch source {
        case .ind:
            return file.procedures.filter { $0.kind == .hasa }.map {
                RegisteredFact(
                    trajectoryId: file.id,
                    vNumber: v,
                    procedureId: $0.id,
                    date: $0.submittedOn,
                    decidedOn: $0.decidedOn,
                    outcome: $0.outcome
                )
            }
        case .dtv:
            guard let outflow = file.outflow else { return [] }
            return [
                RegisteredFact(
                    trajectoryId: file.id,
                    vNumber: v,
                    procedureId: nil,
                    date: outflow.leftOn,
                    reasonCode: outflow.reasonCode
                )
            ]
        }
    }
}
