import Foundation

/// Collects field errors while reading a ``FormInput`` by a ``Form``; the parse functions of every
/// command use it so that all problems of a submission are found in one pass.
///
/// What a field may hold (required, length, codes, date range) comes from its ``FieldSpec`` in the
/// form; a parse function adds only the rules a spec cannot state, such as one date after another.
public struct Parser {
    public let input: FormInput
    public let form: Form
    public private(set) var errors: [FieldError] = []
    /// The day against which "not in the future" is judged.
    public let today: Day

    public init(_ input: FormInput, form: Form, today: Day) {
        self.input = input
        self.form = form
        self.today = today
        errors = input.rejected.filter { error in form[error.field] != nil }
    }

    public mutating func fail(_ field: String, _ code: String, nl: String, en: String) {
        errors.append(FieldError(field: field, code: code, message: LocalizedText(nl: nl, en: en)))
    }

    public var hasErrors: Bool { !errors.isEmpty }

    public func hasError(_ field: String) -> Bool { errors.contains { $0.field == field } }

    /// Throws every collected error at once, if there are any, in the order of the form's fields,
    /// so the error summary reads like the page; an error about no field of the form comes first.
    public func finish() throws(ValidationFailure) {
        guard !errors.isEmpty else { return }
        let position = Dictionary(form.fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = errors.enumerated().sorted {
            let (a, b) = (position[$0.element.field] ?? -1, position[$1.element.field] ?? -1)
            return a != b ? a < b : $0.offset < $1.offset
        }
        throw ValidationFailure(ordered.map(\.element))
    }

    /// The earliest day a date of a person's history accepts.
    public static let earliest = Day(year: 1900, month: 1, day: 1)!
    /// The earliest day of a case's life (a referral, a decision, a meeting): well before the LVV,
    /// so existing registrations fit, and late enough that a typo such as 1919 for 2019 is refused.
    public static let earliestEvent = Day(year: 2000, month: 1, day: 1)!
    /// How far ahead a date field that allows the future accepts a day.
    public static let yearsAhead = 5

    /// The spec of a field of this parser's form. Reading a field the form does not declare is a
    /// programming error: the published contract would not show it.
    private func spec(_ field: String) -> FieldSpec {
        guard let spec = form[field] else {
            assertionFailure("‘\(field)’ is read but not in the command's form")
            return .text(field, maxLength: 200, required: false)
        }
        return spec
    }

    // MARK: Field readers

    /// A text field, checked against its spec's length; nil (and, when required, an error) if blank.
    public mutating func text(_ field: String) -> String? {
        let spec = spec(field)
        guard let value = input.string(field) else {
            if spec.required && !input.isRejected(field) {
                fail(field, "required", nl: "Dit veld is verplicht.", en: "This field is required.")
            }
            return nil
        }
        let maxLength: Int
        switch spec.kind {
        case .text(let length), .pattern(_, let length): maxLength = length
        default: maxLength = 200
        }
        // The raw length in code points, as JSON Schema's maxLength counts: combining marks count
        // too, though they do not make a new character (a grapheme) of their own.
        guard input.raw(field).unicodeScalars.count <= maxLength else {
            fail(field, "tooLong", nl: "Maximaal \(maxLength) tekens.", en: "At most \(maxLength) characters.")
            return nil
        }
        return value
    }

    /// A field whose format the caller checks itself (a partial date, a country code, an id); its
    /// spec says whether it is required and how long it may be. `missing` replaces the generic
    /// message when a required one is blank.
    public mutating func value(_ field: String, missing: LocalizedText? = nil) -> String? {
        let spec = spec(field)
        guard input.string(field) != nil else {
            if spec.required && !input.isRejected(field) {
                let message = missing ?? LocalizedText(nl: "Dit veld is verplicht.", en: "This field is required.")
                errors.append(FieldError(field: field, code: "required", message: message))
            }
            return nil
        }
        return text(field)
    }

    /// A day by its spec: `YYYY-MM-DD`, from 1900, not in the future unless the spec allows it, and
    /// then at most five years ahead.
    public mutating func day(_ field: String) -> Day? {
        let spec = spec(field)
        guard let text = input.string(field) else {
            if spec.required && !input.isRejected(field) {
                fail(field, "required", nl: "Vul een datum in.", en: "Enter a date.")
            }
            return nil
        }
        guard let value = Day(text) else {
            fail(
                field,
                "invalidDate",
                nl: "Geen geldige datum; gebruik JJJJ-MM-DD.",
                en: "Not a valid date; use YYYY-MM-DD."
            )
            return nil
        }
        guard case .day(let allowFuture, let since) = spec.kind else {
            assertionFailure("‘\(field)’ is read as a day but is not one")
            return nil
        }
        if !allowFuture && value > today {
            fail(field, "inFuture", nl: "Deze datum ligt in de toekomst.", en: "This date is in the future.")
            return nil
        }
        // A date the LVV can mean: nothing before the field's first day, nothing planned further
        // than five years ahead. A typo such as 4979 for 2025 is refused rather than kept.
        if value < since {
            fail(
                field,
                "tooEarly",
                nl: "Deze datum ligt vóór \(since.year).",
                en: "This date is before \(since.year)."
            )
            return nil
        }
        if value > today.adding(months: 12 * Self.yearsAhead) {
            fail(
                field,
                "tooFarAhead",
                nl: "Deze datum ligt meer dan \(Self.yearsAhead) jaar vooruit.",
                en: "This date is more than \(Self.yearsAhead) years ahead."
            )
            return nil
        }
        return value
    }

    /// One value of a closed set of codes.
    public mutating func choice<T: RawRepresentable>(_ field: String, _ type: T.Type) -> T? where T.RawValue == String {
        let spec = spec(field)
        guard let text = input.string(field) else {
            if spec.required && !input.isRejected(field) {
                fail(field, "required", nl: "Maak een keuze.", en: "Make a choice.")
            }
            return nil
        }
        guard let value = T(rawValue: text), Self.allowed(text, by: spec) else {
            fail(field, "unknownCode", nl: "Onbekende waarde ‘\(text)’.", en: "Unknown value ‘\(text)’.")
            return nil
        }
        return value
    }

    /// Every value of a repeated field, each from a closed set of codes.
    public mutating func choices<T: RawRepresentable>(_ field: String, _ type: T.Type) -> [T]
    where T.RawValue == String {
        let spec = spec(field)
        var result: [T] = []
        for text in input.all(field) {
            if let value = T(rawValue: text), Self.allowed(text, by: spec) {
                if !result.contains(where: { $0.rawValue == value.rawValue }) { result.append(value) }
            } else {
                fail(field, "unknownCode", nl: "Onbekende waarde ‘\(text)’.", en: "Unknown value ‘\(text)’.")
            }
        }
        return result
    }

    private static func allowed(_ code: String, by spec: FieldSpec) -> Bool {
        switch spec.kind {
        case .choice(let codes), .choices(let codes): codes.contains(code)
        default: true
        }
    }

    /// A check box or boolean: present and true-ish means yes.
    public func flag(_ field: String) -> Bool {
        _ = spec(field)
        guard let text = input.string(field)?.lowercased() else { return false }
        return ["true", "on", "yes", "1", "ja"].contains(text)
    }

    /// A whole number within its spec's range; nil when blank.
    public mutating func integer(_ field: String) -> Int? {
        let spec = spec(field)
        guard let text = input.string(field) else {
            if spec.required && !input.isRejected(field) {
                fail(field, "required", nl: "Dit veld is verplicht.", en: "This field is required.")
            }
            return nil
        }
        guard case .integer(let range) = spec.kind, let value = Int(text), range.contains(value) else {
            let range = { if case .integer(let r) = spec.kind { r } else { Int.min...Int.max } }()
            fail(
                field,
                "outOfRange",
                nl: "Een heel getal van \(range.lowerBound) tot \(range.upperBound).",
                en: "A whole number from \(range.lowerBound) to \(range.upperBound)."
            )
            return nil
        }
        return value
    }

    /// An id; nil (with an error) when it is not one.
    public mutating func uuid(_ field: String, missing: LocalizedText? = nil) -> UUID? {
        guard let text = value(field, missing: missing) else { return nil }
        guard let id = UUID(uuidString: text) else {
            fail(field, "invalidId", nl: "Geen geldige verwijzing.", en: "Not a valid reference.")
            return nil
        }
        return id
    }

    /// Several ids, each at most once; an error when one is not an id.
    public mutating func uuids(_ field: String) -> [UUID] {
        let spec = spec(field)
        let texts = input.all(field)
        if texts.isEmpty {
            if spec.required && !input.isRejected(field) {
                fail(field, "required", nl: "Dit veld is verplicht.", en: "This field is required.")
            }
            return []
        }
        var ids: [UUID] = []
        for text in texts {
            guard let id = UUID(uuidString: text) else {
                fail(field, "invalidId", nl: "Geen geldige verwijzing.", en: "Not a valid reference.")
                return []
            }
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }
}
