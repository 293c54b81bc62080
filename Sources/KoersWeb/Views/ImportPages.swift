import Foundation
import KoersCore
import KoersImport
import Plot

/// Importeren: a city's registrations uploaded with their mapping, the dry run's report, and the
/// commit.
enum ImportPages {
    /// The upload form, with the field errors of a file or mapping that could not be read.
    static func form(
        _ env: PageEnvironment,
        locations: [Location],
        _ s: FormState,
        notice: String? = nil
    ) -> [Node<HTML.BodyContext>] {
        // The summary names each field with the words of its label.
        let s = s.labelled([
            "locationId": LocalizedText(nl: "Locatie", en: "Location"),
            "file": LocalizedText(nl: "Registratie (CSV of XLSX)", en: "Registration (CSV or XLSX)"),
            "mapping": LocalizedText(nl: "Koppelbestand (JSON)", en: "Mapping file (JSON)"),
        ])
        return [
            .h1(.text(env.t("Registraties importeren", "Import registrations"))),
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
                        "Breng de bestaande registratie van uw locatie in Koers: een CSV- of XLSX-bestand met een "
                            + "rij per traject, en een koppelbestand (JSON) dat zegt welke kolom welk gegeven is, hoe "
                            + "uw codes heten en hoe uw datums geschreven zijn. Eerst ziet u per rij wat Koers ervan "
                            + "maakt; pas daarna legt u vast. Nogmaals importeren verandert alleen wat verschilt.",
                        "Bring your location's existing registration into Koers: a CSV or XLSX file with a row per "
                            + "trajectory, and a mapping file (JSON) saying which column holds which field, what "
                            + "your codes are and how your dates are written. First you see per row what Koers makes "
                            + "of it; only then you commit. Importing again changes only what differs."
                    )
                )
            ),
            FormFields.errorSummary(s, env),
            FormFields.form(
                action: SiteURL.imports.path,
                env: env,
                multipart: true,
                [
                    FormFields.select(
                        s,
                        env,
                        name: "locationId",
                        options: locations.map { ($0.id.uuidString.lowercased(), $0.name) },
                        required: true
                    ),
                    FormFields.input(
                        s,
                        env,
                        name: "file",
                        type: "file",
                        required: true
                    ),
                    FormFields.input(
                        s,
                        env,
                        name: "mapping",
                        type: "file",
                        hint: env.t(
                            "Een voorbeeld om over te nemen: mapping-example.json (hieronder).",
                            "An example to copy: mapping-example.json (below)."
                        ),
                        required: true
                    ),
                    FormFields.submit(env.t("Controleren", "Check")),
                ]
            ),
            .p(
                .text(env.t("Voorbeeld van een koppelbestand: ", "Example of a mapping file: ")),
                .a(
                    .href(SiteURL.importMappingExample.path),
                    .text("mapping-example.json")
                ),
                .text(
                    env.t(
                        ". De velden staan onder columns, uw codes per veld onder codes.",
                        ". The fields are under columns, your codes per field under codes."
                    )
                )
            ),
        ]
    }

    /// The dry run: counts, then every row with a finding; the commit when something can be written.
    static func report(
        _ env: PageEnvironment,
        _ report: ImportReport,
        fileName: String,
        location: String,
        uploadId: UUID
    ) -> [Node<HTML.BodyContext>] {
        let language = env.language
        func labelled(_ values: [String: Int], _ label: (String) -> String) -> [Node<HTML.ListContext>] {
            values.sorted { $0.key < $1.key }.map { .li(.text("\(label($0.key)): \($0.value)")) }
        }
        return [
            .h1(.text(env.t("Controle van ", "Check of ") + fileName)),
            .p(
                .text(
                    env.t(
                        "\(report.rows) rijen voor \(location): \(report.okRows) goed, \(report.warningRows) met een "
                            + "waarschuwing, \(report.errorRows) met een fout. Vastleggen voegt \(report.trajectories) "
                            + "trajecten van \(report.persons) personen toe of werkt ze bij; rijen met een fout "
                            + "blijven buiten.",
                        "\(report.rows) rows for \(location): \(report.okRows) ok, \(report.warningRows) with a "
                            + "warning, \(report.errorRows) with an error. Committing adds or updates "
                            + "\(report.trajectories) trajectories of \(report.persons) persons; rows with an error "
                            + "stay out."
                    )
                )
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "h-counts"),
                .h2(
                    .id("h-counts"),
                    .text(env.t("Wat de import toevoegt", "What the import adds"))
                ),
                .h3(.text(env.t("Per fase", "By stage"))),
                .ul(.group(labelled(report.byStage) { ImportReport.stageLabel($0, language) })),
                .h3(.text(env.t("Per toelatingsbesluit", "By admission outcome"))),
                .ul(.group(labelled(report.byOutcome) { ImportReport.outcomeLabel($0, language) })),
                .h3(.text(env.t("Per jaar van aanmelding", "By year of referral"))),
                .ul(.group(labelled(report.byYear) { $0 }))
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "h-findings"),
                .h2(
                    .id("h-findings"),
                    .text(env.t("Bevindingen per rij", "Findings per row"))
                ),
                report.findings.isEmpty
                    ? .p(.text(env.t("Geen: elke rij is goed.", "None: every row is fine.")))
                    : findings(env, report)
            ),
            .if(
                report.trajectories > 0,
                FormFields.form(
                    action: SiteURL.commitImport(uploadId).path,
                    env: env,
                    [
                        FormFields.submit(
                            env.t(
                                "Vastleggen (\(report.trajectories) trajecten)",
                                "Commit (\(report.trajectories) trajectories)"
                            )
                        )
                    ]
                )
            ),
            .p(
                .a(
                    .href(SiteURL.imports.path),
                    .text(env.t("Een verbeterd bestand controleren", "Check a corrected file"))
                )
            ),
        ]
    }

    private static func findings(_ env: PageEnvironment, _ report: ImportReport) -> Node<HTML.BodyContext> {
        Tables.scrolling(
            .class("findings"),
            .thead(
                .tr(
                    .th(.text(env.t("Rij", "Row"))),
                    .th(.text(env.t("Traject", "Trajectory"))),
                    .th(.text(env.t("Soort", "Kind"))),
                    .th(.text(env.t("Veld", "Field"))),
                    .th(.text(env.t("Wat te doen", "What to do")))
                )
            ),
            .tbody(
                .forEach(report.findings) { finding in
                    .tr(
                        .class("finding-\(finding.severity.rawValue)"),
                        .td(.text(String(finding.row))),
                        .td(.text(finding.sourceTrajectoryId ?? "")),
                        .td(
                            .text(
                                finding.severity == .error ? env.t("fout", "error") : env.t("waarschuwing", "warning")
                            )
                        ),
                        .td(.text(finding.field)),
                        .td(.text(finding.message))
                    )
                }
            )
        )
    }
}
