import KoersCore

/// Failures the web application and the API both turn into answers of their own kind.
public enum AppError: Error, Sendable {
    /// Not there, or not for this user's eyes (404).
    case notFound
    /// Visible, but this user may not do this (403).
    case forbidden
    /// The submitted values are invalid (400 in the API, the form again on the web).
    case invalid(ValidationFailure)
    /// Changed by someone else since it was read (409).
    case stale(current: Int)
    /// A precondition such as If-Match is missing (428).
    case preconditionRequired
    /// A rule across records, e.g. an open trajectory already exists (409).
    case conflict(LocalizedText)
    /// Too many failed logins (429).
    case throttled(retryAfterSeconds: Int)
    /// Not signed in (401).
    case unauthenticated
    /// Too many concurrent writers on the same record; nothing was written, send it again (503).
    case busy
    /// Processing of the person is restricted (AVG art. 18), for this reason (403).
    case restricted(reason: String)

    /// What the user reads when a restricted case refuses a change.
    static func restrictionMessage(_ reason: String) -> LocalizedText {
        LocalizedText(
            nl: "De verwerking van deze persoon is beperkt (art. 18 AVG): \(reason). Alleen de gemeente "
                + "kan het dossier nu wijzigen.",
            en: "Processing of this person is restricted (GDPR art. 18): \(reason). Only the municipality "
                + "can change the case now."
        )
    }
}
