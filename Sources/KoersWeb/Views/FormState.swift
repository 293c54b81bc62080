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
    /// Field names this form labels differently from ``FieldLabels``; the field and the error
    /// summary both read the label from here, so they always use the same words.
    var labels: [String: LocalizedText] = [:]

    init(input: FormInput = FormInput(), errors: [FieldError] = [], formMessage: LocalizedText? = nil) {
        self.input = input
        self.errors = errors
        self.formMessage = formMessage
    }

    func value(_ name: String) -> String { input.raw(name) }

    func values(_ name: String) -> [String] { input.values[name] ?? [] }

    func error(_ name: String) -> FieldError? { errors.first { $0.field == name } }

    var hasErrors: Bool { !errors.isEmpty || formMessage != nil }

    /// The label of a field: this form's own wording, else the common one, else the name.
    func label(_ name: String) -> LocalizedText {
        labels[name] ?? FieldLabels.all[name] ?? LocalizedText(nl: name, en: name)
    }

    /// This state with some fields labelled in this form's own words.
    func labelled(_ overrides: [String: LocalizedText]) -> FormState {
        var copy = self
        copy.labels.merge(overrides) { _, new in new }
        return copy
    }

    /// This state with its field ids under `scope`.
    func scoped(_ scope: String) -> FormState {
        var copy = self
        copy.idScope = scope
        return copy
    }
}
