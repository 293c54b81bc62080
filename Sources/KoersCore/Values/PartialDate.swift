import Foundation

/// A birth date that may be known only to the year, or to the year and month.
///
/// Written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Many people in the LVV know only their
/// birth year; a registration must not invent the rest.
public struct PartialDate: Sendable, Hashable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1900...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard Day(year: year, month: month, day: day) != nil else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        var m: Int?
        var d: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let value = Int(parts[1]) else { return nil }
            m = value
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let value = Int(parts[2]) else { return nil }
            d = value
        }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        var text = String(format: "%04d", year)
        if let month { text += String(format: "-%02d", month) }
        if let day { text += String(format: "-%02d", day) }
        return text
    }

    /// The earliest day this date can stand for; a date is "in the future" only when even that day is.
    public var earliestDay: Day {
        Day(year: year, month: month ?? 1, day: day ?? 1)!
    }

    /// Age in whole years on `day`, counting from the earliest day the date can stand for.
    public func age(on day: Day) -> Int {
        let birth = earliestDay
        var age = day.year - birth.year
        if (day.month, day.day) < (birth.month, birth.day) { age -= 1 }
        return max(age, 0)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = PartialDate(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected YYYY, YYYY-MM or YYYY-MM-DD")
            )
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
