import Foundation

/// Submitted values, by field name, from a web form or an API body alike.
///
/// Both the web application and the API turn their input into this shape so that one
/// parser per command validates it, with the same field names and the same errors.
public struct FormInput: Sendable {
    public private(set) var values: [String: [String]]

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

    public mutating func set(_ field: String, _ value: String?) {
        values[field] = value.map { [$0] }
    }
}
