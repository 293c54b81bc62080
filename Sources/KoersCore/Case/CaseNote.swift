import Foundation

/// How sensitive a case note is; social and medical notes stay with their author unless shared.
public enum NoteClassification: String, Sendable, CaseIterable, Codable {
    case general, social, medical

    public var label: LocalizedText {
        switch self {
        case .general: LocalizedText(nl: "Algemeen", en: "General")
        case .social: LocalizedText(nl: "Sociaal", en: "Social")
        case .medical: LocalizedText(nl: "Medisch", en: "Medical")
        }
    }
}

/// A note on a case, written by one organisation.
public struct CaseNote: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let classification: NoteClassification
    public let text: String
    public let authorOrganisationId: UUID
    /// Parties beyond the author's organisation that may read a social or medical note.
    public let sharedWith: [Party]

    public init(
        id: UUID,
        classification: NoteClassification,
        text: String,
        authorOrganisationId: UUID,
        sharedWith: [Party]
    ) {
        self.id = id
        self.classification = classification
        self.text = text
        self.authorOrganisationId = authorOrganisationId
        self.sharedWith = sharedWith
    }
}
