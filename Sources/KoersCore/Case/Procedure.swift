import Foundation

/// A legal or practical procedure followed during a trajectory.
public enum ProcedureKind: String, Sendable, CaseIterable, Codable {
    /// Herhaalde asielaanvraag.
    case hasa
    /// Artikel 64 Vw: medical postponement of departure.
    case article64
    case regularApplication, returnSupport, identityResearch, onwardMigration

    public var label: LocalizedText {
        switch self {
        case .hasa: LocalizedText(nl: "Herhaalde asielaanvraag (HASA)", en: "Repeat asylum application (HASA)")
        case .article64:
            LocalizedText(
                nl: "Artikel 64 (medisch uitstel van vertrek)",
                en: "Article 64 (medical postponement of departure)"
            )
        case .regularApplication:
            LocalizedText(nl: "Reguliere aanvraag verblijfsvergunning", en: "Regular permit application")
        case .returnSupport: LocalizedText(nl: "Terugkeerondersteuning", en: "Return support")
        case .identityResearch: LocalizedText(nl: "Identiteitsonderzoek", en: "Identity research")
        case .onwardMigration: LocalizedText(nl: "Doormigratie", en: "Onward migration")
        }
    }

    /// The agency that decides on this kind of procedure; its users record the decision as theirs,
    /// anyone else who may record it does so as a reported fact.
    public var decidingAuthority: Party {
        switch self {
        case .hasa, .article64, .regularApplication: .ind
        case .returnSupport, .onwardMigration: .dtv
        case .identityResearch: .avim
        }
    }
}

/// The decision on a procedure.
public enum ProcedureOutcome: String, Sendable, CaseIterable, Codable {
    case granted, rejected, withdrawn

    public var label: LocalizedText {
        switch self {
        case .granted: LocalizedText(nl: "Ingewilligd", en: "Granted")
        case .rejected: LocalizedText(nl: "Afgewezen", en: "Rejected")
        case .withdrawn: LocalizedText(nl: "Ingetrokken", en: "Withdrawn")
        }
    }
}

/// A procedure with its submission and, once known, its decision.
public struct Procedure: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let kind: ProcedureKind
    public let submittedOn: Day
    public let reference: String?
    public var outcome: ProcedureOutcome?
    public var decidedOn: Day?
    /// Set when the decision was recorded by a party other than the deciding authority, as a
    /// fact it reported; nil when the authority recorded it itself.
    public var decisionReportedBy: Party?

    public init(
        id: UUID,
        kind: ProcedureKind,
        submittedOn: Day,
        reference: String?,
        outcome: ProcedureOutcome?,
        decidedOn: Day?
    ) {
        self.id = id
        self.kind = kind
        self.submittedOn = submittedOn
        self.reference = reference
        self.outcome = outcome
        self.decidedOn = decidedOn
    }

    public var isPending: Bool { outcome == nil }
}
