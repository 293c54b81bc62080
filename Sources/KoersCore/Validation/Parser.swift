/// Collects field errors while reading a ``FormInput``; the parse functions of every
/// command use it so that all problems of a submission are found in one pass.
public struct Parser {
    public let input: FormInput
    public private(set) var errors: [FieldError] = []
    /// The day against which "not in the future" is judged.
    public let today: Day

    public init(_ input: FormInput, today: Day) {
        self.input = input
        self.today = today
    }

    public mutating func fail(_ field: String, _ code: String, nl: String, en: String) {
        errors.append(FieldError(field: field, code: code, message: LocalizedText(nl: nl, en: en)))
    }

    public var hasErrors: Bool { !errors.isEmpty }

    public func hasError(_ field: String) -> Bool { errors.contains { $0.field == field } }

    /// Throws every collected error at once, if there are any.
    public func finish() throws(ValidationFailure) {
        if !errors.isEmpty { throw ValidationFailure(errors) }
    }

    // MARK: Field readers

    public mutating func required(_ field: String, maxLength: Int = 200) -> String? {
        guard let value = input.string(field) else {
            fail(field, "required", nl: "Dit veld is verplicht.", en: "This field is required.")
            return nil
        }
        return checkLength(field, value, maxLength)
    }

    public mutating func optional(_ field: String, maxLength: Int = 200) -> String? {
        input.string(field).flatMap { checkLength(field, $0, maxLength) }
    }

    private mutating func checkLength(_ field: String, _ value: String, _ maxLength: Int) -> String? {
        guard value.count <= maxLength else {
            fail(field, "tooLong", nl: "Maximaal \(maxLength) tekens.", en: "At most \(maxLength) characters.")
            return nil
        }
        return value
    }

    /// A day that is not in the future (unless `allowFuture`), from 1900 and at most five years ahead.
    public mutating func day(_ field: String, required: Bool = true, allowFuture: Bool = false) -> Day? {
        guard let text = input.string(field) else {
            if required { fail(field, "required", nl: "Vul een datum in.", en: "Enter a date.") }
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
        if !allowFuture && value > today {
            fail(field, "inFuture", nl: "Deze datum ligt in de toekomst.", en: "This date is in the future.")
            return nil
        }
        // A date the LVV can mean: nothing before 1900, nothing planned further than five years
        // ahead. A typo such as 4979 for 2025 is refused rather than kept.
        if value < Self.earliest {
            fail(field, "tooEarly", nl: "Deze datum ligt vóór 1900.", en: "This date is before 1900.")
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

    /// The earliest day a date field accepts.
    public static let earliest = Day(year: 1900, month: 1, day: 1)!
    /// How far ahead a date field that allows the future accepts a day.
    public static let yearsAhead = 5

    /// One value of a closed set of codes.
    public mutating func choice<T: RawRepresentable>(_ field: String, _ type: T.Type, required: Bool = true) -> T?
    where T.RawValue == String {
        guard let text = input.string(field) else {
            if required { fail(field, "required", nl: "Maak een keuze.", en: "Make a choice.") }
            return nil
        }
        guard let value = T(rawValue: text) else {
            fail(field, "unknownCode", nl: "Onbekende waarde ‘\(text)’.", en: "Unknown value ‘\(text)’.")
            return nil
        }
        return value
    }

    /// Every value of a repeated field, each from a closed set of codes.
    public mutating func choices<T: RawRepresentable>(_ field: String, _ type: T.Type) -> [T]
    where T.RawValue == String {
        var result: [T] = []
        for text in input.all(field) {
            if let value = T(rawValue: text) {
                if !result.contains(where: { $0.rawValue == value.rawValue }) { result.append(value) }
            } else {
                fail(field, "unknownCode", nl: "Onbekende waarde ‘\(text)’.", en: "Unknown value ‘\(text)’.")
            }
        }
        return result
    }

    /// A check box or boolean: present and true-ish means yes.
    public func flag(_ field: String) -> Bool {
        guard let text = input.string(field)?.lowercased() else { return false }
        return ["true", "on", "yes", "1", "ja"].contains(text)
    }
}
