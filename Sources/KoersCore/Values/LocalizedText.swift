/// A sentence in both languages the user interface speaks: Dutch (the default) and English.
public struct LocalizedText: Sendable, Hashable, Codable {
    public let nl: String
    public let en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    /// The text in the given language.
    public func text(_ language: Language) -> String {
        language == .en ? en : nl
    }
}

/// The languages of the user interface.
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl, en
}
