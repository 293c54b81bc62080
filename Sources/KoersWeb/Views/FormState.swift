import Foundation
import KoersCore

/// A form's values and errors: what was typed is shown back, each error beside its field.
struct FormState: Sendable {
    let input: FormInput
    let errors: [FieldError]
    /// An error about the form as a whole (e.g. a concurrent change), shown in the summary.
    let formMessage: LocalizedText?
    /// Put before every field id, so that several forms with the same fields on one page (a
    /// decision per possible registration) keep their ids unique.
    var idScope = ""

    init(input: FormInput = FormInput(), errors: [FieldError] = [], formMessage: LocalizedText? = nil) {
        self.input = input
        self.errors = errors
        self.formMessage = formMessage
    }

    func value(_ name: String) -> String { input.raw(name) }

    func values(_ name: String) -> [String] { input.values[name] ?? [] }

    func error(_ name: String) -> FieldError? { errors.first { $0.field == name } }

    var hasErrors: Bool { !errors.isEmpty || formMessage != nil }

    /// This state with its field ids under `scope`.
    func scoped(_ scope: String) -> FormState {
        var copy = self
        copy.idScope = scope
        return copy
    }
}
