/// The kind of organisation a user works for; it decides, through ``AccessPolicy``, what they may see and do.
public enum Party: String, Sendable, CaseIterable, Codable {
    /// Gemeente, the regievoerder that chairs the local case meeting.
    case municipality
    /// Shelter and counselling organisation.
    case ngo
    /// Immigratie- en Naturalisatiedienst.
    case ind
    /// Dienst Terugkeer en Vertrek.
    case dtv
    /// Afdeling Vreemdelingenpolitie, Identificatie en Mensenhandel.
    case avim
    /// The national programme and researchers: aggregates only.
    case monitor
    /// Hardship committee (commissie schrijnende gevallen).
    case committee
    /// A body on the escalation ladder (stuurgroep, landelijk escalatieoverleg), with decision authority.
    case escalationBody
    /// System administrator: accounts and configuration, no case content.
    case admin
    /// Privacyfunctionaris: the controller's privacy officer, who answers a person's requests under
    /// the AVG (access, restriction) for the locations its organisation serves, and opens no case
    /// otherwise.
    case privacy

    /// The national agencies (Rijkspartijen).
    public var isAgency: Bool { self == .ind || self == .dtv || self == .avim }

    /// The parties that open personal case files; two-factor sign-in is on by default for them.
    public static func opensCases(_ party: Party) -> Bool {
        AccessPolicy.caseParties.contains(party)
    }

    public var label: LocalizedText {
        switch self {
        case .municipality: LocalizedText(nl: "Gemeente", en: "Municipality")
        case .ngo: LocalizedText(nl: "Ngo", en: "NGO")
        case .ind: LocalizedText(nl: "IND", en: "IND")
        case .dtv: LocalizedText(nl: "DT&V", en: "DT&V")
        case .avim: LocalizedText(nl: "AVIM", en: "AVIM")
        case .monitor: LocalizedText(nl: "Monitor", en: "Monitor")
        case .committee: LocalizedText(nl: "Commissie schrijnende gevallen", en: "Hardship committee")
        case .escalationBody: LocalizedText(nl: "Escalatieoverleg", en: "Escalation body")
        case .admin: LocalizedText(nl: "Beheerder", en: "Administrator")
        case .privacy: LocalizedText(nl: "Privacyfunctionaris", en: "Privacy officer")
        }
    }
}
