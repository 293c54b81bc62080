import Foundation

/// Where a fact came from, when not from the user who recorded it in Koers: an imported file, an
/// agency's list, or a request to rectify.
public struct FactSource: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Brought in from a city's own registration (`koers import registrations`).
        case `import`
        /// An agency's own list: the IND's decisions, DT&V's departures.
        case agency
        /// A data subject's request to rectify (AVG art. 16).
        case rectification
    }

    public let kind: Kind
    /// The file's name, the list's name or the request's reference.
    public let reference: String

    public init(kind: Kind, reference: String) {
        self.kind = kind
        self.reference = reference
    }

    /// "import: amsterdam-2019.csv", as the timeline shows it.
    public var label: LocalizedText {
        switch kind {
        case .import: LocalizedText(nl: "import: \(reference)", en: "import: \(reference)")
        case .agency: LocalizedText(nl: "opgave van \(reference)", en: "reported by \(reference)")
        case .rectification: LocalizedText(nl: "rectificatie \(reference)", en: "rectification \(reference)")
        }
    }
}

/// Correctie: an earlier event's fact superseded by a new value, with the reason and where the new
/// value comes from. The case reads as if the superseded event had carried the new value from the
/// start, so the read models and the monitor count the corrected history; the timeline keeps the
/// original, marked as corrected.
public struct Correction: Sendable, Hashable, Codable {
    /// The sequence number of the event whose fact is replaced; never a correction itself.
    public let supersedes: Int
    /// The new value: a change of the same kind as the superseded event's.
    public let replacement: CaseChange
    public let reason: String
    /// Where the new value comes from; nil when the user who records the correction is the source.
    public let source: FactSource?

    public init(supersedes: Int, replacement: CaseChange, reason: String, source: FactSource?) {
        self.supersedes = supersedes
        self.replacement = replacement
        self.reason = reason
        self.source = source
    }
}

/// The rules for correcting a fact.
public enum CorrectionCommands {
    /// The facts a correction may replace: those of a registration and of the agencies' lists.
    /// Coordination (meetings, transfers, the committee, escalations, duplicate decisions) keeps
    /// its own records beside the events and is not corrected this way.
    public static let correctableKinds: Set<String> = [
        "referred", "intakeRecorded", "admissionDecided", "perspectiveSet", "supportStarted", "supportEnded",
        "procedureSubmitted", "procedureDecided", "outflowRecorded",
    ]

    /// A correction of the event numbered `supersedes` in `events`, the trajectory's whole history.
    /// Refused, naming the field: an unknown event, a correction of a correction, a replacement of
    /// another kind, an empty reason, and a replacement that changes nothing.
    public static func correct(
        _ supersedes: Int,
        with replacement: CaseChange,
        reason: String,
        source: FactSource?,
        in events: [CaseEvent]
    ) throws(ValidationFailure) -> CaseChange {
        var errors: [FieldError] = []
        func fail(_ field: String, _ code: String, nl: String, en: String) {
            errors.append(FieldError(field: field, code: code, message: LocalizedText(nl: nl, en: en)))
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            fail("reason", "required", nl: "Geef de reden van de correctie.", en: "Give the reason for the correction.")
        }
        if let original = events.first(where: { $0.sequence == supersedes }) {
            if case .corrected = original.change {
                fail(
                    "supersedes",
                    "isCorrection",
                    nl: "Corrigeer het oorspronkelijke feit, niet een correctie.",
                    en: "Correct the original fact, not a correction."
                )
            } else if !correctableKinds.contains(original.change.kind) {
                fail(
                    "supersedes",
                    "notCorrectable",
                    nl: "Dit soort feit (\(original.change.kind)) wordt niet met een correctie hersteld.",
                    en: "This kind of fact (\(original.change.kind)) is not corrected this way."
                )
            } else if original.change.kind != replacement.kind {
                fail(
                    "replacement",
                    "otherKind",
                    nl: "Een correctie vervangt een feit door een feit van dezelfde soort (\(original.change.kind)).",
                    en: "A correction replaces a fact with one of the same kind (\(original.change.kind))."
                )
            } else if current(supersedes, in: events) == replacement {
                fail(
                    "replacement",
                    "unchanged",
                    nl: "De nieuwe waarde is gelijk aan de huidige.",
                    en: "The new value equals the current one."
                )
            }
        } else {
            fail("supersedes", "notFound", nl: "Dit feit bestaat niet.", en: "This fact does not exist.")
        }
        if !errors.isEmpty { throw ValidationFailure(errors) }
        return .corrected(Correction(supersedes: supersedes, replacement: replacement, reason: trimmed, source: source))
    }

    /// The value an event's fact has now: its latest correction's, or its own.
    public static func current(_ sequence: Int, in events: [CaseEvent]) -> CaseChange? {
        var value = events.first { $0.sequence == sequence }?.change
        for event in events {
            if case .corrected(let c) = event.change, c.supersedes == sequence { value = c.replacement }
        }
        return value
    }
}
