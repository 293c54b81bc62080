/// The monitor's nationality groups: the six nationalities most often among those who left, and
/// "other" for the rest — the same in the table of outflow by nationality and in the analyses.
enum NationalityGroups {
    static let other = "other"

    /// The six most frequent codes, alphabetically; of equally frequent ones the earlier code.
    static func top(_ nationalities: some Sequence<String>) -> [String] {
        var counts: [String: Int] = [:]
        for code in nationalities { counts[code, default: 0] += 1 }
        return top(counts: counts)
    }

    /// The same, from how often each code occurs.
    static func top(counts: [String: Int]) -> [String] {
        counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(6).map(\.key).sorted()
    }
}
