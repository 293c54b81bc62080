/// Where a trajectory (traject) stands.
///
/// referral → intake → (admission decision) → active → outflow; or rejected at the decision.
public enum Stage: String, Sendable, CaseIterable, Codable {
    /// Aanmelding: referred, intake not yet recorded.
    case referral
    /// Intake recorded; the admission check waits for its decision.
    case intake
    /// Admitted: receiving shelter and counselling.
    case active
    /// Uitstroom: the trajectory has ended with an outcome.
    case outflow
    /// Not admitted, with a reason.
    case rejected

    public var label: LocalizedText {
        switch self {
        case .referral: LocalizedText(nl: "Aanmelding", en: "Referral")
        case .intake: LocalizedText(nl: "Intake / toelatingsbesluit", en: "Intake / admission decision")
        case .active: LocalizedText(nl: "Actief traject", en: "Active")
        case .outflow: LocalizedText(nl: "Uitgestroomd", en: "Outflow")
        case .rejected: LocalizedText(nl: "Niet toegelaten", en: "Rejected")
        }
    }

    /// Whether the trajectory has ended (no further changes but notes).
    public var isClosed: Bool { self == .outflow || self == .rejected }
}
