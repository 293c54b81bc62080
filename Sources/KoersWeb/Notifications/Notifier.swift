import Foundation
import KoersCore
import KoersStore
import Logging

/// Tells the users of an organisation by e-mail that something waits for them in Koers: an action
/// item, a transfer request, an escalation or a request to the hardship committee; and an invited
/// user their link. A mail carries a link and no personal data of any case: mail leaves the
/// network Koers runs in.
///
/// Mails go out after the change is committed, beside the request; a relay that is down costs a
/// warning in the log, never the change.
struct Notifier: Sendable {
    /// What waits.
    enum Subject: Sendable {
        case actionItem, transfer, escalation, committee

        var text: LocalizedText {
            switch self {
            case .actionItem: LocalizedText(nl: "een nieuwe actie", en: "a new action item")
            case .transfer: LocalizedText(nl: "een verzoek om overdracht", en: "a transfer request")
            case .escalation: LocalizedText(nl: "een opgeschaalde casus", en: "an escalated case")
            case .committee: LocalizedText(nl: "een adviesvraag", en: "a request for advice")
            }
        }

        var path: String { self == .transfer ? SiteURL.transfers.path : SiteURL.inbox.path }
    }

    let mailer: SMTPMailer?
    let directory: DirectoryStore
    let publicURL: String
    let logger: Logger

    /// Mails the users of `party` (of that rung, for an escalation body) who serve the location.
    func tell(_ party: Party, escalationLevel: String? = nil, at locationId: UUID, about subject: Subject) {
        guard let mailer else { return }
        let message = { (to: [String]) in
            MailMessage(
                to: to,
                subject: "Koers: \(subject.text.nl) / \(subject.text.en)",
                body: """
                    Er staat in Koers \(subject.text.nl) voor uw organisatie klaar:
                    \(publicURL)\(subject.path)

                    There is \(subject.text.en) for your organisation in Koers:
                    \(publicURL)\(subject.path)

                    Deze e-mail bevat bewust geen gegevens over personen.
                    This e-mail deliberately holds no personal data.
                    """
            )
        }
        let directory = directory
        let logger = logger
        Task {
            do {
                let recipients = try await directory.emails(of: party, escalationLevel: escalationLevel, at: locationId)
                guard !recipients.isEmpty else { return }
                try await mailer.send(message(recipients))
            } catch {
                logger.warning("Notification not sent: \(error)", metadata: ["party": "\(party.rawValue)"])
            }
        }
    }

    /// Mails an invited user their one-time link.
    func invite(_ email: String, token: String) {
        guard let mailer else { return }
        let link = "\(publicURL)/invitations/\(token)"
        let logger = logger
        Task {
            do {
                try await mailer.send(
                    MailMessage(
                        to: [email],
                        subject: "Koers: uitnodiging / invitation",
                        body: """
                            U bent uitgenodigd voor Koers. Kies met deze link binnen zeven dagen een wachtwoord:
                            \(link)

                            You are invited to Koers. Choose a password with this link within seven days:
                            \(link)
                            """
                    )
                )
            } catch {
                logger.warning("Invitation mail not sent: \(error)")
            }
        }
    }
}
