/// The national admission configuration that applies at every location.
public struct AdmissionPolicy: Sendable, Hashable, Codable {
    /// Countries designated safe countries of origin (veilige landen van herkomst), ISO alpha-3.
    public var safeCountries: Set<String>
    /// A final asylum rejection younger than this many days counts as "fresh".
    public var freshRejectionDays: Int

    public init(safeCountries: Set<String>, freshRejectionDays: Int) {
        self.safeCountries = safeCountries
        self.freshRejectionDays = freshRejectionDays
    }

    /// The national default: the Dutch list of safe countries of origin and a four-week window.
    public static let national = AdmissionPolicy(
        safeCountries: [
            "ALB", "AND", "AUS", "BIH", "CAN", "CHE", "DZA", "GEO", "GHA", "IND", "ISL", "JAM", "JPN",
            "LIE", "MAR", "MCO", "MKD", "MNE", "MNG", "NOR", "NZL", "SEN", "SMR", "SRB", "TTO", "TUN",
            "USA", "VAT",
        ],
        freshRejectionDays: 28
    )
}
