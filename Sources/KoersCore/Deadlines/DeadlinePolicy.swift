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

    /// Each field empty (no deadline) or a whole number in range.
    public static let form = Form(
        .integer("perspectiveWithinWeeks", 1...260),
        .integer("reviewEveryWeeks", 1...104),
        .integer("maximumStayMonths", 1...120)
    )

    /// Reads the policy form: each field empty (no deadline) or a whole number in range.
    public static func parse(_ input: FormInput) throws(ValidationFailure) -> DeadlinePolicy {
        var p = Parser(input, form: form, today: Day(year: 2000, month: 1, day: 1)!)
        let policy = DeadlinePolicy(
            perspectiveWithinWeeks: p.integer("perspectiveWithinWeeks"),
            reviewEveryWeeks: p.integer("reviewEveryWeeks"),
            maximumStayMonths: p.integer("maximumStayMonths")
        )
        try p.finish()
        return policy
    }
}
