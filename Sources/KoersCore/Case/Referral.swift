/// Aanmelding: how and when a person was referred to an LVV location.
public struct Referral: Sendable, Hashable, Codable {
    /// Who referred the person (ngo, municipality, desk).
    public var channel: ReferralChannel
    public var referredOn: Day
    public var note: String?

    public init(channel: ReferralChannel, referredOn: Day, note: String?) {
        self.channel = channel
        self.referredOn = referredOn
        self.note = note
    }
}

/// The route by which a referral came in.
public enum ReferralChannel: String, Sendable, CaseIterable, Codable {
    case ngo, municipality, desk, selfReferral

    public var label: LocalizedText {
        switch self {
        case .ngo: LocalizedText(nl: "Ngo", en: "NGO")
        case .municipality: LocalizedText(nl: "Gemeente", en: "Municipality")
        case .desk: LocalizedText(nl: "Loket", en: "Desk")
        case .selfReferral: LocalizedText(nl: "Eigen melding", en: "Self-referral")
        }
    }
}
