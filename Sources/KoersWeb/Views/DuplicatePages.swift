import Foundation
import KoersCore
import Plot

/// One person, one registration: the intake check's warning on a case, the AVIM's biometric
/// identification form, and the municipality's review queue.
enum DuplicatePages {
    /// The field names of the index, in words, for "which fields agree".
    static func fieldName(_ name: String, _ env: PageEnvironment) -> String {
        switch name {
        case "givenName": env.t("voornaam", "given name")
        case "surname": env.t("achternaam", "surname")
        case "vNumber": env.t("V-nummer", "V-number")
        case "birthYear": env.t("geboortejaar", "birth year")
        case "birthMonth": env.t("geboortemaand", "birth month")
        case "birthDay": env.t("geboortedag", "birth day")
        case "gender": env.t("geslacht", "gender")
        case "nationality": env.t("nationaliteit", "nationality")
        default: name
        }
    }

    /// The warning: each possible registration elsewhere, with where, since when, how strong and on
    /// what; and, for those who may decide, the decision form.
    static func warning(
        _ env: PageEnvironment,
        file: CaseFile,
        matches: [PossibleRegistration],
        mayResolve: Bool,
        isMunicipality: Bool,
        form: FormState,
        formEntry: UUID?
    ) -> Node<HTML.BodyContext> {
        var items: [Node<HTML.ListContext>] = []
        for match in matches {
            let since =
                match.stage == .active
                ? env.t("actief sinds \(match.since)", "active since \(match.since)")
                : env.t("aangemeld op \(match.since)", "referred on \(match.since)")
            let fields = match.agreeingFields.map { fieldName($0, env) }.joined(separator: ", ")
            let inReview = DuplicateService.inReview(file, match.entryId)
            var content: [Node<HTML.BodyContext>] = [
                .p(
                    .strong(
                        .text(
                            env.t(
                                "Mogelijke registratie bij \(match.locationName)",
                                "Possible registration at \(match.locationName)"
                            )
                        )
                    ),
                    .text(
                        ", " + since + ", " + env.t("sterkte ", "strength ") + Labels.strength(match.strength, env)
                            + "."
                    )
                ),
                .p(
                    .text(
                        env.t("Overeenkomend: ", "Agreeing: ") + (fields.isEmpty ? "—" : fields) + ". "
                            + env.t(
                                "Gegevens van de andere locatie worden niet getoond.",
                                "The other location's data is not shown."
                            )
                    )
                ),
            ]
            if inReview {
                content.append(
                    .p(
                        .class("notice"),
                        .text(env.t("Ter beoordeling bij de gemeente.", "Under review by the municipality."))
                    )
                )
            }
            if mayResolve {
                // One form per possible registration: field ids scoped by the entry.
                let s = (formEntry == match.entryId ? form : FormState())
                    .scoped(match.entryId.shortReference + "-")
                    .labelled([
                        "resolution": LocalizedText(nl: "Beslissing", en: "Decision"),
                        "note": LocalizedText(
                            nl: "Toelichting (verplicht bij ‘niet dezelfde persoon’)",
                            en: "Note (required for ‘not the same person’)"
                        ),
                    ])
                var options = [DuplicateResolution.Kind.samePersonTransfer, .samePersonStop, .notSamePerson]
                if match.strength == "medium" && !isMunicipality && !inReview { options.append(.review) }
                let fieldsNodes: [Node<HTML.FormContext>] = [
                    FormFields.hidden("entryId", match.entryId.uuidString.lowercased()),
                    FormFields.errorSummary(s, env),
                    FormFields.choices(
                        s,
                        env,
                        name: "resolution",
                        options: options.map { ($0.rawValue, env.t($0.label)) },
                        required: true
                    ),
                    FormFields.textarea(s, env, name: "note"),
                    FormFields.submit(env.t("Beslissing vastleggen", "Record the decision")),
                ]
                content.append(
                    FormFields.form(
                        action: SiteURL.caseDuplicates(file.id).path,
                        env: env,
                        version: file.version,
                        fieldsNodes
                    )
                )
            }
            items.append(.li(.class("duplicate duplicate-\(match.strength)"), .group(content)))
        }
        return .section(
            .class("warning"),
            .id("duplicates"),
            .attribute(named: "role", value: "alert"),
            .attribute(named: "aria-labelledby", value: "h-duplicates"),
            .h2(
                .id("h-duplicates"),
                .text(
                    env.t(
                        "Let op: mogelijk al geregistreerd bij een andere LVV",
                        "Attention: possibly registered at another LVV already"
                    )
                )
            ),
            .ul(.group(items))
        )
    }

    /// The AVIM's form: identified or not, when, and what it said about the V-nummer.
    static func biometricsForm(_ env: PageEnvironment, _ s: FormState, record: CaseRecord) -> [Node<HTML.BodyContext>] {
        let current = record.file.identity.vNumber?.digits
        let fields: [Node<HTML.FormContext>] = [
            .p(.text(env.t("Geregistreerd V-nummer: ", "Registered V-number: ") + (current ?? env.t("geen", "none")))),
            FormFields.choices(
                s,
                env,
                name: "identified",
                legend: env.t("Biometrisch geïdentificeerd?", "Biometrically identified?"),
                options: [
                    ("yes", env.t("Ja", "Yes")), ("no", env.t("Nee, (nog) niet mogelijk", "No, not (yet) possible")),
                ],
                required: true,
                inline: true
            ),
            FormFields.input(
                s,
                env,
                name: "identifiedOn",
                label: env.t("Datum", "Date"),
                type: "date",
                required: true,
                width: "10"
            ),
            FormFields.choices(
                s,
                env,
                name: "vNumberCheck",
                legend: env.t("V-nummer na identificatie", "V-number after identification"),
                options: Labels.options(BiometricIdentification.VNumberCheck.self, env) { $0.label }
            ),
            FormFields.input(
                s,
                env,
                name: "vNumber",
                label: env.t("Juiste V-nummer (bij correctie)", "Correct V-number (when corrected)"),
                hint: env.t("10 cijfers", "10 digits"),
                width: "12"
            ),
            FormFields.textarea(s, env, name: "note", label: env.t("Toelichting", "Note")),
            FormFields.submit(env.t("Identificatie vastleggen", "Record identification")),
        ]
        return StepPages.frame(
            env,
            s,
            record: record,
            title: env.t("Biometrische identificatie", "Biometric identification"),
            action: .caseStep(record.file.id, .biometrics),
            fields
        )
    }

    /// The municipality's queue of possible duplicates sent for review.
    static func reviewQueue(
        _ env: PageEnvironment,
        items: [(record: CaseRecord, strength: String, sentOn: String)],
        imports: [ImportReviewItem] = [],
        importTotal: Int = 0,
        failed: (review: UUID, state: FormState)? = nil,
        notice: String? = nil
    ) -> [Node<HTML.BodyContext>] {
        let rows: [Node<HTML.TableContext>] = items.map { item in
            .tr(
                .td(
                    .a(
                        .href(SiteURL.caseFile(item.record.file.id).at("duplicates")),
                        .text(item.record.file.identity.displayName)
                    )
                ),
                .td(.text(item.record.locationName)),
                .td(.text(Labels.strength(item.strength, env))),
                .td(.text(item.sentOn))
            )
        }
        return [
            .h1(
                .text(
                    env.t(
                        "Mogelijke dubbele registraties ter beoordeling",
                        "Possible duplicate registrations for review"
                    )
                )
            ),
            .if(
                notice != nil,
                .p(
                    .class("notice"),
                    .attribute(named: "role", value: "status"),
                    .text(notice ?? "")
                )
            ),
            .p(
                .text(
                    env.t(
                        "Aanmeldingen waarvan de koppelingscontrole een twijfelachtige overeenkomst met een "
                            + "registratie bij een andere LVV vond. Open het dossier om te beslissen.",
                        "Registrations for which the linkage check found an unsure match with a registration at "
                            + "another LVV. Open the case to decide."
                    )
                )
            ),
            items.isEmpty
                ? .p(.text(env.t("Geen.", "None.")))
                : Tables.scrolling(
                    .thead(
                        .tr(
                            .th(.text(env.t("Naam", "Name"))),
                            .th(.text(env.t("Locatie", "Location"))),
                            .th(.text(env.t("Sterkte", "Strength"))),
                            .th(.text(env.t("Sinds", "Since")))
                        )
                    ),
                    .tbody(.group(rows))
                ),
            importSection(env, imports, total: importTotal, failed: failed),
        ]
    }

    /// The matches imports found: per match the imported case, the other registration, and the
    /// decision.
    static func importSection(
        _ env: PageEnvironment,
        _ items: [ImportReviewItem],
        total: Int,
        failed: (review: UUID, state: FormState)?
    ) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "h-import-matches"),
            .h2(
                .id("h-import-matches"),
                .text(env.t("Gevonden bij een import (\(total))", "Found at an import (\(total))"))
            ),
            .if(
                total > items.count,
                .p(
                    .text(
                        env.t(
                            "De eerste \(items.count) van \(total) worden getoond, in de volgorde waarin ze gevonden "
                                + "zijn; na een beslissing schuift de volgende op.",
                            "The first \(items.count) of \(total) are shown, in the order they were found; after a "
                                + "decision the next one moves up."
                        )
                    )
                )
            ),
            .p(
                .text(
                    env.t(
                        "Bij het importeren van een bestaande registratie vond de koppelingscontrole deze mogelijke "
                            + "overeenkomsten, in het bestand zelf of met een registratie bij een andere LVV. "
                            + "Dezelfde persoon koppelt beide registraties aan één persoon; beide trajecten blijven "
                            + "zoals ze zijn.",
                        "Importing an existing registration, the linkage check found these possible matches, within "
                            + "the file or with a registration at another LVV. The same person links both "
                            + "registrations to one person; both trajectories stay as they are."
                    )
                )
            ),
            items.isEmpty
                ? .p(.text(env.t("Geen.", "None.")))
                : .group(items.map { importItem(env, $0, failed: failed) })
        )
    }

    private static func importItem(
        _ env: PageEnvironment,
        _ item: ImportReviewItem,
        failed: (review: UUID, state: FormState)?
    ) -> Node<HTML.BodyContext> {
        let file = item.record.file
        let other = item.other
        let heading = "import-match-\(item.review.id.shortReference)"
        let fields = other.agreeingFields.map { fieldName($0, env) }.joined(separator: ", ")
        let since =
            other.stage == .active
            ? env.t("actief sinds \(other.since)", "active since \(other.since)")
            : env.t(
                "\(env.t(other.stage.label).lowercased()), sinds \(other.since)",
                "\(env.t(other.stage.label).lowercased()), since \(other.since)"
            )
        let otherNode: Node<HTML.BodyContext> =
            item.otherRecord.map { record in
                .p(
                    .text(env.t("In hetzelfde bestand: ", "In the same file: ")),
                    .a(
                        .href(SiteURL.caseFile(record.file.id).path),
                        .text(record.file.identity.displayName)
                    ),
                    .text(", " + env.t("aangemeld op ", "referred on ") + record.file.referral.referredOn.description)
                )
            }
            ?? .p(
                .text(
                    env.t(
                        "Registratie bij \(other.locationName), \(since). Gegevens van de andere locatie worden niet "
                            + "getoond.",
                        "Registration at \(other.locationName), \(since). The other location's data is not shown."
                    )
                )
            )
        let s = (failed?.review == item.review.id ? failed!.state : FormState())
            .scoped(item.review.id.shortReference + "-")
            .labelled([
                "resolution": LocalizedText(nl: "Beslissing", en: "Decision"),
                "note": LocalizedText(
                    nl: "Toelichting (verplicht bij ‘niet dezelfde persoon’)",
                    en: "Note (required for ‘not the same person’)"
                ),
            ])
        let options = [DuplicateResolution.Kind.samePersonLinked, .notSamePerson]
        return .section(
            .class("reconcile-line"),
            .attribute(named: "aria-labelledby", value: heading),
            .h3(
                .id(heading),
                .a(
                    .href(SiteURL.caseFile(file.id).path),
                    .text(file.identity.displayName)
                ),
                .text(" · " + item.record.locationName)
            ),
            .p(
                .text(
                    env.t("Aangemeld op ", "Referred on ") + file.referral.referredOn.description + " · "
                        + env.t("sterkte ", "strength ") + Labels.strength(other.strength, env) + " · "
                        + env.t("overeenkomend: ", "agreeing: ") + (fields.isEmpty ? "—" : fields)
                )
            ),
            otherNode,
            FormFields.form(
                action: SiteURL.importMatch(item.review.id).path,
                env: env,
                [
                    FormFields.errorSummary(s, env),
                    FormFields.choices(
                        s,
                        env,
                        name: "resolution",
                        options: options.map { ($0.rawValue, env.t($0.label)) },
                        required: true
                    ),
                    FormFields.textarea(s, env, name: "note"),
                    FormFields.submit(env.t("Beslissing vastleggen", "Record the decision")),
                ]
            )
        )
    }
}
