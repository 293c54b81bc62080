/// Evidence of ties to the location's region (regiobinding).
public enum RegionalTie: String, Sendable, CaseIterable, Codable {
    case formerRegistration
    case familyOrNetwork
    case medicalTreatment
    case childrenAtSchool
    case workOrVolunteering
    case lastReceptionInRegion

    public var label: LocalizedText {
        switch self {
        case .formerRegistration:
            LocalizedText(
                nl: "Eerder ingeschreven in een gemeente in de regio",
                en: "Formerly registered in a municipality of the region"
            )
        case .familyOrNetwork:
            LocalizedText(nl: "Familie of sociaal netwerk in de regio", en: "Family or social network in the region")
        case .medicalTreatment:
            LocalizedText(nl: "Lopende medische behandeling in de regio", en: "Ongoing medical treatment in the region")
        case .childrenAtSchool:
            LocalizedText(nl: "Kinderen op school in de regio", en: "Children at school in the region")
        case .workOrVolunteering:
            LocalizedText(nl: "Werk of vrijwilligerswerk in de regio", en: "Work or volunteering in the region")
        case .lastReceptionInRegion:
            LocalizedText(
                nl: "Laatste opvanglocatie (COA) in de regio",
                en: "Last reception centre (COA) in the region"
            )
        }
    }
}

/// How a location defines regiobinding: the national definition, with its local deviation visible.
public struct RegionalTiesRule: Sendable, Hashable, Codable {
    /// Months of demonstrable stay in the region that suffice on their own.
    public var minimumMonthsInRegion: Int
    /// Ties that suffice on their own, whatever the length of stay.
    public var acceptedTies: [RegionalTie]
    /// The local deviation from the national definition, in words; nil when the location follows it.
    public var deviation: LocalizedText?

    public init(minimumMonthsInRegion: Int, acceptedTies: [RegionalTie], deviation: LocalizedText?) {
        self.minimumMonthsInRegion = minimumMonthsInRegion
        self.acceptedTies = acceptedTies
        self.deviation = deviation
    }

    /// The national definition: six months' demonstrable stay, or a former registration, family
    /// or network, ongoing medical treatment or children at school in the region.
    public static let national = RegionalTiesRule(
        minimumMonthsInRegion: 6,
        acceptedTies: [.formerRegistration, .familyOrNetwork, .medicalTreatment, .childrenAtSchool],
        deviation: nil
    )
}
