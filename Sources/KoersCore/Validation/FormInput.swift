import Foundation

/// Submitted values, by field name, from a web form or an API body alike.
///
/// Both the web application and the API turn their input into this shape so that one
/// parser per command validates it, with the same field names and the same errors.
public struct FormInput: Sendable {
    public private(set) var values: [String: [String]]
    /// Fields refused while reading the input (a JSON value of the wrong type), with their errors:
    /// a parser reports them with its own, so every error of a submission comes at once.
    public private(set) var rejected: [FieldError] = []

    public init(_ values: [String: [String]] = [:]) {
        self.values = values
    }

    public init(single: [String: String]) {
        self.values = single.mapValues { [$0] }
    }

    /// The trimmed value of a field, or nil when absent or blank.
    public func string(_ field: String) -> String? {
        guard let raw = values[field]?.first else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Every non-blank value of a repeated field (check boxes, lists).
    public func all(_ field: String) -> [String] {
        (values[field] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The raw value as typed, for showing back in a form.
    public func raw(_ field: String) -> String {
        values[field]?.first ?? ""
    }

    /// Marks a field as refused while reading; its value is left out.
    public mutating func reject(_ error: FieldError) {
        values[error.field] = nil
        rejected.append(error)
    }

    public func isRejected(_ field: String) -> Bool { rejected.contains { $0.field == field } }

    public mutating func set(_ field: String, _ value: String?) {
        values[field] = value.map { [$0] }
    }

    public mutating func set(_ field: String, _ values: [String]) {
        self.values[field] = values
    }
}
