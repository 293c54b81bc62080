/// The register Koers starts with: every activity, under the purpose it serves. The administrator
/// adapts names, purposes, legal bases and periods to the controller's own register.
extension RegisterEntry {
    public static let defaults: [RegisterEntry] = ProcessingActivity.allCases.map(defaultEntry)

    /// The default entry of an activity.
    public static func defaultEntry(_ activity: ProcessingActivity) -> RegisterEntry {
        let (purpose, basis) = purposeAndBasis(activity)
        return RegisterEntry(
            activity: activity,
            uri: "urn:koers:verwerking:" + activity.rawValue,
            name: name(activity),
            purpose: purpose,
            legalBasis: basis,
            retentionYears: nil
        )
    }

    private static let publicTask = LocalizedText(
        nl: "AVG art. 6 lid 1 sub e: taak van algemeen belang (Bestuursakkoord LVV, Vreemdelingenwet 2000)",
        en: "GDPR art. 6(1)(e): task in the public interest (LVV administrative agreement, Aliens Act 2000)"
    )
    private static let coordination = LocalizedText(
        nl: "Regie op het traject naar een duurzame oplossing in de LVV",
        en: "Coordinating the trajectory towards a durable solution in the LVV"
    )

    private static func purposeAndBasis(_ activity: ProcessingActivity) -> (LocalizedText, LocalizedText) {
        switch activity {
        case .duplicateResolve, .duplicateLink:
            return (
                LocalizedText(
                    nl: "Voorkomen dat iemand dubbel is geregistreerd bij meerdere LVV's",
                    en: "Preventing one person being registered twice at several LVVs"
                ),
                publicTask
            )
        case .importRegistrations, .reconcileCompare, .reconcileAccept, .reconcileExplain:
            return (
                LocalizedText(
                    nl: "Juiste en volledige registratie: bestaande registraties en opgaven van de ketenpartners",
                    en: "Accurate and complete records: existing registrations and the agencies' lists"
                ),
                LocalizedText(
                    nl: "AVG art. 6 lid 1 sub e en art. 5 lid 1 sub d (juistheid)",
                    en: "GDPR art. 6(1)(e) and art. 5(1)(d) (accuracy)"
                )
            )
        case .subjectAccess:
            return (
                LocalizedText(nl: "Een inzageverzoek beantwoorden", en: "Answering a subject-access request"),
                LocalizedText(nl: "AVG art. 15 en art. 6 lid 1 sub c", en: "GDPR art. 15 and art. 6(1)(c)")
            )
        case .restrict, .noteWithhold:
            return (
                LocalizedText(
                    nl: "De rechten van betrokkene uitvoeren: beperking en uitzonderingen op inzage",
                    en: "Exercising the data subject's rights: restriction and exemptions from access"
                ),
                LocalizedText(nl: "AVG art. 15 lid 4, art. 18 en art. 23", en: "GDPR art. 15(4), art. 18 and art. 23")
            )
        case .erase:
            return (
                LocalizedText(
                    nl: "Vernietigen na afloop van de bewaartermijn",
                    en: "Destruction when the retention period has ended"
                ),
                LocalizedText(
                    nl: "AVG art. 5 lid 1 sub e en art. 17; Archiefwet",
                    en: "GDPR art. 5(1)(e), 17; Archives Act"
                )
            )
        case .committeeRequest, .committeeAdvise:
            return (
                LocalizedText(
                    nl: "Advies van de commissie schrijnende gevallen over een casus",
                    en: "The hardship committee's advice on a case"
                ),
                publicTask
            )
        case .biometrics:
            return (
                LocalizedText(
                    nl: "Identificatie en vaststelling van het V-nummer door de AVIM",
                    en: "Identification and confirming the V-nummer by the AVIM"
                ),
                LocalizedText(
                    nl: "AVG art. 6 lid 1 sub e; Vreemdelingenwet 2000 art. 106a en 107",
                    en: "GDPR art. 6(1)(e); Aliens Act 2000 art. 106a and 107"
                )
            )
        case .note:
            return (
                coordination,
                LocalizedText(
                    nl: "AVG art. 6 lid 1 sub e; medische notities art. 9 lid 2 sub h met UAVG art. 30",
                    en: "GDPR art. 6(1)(e); medical notes art. 9(2)(h) with UAVG art. 30"
                )
            )
        default:
            return (coordination, publicTask)
        }
    }

    private static func name(_ activity: ProcessingActivity) -> LocalizedText {
        switch activity {
        case .read: LocalizedText(nl: "Casus inzien", en: "Reading a case")
        case .refer: LocalizedText(nl: "Aanmelden", en: "Referral")
        case .intake: LocalizedText(nl: "Intake vastleggen", en: "Recording the intake")
        case .admission: LocalizedText(nl: "Toelatingsbesluit", en: "Admission decision")
        case .perspective: LocalizedText(nl: "Perspectief kiezen", en: "Choosing the perspective")
        case .supportStart: LocalizedText(nl: "Begeleiding starten", en: "Starting support")
        case .supportEnd: LocalizedText(nl: "Begeleiding beëindigen", en: "Ending support")
        case .procedureSubmit: LocalizedText(nl: "Procedure indienen", en: "Submitting a procedure")
        case .procedureDecide: LocalizedText(nl: "Besluit op een procedure", en: "Deciding a procedure")
        case .outflow: LocalizedText(nl: "Uitstroom vastleggen", en: "Recording the outflow")
        case .note: LocalizedText(nl: "Notitie schrijven", en: "Writing a note")
        case .noteWithhold:
            LocalizedText(nl: "Notitie achterhouden bij inzage", en: "Withholding a note from access")
        case .deadlineAdjust: LocalizedText(nl: "Deeltermijn aanpassen", en: "Adjusting a sub-deadline")
        case .review: LocalizedText(nl: "Voortgang bespreken", en: "Reviewing progress")
        case .actionItemAssign: LocalizedText(nl: "Actiepunt afspreken", en: "Agreeing an action item")
        case .actionItemComplete: LocalizedText(nl: "Actiepunt afronden", en: "Completing an action item")
        case .committeeRequest: LocalizedText(nl: "Advies vragen", en: "Asking for advice")
        case .committeeAdvise: LocalizedText(nl: "Advies geven", en: "Giving advice")
        case .escalate: LocalizedText(nl: "Escaleren", en: "Escalating")
        case .escalationDecide: LocalizedText(nl: "Besluit op een escalatie", en: "Deciding an escalation")
        case .biometrics: LocalizedText(nl: "Biometrische identificatie", en: "Biometric identification")
        case .correct: LocalizedText(nl: "Gegevens corrigeren", en: "Correcting data")
        case .restrict: LocalizedText(nl: "Verwerking beperken", en: "Restricting processing")
        case .duplicateResolve:
            LocalizedText(nl: "Dubbele registratie beoordelen", en: "Reviewing a duplicate registration")
        case .duplicateLink: LocalizedText(nl: "Registraties koppelen", en: "Linking registrations")
        case .importRegistrations: LocalizedText(nl: "Registraties importeren", en: "Importing registrations")
        case .reconcileCompare: LocalizedText(nl: "Opgave vergelijken", en: "Comparing an agency's list")
        case .reconcileAccept: LocalizedText(nl: "Opgave overnemen", en: "Taking in an agency's list")
        case .reconcileExplain: LocalizedText(nl: "Verschil verklaren", en: "Explaining a difference")
        case .transferRequest: LocalizedText(nl: "Overdracht vragen", en: "Requesting a transfer")
        case .transferDecide: LocalizedText(nl: "Besluit op een overdracht", en: "Deciding a transfer")
        case .meetingDecision: LocalizedText(nl: "Besluit in het casusoverleg", en: "Decision in the case meeting")
        case .subjectAccess: LocalizedText(nl: "Inzage geven", en: "Giving access")
        case .erase: LocalizedText(nl: "Gegevens vernietigen", en: "Erasing data")
        }
    }
}
