/// One invalid field: which field, a stable code for machines, and a sentence for people.
public struct FieldError: Sendable, Hashable, Codable {
    public let field: String
    public let code: String
    public let message: LocalizedText

    public init(field: String, code: String, message: LocalizedText) {
        self.field = field
        self.code = code
        self.message = message
    }
}

/// Every field error of one submission, reported together so a user can fix them all at once.
public struct ValidationFailure: Error, Sendable {
    public let errors: [FieldError]

    public init(_ errors: [FieldError]) {
        self.errors = errors
    }

    /// The first error for a field, for showing beside it.
    public func error(for field: String) -> FieldError? {
        errors.first { $0.field == field }
    }
}

extension FieldError {
    /// A field left empty, with what to do about it.
    public static func required(_ field: String, nl: String, en: String) -> FieldError {
        FieldError(field: field, code: "required", message: LocalizedText(nl: nl, en: en))
    }
}
