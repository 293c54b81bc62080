import Foundation

/// Beperking van de verwerking (AVG art. 18): while a person contests their data or objects, only
/// the municipality, the regievoerder, changes their case. Lifting it is the same fact with
/// `restricted` false.
public struct ProcessingRestriction: Sendable, Hashable, Codable {
    public let restricted: Bool
    /// Why, as every party that opens the case reads it.
    public let reason: String
    public let on: Day

    public init(restricted: Bool, reason: String, on: Day) {
        self.restricted = restricted
        self.reason = reason
        self.on = on
    }
}

/// A note its author organisation withholds from a subject-access document (AVG art. 15 lid 4:
/// the rights of others, such as a source's safety), with the reason the document shows in its
/// place. `withheld` false shows the note again.
public struct NoteWithholding: Sendable, Hashable, Codable {
    public let noteId: UUID
    public let withheld: Bool
    public let reason: String
    /// The note's author organisation, the only one that may withhold it or read this fact.
    public let authorOrganisationId: UUID
    public let on: Day

    public init(noteId: UUID, withheld: Bool, reason: String, authorOrganisationId: UUID, on: Day) {
        self.noteId = noteId
        self.withheld = withheld
        self.reason = reason
        self.authorOrganisationId = authorOrganisationId
        self.on = on
    }
}

/// Parsing the privacy rights' changes to a case, every field error at once.
public enum PrivacyCommands {
    /// Restricting processing or lifting the restriction.
    public static let restrictForm = Form(
        .text("reason", maxLength: 2000),
        .flag("lift")
    )

    /// Withholding a note from access, or showing it again.
    public static let withholdForm = Form(
        .text("reason", maxLength: 2000, required: false),
        .flag("release")
    )

    public static func restrict(
        _ input: FormInput,
        on file: CaseFile,
        today: Day
    ) throws(ValidationFailure)
        -> CaseChange
    {
        var p = Parser(input, form: restrictForm, today: today)
        let reason = p.text("reason")
        let lift = p.flag("lift")
        if lift && file.restriction == nil {
            p.fail("lift", "notRestricted", nl: "De verwerking is niet beperkt.", en: "Processing is not restricted.")
        } else if !lift && file.restriction != nil {
            p.fail(
                "lift",
                "alreadyRestricted",
                nl: "De verwerking is al beperkt.",
                en: "Processing is already restricted."
            )
        }
        try p.finish()
        return .processingRestricted(ProcessingRestriction(restricted: !lift, reason: reason!, on: today))
    }

    public static func withhold(
        _ input: FormInput,
        note noteId: UUID,
        on file: CaseFile,
        by actor: Actor,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: withholdForm, today: today)
        let reason = p.text("reason")
        let release = p.flag("release")
        guard let note = file.notes.first(where: { $0.id == noteId }),
            note.authorOrganisationId == actor.organisationId
        else {
            throw ValidationFailure([
                FieldError(
                    field: "note",
                    code: "notOwnNote",
                    message: LocalizedText(
                        nl: "Alleen de organisatie die de notitie schreef kan haar achterhouden.",
                        en: "Only the organisation that wrote the note can withhold it."
                    )
                )
            ])
        }
        if !release && reason == nil && !p.hasError("reason") {
            p.fail(
                "reason",
                "required",
                nl: "Geef de reden (art. 15 lid 4 AVG): die staat in het inzagedocument.",
                en: "Give the reason (GDPR art. 15(4)): the access document shows it."
            )
        }
        if release && file.withheldNotes[noteId] == nil {
            p.fail(
                "release",
                "notWithheld",
                nl: "Deze notitie wordt niet achtergehouden.",
                en: "This note is not withheld."
            )
        }
        try p.finish()
        return .noteWithheld(
            NoteWithholding(
                noteId: noteId,
                withheld: !release,
                reason: reason ?? "",
                authorOrganisationId: note.authorOrganisationId,
                on: today
            )
        )
    }
}
