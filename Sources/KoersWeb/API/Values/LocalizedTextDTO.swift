import KoersCore

/// A sentence in Dutch and English, as the API sends it: `{"nl": …, "en": …}`.
///
/// The API keeps its own copy of the shape so that how a text is stored can change without
/// changing what clients read.
struct LocalizedTextDTO: Codable, Sendable {
    let nl: String
    let en: String
}

extension LocalizedTextDTO {
    init(_ text: LocalizedText) {
        self.init(nl: text.nl, en: text.en)
    }
}
