/// Deeltermijnbeleid: a location's sub-deadlines, or none at all.
///
/// The pilot's cities differed: Utrecht and Eindhoven set none, Amsterdam long ones, Rotterdam
/// short ones. Every field is optional; a policy with none set has no milestones but action items.
public struct DeadlinePolicy: Sendable, Hashable, Codable {
    /// A perspective other than "under investigation" within this many weeks of admission.
    public var perspectiveWithinWeeks: Int?
    /// A review in the case meeting every this many weeks after admission.
    public var reviewEveryWeeks: Int?
    /// The trajectory ends at the latest this many months after admission.
    public var maximumStayMonths: Int?

    public init(perspectiveWithinWeeks: Int? = nil, reviewEveryWeeks: Int? = nil, maximumStayMonths: Int? = nil) {
        self.perspectiveWithinWeeks = perspectiveWithinWeeks
        self.reviewEveryWeeks = reviewEveryWeeks
        self.maximumStayMonths = maximumStayMonths
    }

    /// No sub-deadlines (Utrecht, Eindhoven).
    public static let noDeadlines = DeadlinePolicy()

    public var isEmpty: Bool { perspectiveWithinWeeks == nil && reviewEveryWeeks == nil && maximumStayMonths == nil }

    /// Reads the policy form: each field empty (no deadline) or a whole number in range.
    public static func parse(_ input: FormInput) throws(ValidationFailure) -> DeadlinePolicy {
        var p = Parser(input, today: Day(year: 2000, month: 1, day: 1)!)
        func number(_ field: String, _ range: ClosedRange<Int>) -> Int? {
            guard let text = p.input.string(field) else { return nil }
            guard let value = Int(text), range.contains(value) else {
                p.fail(
                    field,
                    "outOfRange",
                    nl: "Een heel getal van \(range.lowerBound) tot \(range.upperBound), of leeg voor geen termijn.",
                    en: "A whole number from \(range.lowerBound) to \(range.upperBound), or empty for no deadline."
                )
                return nil
            }
            return value
        }
        let policy = DeadlinePolicy(
            perspectiveWithinWeeks: number("perspectiveWithinWeeks", 1...260),
            reviewEveryWeeks: number("reviewEveryWeeks", 1...104),
            maximumStayMonths: number("maximumStayMonths", 1...120)
        )
        try p.finish()
        return policy
    }
}
