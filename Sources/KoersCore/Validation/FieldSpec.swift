/// One field a command reads, defined once: its name, what it holds, whether it is required and its
/// limits. The ``Parser`` validates by it, the API reads JSON bodies by it and the OpenAPI document
/// describes it, so the three cannot disagree.
public struct FieldSpec: Sendable, Equatable {
    /// What a field holds.
    public enum Kind: Sendable, Equatable {
        /// Free text, at most this many characters.
        case text(maxLength: Int)
        /// A calendar day, `YYYY-MM-DD`, from `since`; not after today unless `allowFuture`, and then
        /// at most ``Parser/yearsAhead`` years ahead.
        case day(allowFuture: Bool, since: Day)
        /// A year, year and month, or a day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
        case partialDate
        /// One code of a closed set.
        case choice([String])
        /// Codes of a closed set, each at most once.
        case choices([String])
        /// Yes or no.
        case flag
        /// A whole number in a range.
        case integer(ClosedRange<Int>)
        /// An id.
        case uuid
        /// Several ids.
        case uuids
        /// Text matching a regular expression (as JSON Schema writes it), at most `maxLength` long.
        case pattern(String, maxLength: Int)
        /// A list of short texts (in a form, one text separated by commas or lines).
        case texts(maxItems: Int, maxLength: Int)
    }

    public let name: String
    public let kind: Kind
    public let required: Bool
    /// What the field means, for the published document.
    public let summary: String?

    public init(_ name: String, _ kind: Kind, required: Bool, summary: String? = nil) {
        self.name = name
        self.kind = kind
        self.required = required
        self.summary = summary
    }

    public static func text(_ name: String, maxLength: Int = 200, required: Bool = true) -> FieldSpec {
        FieldSpec(name, .text(maxLength: maxLength), required: required)
    }

    /// A day in a case's life (a referral, a decision, a meeting): from ``Parser/earliestEvent``.
    public static func day(_ name: String, allowFuture: Bool = false, required: Bool = true) -> FieldSpec {
        FieldSpec(name, .day(allowFuture: allowFuture, since: Parser.earliestEvent), required: required)
    }

    /// A day in a person's history before the LVV (an asylum decision, arriving in the region):
    /// from ``Parser/earliest``.
    public static func historicDay(_ name: String, required: Bool = false) -> FieldSpec {
        FieldSpec(name, .day(allowFuture: false, since: Parser.earliest), required: required)
    }

    public static func choice<T: CaseIterable & RawRepresentable>(
        _ name: String,
        _ type: T.Type,
        required: Bool = true
    ) -> FieldSpec where T.RawValue == String {
        FieldSpec(name, .choice(T.allCases.map(\.rawValue)), required: required)
    }

    public static func choices<T: CaseIterable & RawRepresentable>(
        _ name: String,
        _ type: T.Type,
        only allowed: [T]? = nil,
        required: Bool = false
    ) -> FieldSpec where T.RawValue == String {
        FieldSpec(name, .choices((allowed ?? Array(T.allCases)).map(\.rawValue)), required: required)
    }

    public static func flag(_ name: String) -> FieldSpec {
        FieldSpec(name, .flag, required: false)
    }

    public static func integer(_ name: String, _ range: ClosedRange<Int>, required: Bool = false) -> FieldSpec {
        FieldSpec(name, .integer(range), required: required)
    }

    public static func uuid(_ name: String, required: Bool = true) -> FieldSpec {
        FieldSpec(name, .uuid, required: required)
    }

    /// Whether the field's JSON value is an array.
    public var isList: Bool {
        switch kind {
        case .choices, .uuids, .texts: true
        default: false
        }
    }
}

/// Formulier: the input of one command, every field it reads. A parser is made for one form and
/// reads only its fields.
public struct Form: Sendable {
    public let fields: [FieldSpec]

    public init(_ fields: FieldSpec...) {
        self.fields = fields
    }

    public init(_ fields: [FieldSpec]) {
        self.fields = fields
    }

    /// The field called `name`.
    public subscript(name: String) -> FieldSpec? {
        fields.first { $0.name == name }
    }

    /// This form's fields and then `other`'s, for commands that read another's fields as well.
    public func adding(_ other: Form) -> Form {
        Form(fields + other.fields.filter { field in !fields.contains { $0.name == field.name } })
    }
}
