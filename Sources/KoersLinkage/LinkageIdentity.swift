import Foundation

/// The identity fields a location encodes, in plain text; they never leave the location.
///
/// Birth dates come apart in year, month and day, each unknown on its own: a 1 January
/// placeholder (01-01, as registrations write when only the year is known) says nothing about
/// month and day.
public struct LinkageIdentity: Sendable, Hashable {
    public var givenName: String?
    public var surname: String?
    public var birthYear: Int?
    public var birthMonth: Int?
    public var birthDay: Int?
    /// `male`, `female` or `x`; unknown as nil.
    public var gender: String?
    /// ISO 3166-1 alpha-3; XXX (unknown) as nil.
    public var nationality: String?
    /// The ten digits of the V-nummer, as ASCII digits.
    public var vNumber: String?
    /// Further text fields (a place of birth, an address), matched as text in this order.
    public var extras: [String?]

    public init(
        givenName: String?,
        surname: String?,
        birthYear: Int?,
        birthMonth: Int?,
        birthDay: Int?,
        gender: String?,
        nationality: String?,
        vNumber: String?,
        extras: [String?] = []
    ) {
        self.givenName = Self.clean(givenName)
        self.surname = Self.clean(surname)
        self.birthYear = birthYear.flatMap { (1000...9999).contains($0) ? $0 : nil }
        var month = birthMonth.flatMap { (1...12).contains($0) ? $0 : nil }
        var day = birthDay.flatMap { (1...31).contains($0) ? $0 : nil }
        if month == 1 && day == 1 {
            month = nil
            day = nil
        }
        self.birthMonth = month
        self.birthDay = day
        let g = Self.clean(gender)?.lowercased()
        self.gender = g.flatMap {
            ["m", "male", "man"].contains($0)
                ? "male" : ["f", "v", "female", "vrouw"].contains($0) ? "female" : $0 == "x" ? "x" : nil
        }
        let n = Self.clean(nationality)?.uppercased()
        self.nationality = n == "XXX" ? nil : n
        // Digits of any script as 0–9: the token is of ASCII digits, and so are its variants.
        let digits = vNumber.map {
            String(
                $0.compactMap { c in c.wholeNumberValue.flatMap { (0...9).contains($0) ? Character(String($0)) : nil } }
            )
        }
        self.vNumber = digits.flatMap { $0.isEmpty ? nil : $0 }
        self.extras = extras.map(Self.clean)
    }

    /// A birth date as a registration writes it: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `YYYYMMDD`;
    /// anything else as unknown.
    public static func birthDate(_ text: String?) -> (year: Int?, month: Int?, day: Int?) {
        guard let text = clean(text) else { return (nil, nil, nil) }
        let parts = text.split(separator: "-")
        if parts.count == 1, text.count == 8, let all = Int(text) {
            return (all / 10000, all / 100 % 100, all % 100)
        }
        return (
            parts.first.flatMap { Int($0) }, parts.count > 1 ? Int(parts[1]) : nil,
            parts.count > 2 ? Int(parts[2]) : nil
        )
    }

    /// Without surrounding white space; nil when nothing is left. (Foundation's trimming goes
    /// through NSString on Linux, which cost a quarter of reading a million rows.)
    private static func clean(_ text: String?) -> String? {
        guard let text, let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return nil }
        return first == text.startIndex && text.index(after: last) == text.endIndex ? text : String(text[first...last])
    }
}
