import KoersCore

/// The name of each form field as the error summary shows it, so that two "make a choice"
/// errors say which choice they are about.
enum FieldLabels {
    static let all: [String: LocalizedText] = [
        "email": .init(nl: "E-mailadres", en: "E-mail address"),
        "password": .init(nl: "Wachtwoord", en: "Password"),
        "locationId": .init(nl: "Locatie", en: "Location"),
        "givenNames": .init(nl: "Voornamen", en: "Given names"),
        "surname": .init(nl: "Achternaam", en: "Surname"),
        "aliases": .init(nl: "Aliassen", en: "Aliases"),
        "birthDate": .init(nl: "Geboortedatum", en: "Birth date"),
        "nationality": .init(nl: "Nationaliteit", en: "Nationality"),
        "gender": .init(nl: "Geslacht", en: "Gender"),
        "vNumber": .init(nl: "V-nummer", en: "V-number"),
        "identified": .init(nl: "Biometrisch geïdentificeerd", en: "Biometrically identified"),
        "identifiedOn": .init(nl: "Datum identificatie", en: "Date of identification"),
        "vNumberCheck": .init(nl: "V-nummer na identificatie", en: "V-number after identification"),
        "resolution": .init(
            nl: "Beslissing over de mogelijke registratie",
            en: "Decision on the possible registration"
        ),
        "channel": .init(nl: "Aangemeld via", en: "Referred via"),
        "referredOn": .init(nl: "Datum van aanmelding", en: "Referral date"),
        "note": .init(nl: "Toelichting", en: "Note"),
        "lawfulStay": .init(nl: "Heeft de persoon rechtmatig verblijf?", en: "Does the person have lawful stay?"),
        "stateReception": .init(
            nl: "Heeft de persoon recht op Rijksopvang?",
            en: "Is the person entitled to state reception?"
        ),
        "asylumProcedureCompleted": .init(
            nl: "Is de asielprocedure doorlopen?",
            en: "Is the asylum procedure completed?"
        ),
        "lastAsylumRejectionOn": .init(nl: "Datum laatste asielafwijzing", en: "Date of last asylum rejection"),
        "willingToCooperate": .init(
            nl: "Bereid mee te werken aan een duurzame oplossing?",
            en: "Willing to work towards a durable solution?"
        ),
        "activeAtOtherLocation": .init(nl: "Actief bij een andere LVV?", en: "Active at another LVV?"),
        "inRegionSince": .init(nl: "Aantoonbaar in de regio sinds", en: "Demonstrably in the region since"),
        "regionalTies": .init(nl: "Bindingen met de regio", en: "Ties to the region"),
        "outcome": .init(nl: "Besluit", en: "Decision"),
        "decidedOn": .init(nl: "Datum", en: "Date"),
        "rejectionReason": .init(nl: "Reden van afwijzing", en: "Reason for rejection"),
        "motivation": .init(nl: "Motivering", en: "Motivation"),
        "perspective": .init(nl: "Perspectief", en: "Perspective"),
        "instrument": .init(nl: "Instrument", en: "Instrument"),
        "startedOn": .init(nl: "Startdatum", en: "Start date"),
        "endedOn": .init(nl: "Einddatum", en: "End date"),
        "kind": .init(nl: "Procedure", en: "Procedure"),
        "submittedOn": .init(nl: "Datum indiening", en: "Submission date"),
        "reference": .init(nl: "Kenmerk", en: "Reference"),
        "leftOn": .init(nl: "Datum uitstroom", en: "Outflow date"),
        "reason": .init(nl: "Reden", en: "Reason"),
        "classification": .init(nl: "Soort notitie", en: "Kind of note"),
        "text": .init(nl: "Tekst", en: "Text"),
        "party": .init(nl: "Partij", en: "Party"),
        "dueOn": .init(nl: "Uiterlijk", en: "Due"),
        "on": .init(nl: "Datum", en: "Date"),
        "until": .init(nl: "Nieuwe datum", en: "New date"),
        "action": .init(nl: "Wat", en: "What"),
        "sharedWith": .init(nl: "Delen met", en: "Share with"),
        "stage": .init(nl: "Fase", en: "Stage"),
        "decision": .init(nl: "Besluit van het overleg", en: "The meeting's decision"),
        "heldOn": .init(nl: "Datum van het overleg", en: "Meeting date"),
        "partiesPresent": .init(nl: "Aanwezige partijen", en: "Parties present"),
        "trajectoryIds": .init(nl: "Volgorde", en: "Order"),
        "toLocationId": .init(nl: "Overdragen aan", en: "Transfer to"),
        "request": .init(nl: "Schriftelijk verzoek", en: "Written request"),
        "sharedSections": .init(nl: "Wat de commissie mag zien", en: "What the committee may see"),
        "advice": .init(nl: "Advies", en: "Advice"),
        "level": .init(nl: "Niveau", en: "Level"),
        "question": .init(nl: "Vraag", en: "Question"),
        "proposedDecision": .init(nl: "Voorgesteld besluit", en: "Proposed decision"),
    ]
}
