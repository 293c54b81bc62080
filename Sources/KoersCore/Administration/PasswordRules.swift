import Foundation

/// What a password must be when a user sets their own: long, not their own e-mail or name, and not
/// one that attackers try first (``CommonPasswords``).
public enum PasswordRules {
    public static let minimumLength = 12
    public static let maximumLength = 200

    /// Every rule the password breaks, under the field `password`; none when it is acceptable.
    public static func errors(_ password: String, again: String?, email: String, name: String) -> [FieldError] {
        var errors: [FieldError] = []
        func fail(_ field: String, _ code: String, _ nl: String, _ en: String) {
            errors.append(FieldError(field: field, code: code, message: LocalizedText(nl: nl, en: en)))
        }
        let folded = password.lowercased()
        if password.count < minimumLength {
            fail(
                "password",
                "tooShort",
                "Kies een wachtwoord van minstens \(minimumLength) tekens.",
                "Choose a password of at least \(minimumLength) characters."
            )
        } else if password.count > maximumLength {
            fail("password", "tooLong", "Hoogstens \(maximumLength) tekens.", "At most \(maximumLength) characters.")
        }
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        let nameParts = name.lowercased().split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 4 }
        if folded == email.lowercased() || (local.count >= 4 && folded.contains(local))
            || nameParts.contains(where: { folded.contains($0) })
        {
            fail(
                "password",
                "personal",
                "Het wachtwoord mag uw e-mailadres of naam niet bevatten.",
                "The password must not contain your e-mail address or name."
            )
        }
        if CommonPasswords.contains(folded) {
            fail(
                "password",
                "common",
                "Dit wachtwoord staat op een lijst van veelgebruikte wachtwoorden. Kies een ander.",
                "This password is on a list of common passwords. Choose another."
            )
        }
        if let again, again != password {
            fail("passwordAgain", "mismatch", "De twee wachtwoorden verschillen.", "The two passwords differ.")
        }
        return errors
    }
}
