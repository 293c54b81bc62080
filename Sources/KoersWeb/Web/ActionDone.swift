import KoersCore

/// What a form just did, carried across its redirect in a short-lived cookie and announced at the top of the next
/// page in a `role="status"` message, so a screen reader hears that the action worked. A cookie rather than the
/// query keeps addresses clean and does not announce it again on a reload.
enum ActionDone: String, Sendable, CaseIterable {
    case meetingPlanned = "meeting-planned"
    case agendaUpdated = "agenda-updated"
    case addedToAgenda = "added-to-agenda"
    case agendaMoved = "agenda-moved"
    case decisionRecorded = "decision-recorded"
    case registerSaved = "register-saved"
    case restrictionSaved = "restriction-saved"
    case transferRequested = "transfer-requested"
    case transferDecided = "transfer-decided"

    var message: LocalizedText {
        switch self {
        case .meetingPlanned: LocalizedText(nl: "Het overleg is gepland.", en: "The meeting is planned.")
        case .agendaUpdated: LocalizedText(nl: "De agenda is bijgewerkt.", en: "The agenda is updated.")
        case .addedToAgenda: LocalizedText(nl: "Het dossier staat op de agenda.", en: "The case is on the agenda.")
        case .agendaMoved: LocalizedText(nl: "De volgorde is aangepast.", en: "The order is changed.")
        case .decisionRecorded: LocalizedText(nl: "Het besluit is vastgelegd.", en: "The decision is recorded.")
        case .registerSaved: LocalizedText(nl: "De verwerking is bijgewerkt.", en: "The processing is updated.")
        case .restrictionSaved: LocalizedText(nl: "De beperking is bijgewerkt.", en: "The restriction is updated.")
        case .transferRequested:
            LocalizedText(nl: "De overdracht is aangevraagd.", en: "The transfer is requested.")
        case .transferDecided: LocalizedText(nl: "De overdracht is beantwoord.", en: "The transfer is answered.")
        }
    }
}

extension ActionDone {
    /// The cookie that carries it to the next page.
    static let cookieName = "koers_done"
}
