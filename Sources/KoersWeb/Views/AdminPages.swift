import Foundation
import KoersCore
import Plot

/// Beheer: the network as the administrator sets it up. One page with a section per kind of object,
/// each with its list and the form that adds to it; a failed form is shown again in its section.
enum AdminPages {
    /// Which section's form failed, with its state, and a message to show once (an invitation link).
    struct Forms {
        var region = FormState()
        var municipalities = FormState()
        var location = FormState()
        var organisation = FormState()
        var account = FormState()
        var twoFactor = FormState()
        var policy = FormState()
        var notice: String?
        var invitationLink: String?
    }

    static func overview(_ env: PageEnvironment, _ page: AdminPage, _ forms: Forms) -> [Node<HTML.BodyContext>] {
        [
            .h1(.text(env.t("Beheer van het netwerk", "Network administration"))),
            .if(
                page.dueForDestruction > 0,
                .p(
                    .class("notice"),
                    .attribute(named: "role", value: "status"),
                    .text(
                        env.t(
                            "\(page.dueForDestruction) personen hebben de bewaartermijn bereikt: maak een "
                                + "vernietigingslijst.",
                            "\(page.dueForDestruction) people have reached the end of their retention period: make a "
                                + "destruction list."
                        )
                    )
                )
            ),
            .ul(
                .li(
                    .a(
                        .href(SiteURL.register.path),
                        .text(env.t("Verwerkingsregister", "Processing register"))
                    )
                ),
                .li(
                    .a(
                        .href(SiteURL.retention.path),
                        .text(env.t("Bewaren en vernietigen", "Retention and destruction"))
                    )
                )
            ),
            .if(
                forms.notice != nil,
                .div(
                    .class("notice"),
                    .attribute(named: "role", value: "status"),
                    .p(.text(forms.notice ?? ""))
                )
            ),
            .if(forms.invitationLink != nil, invitationNotice(env, forms.invitationLink ?? "")),
            regions(env, page, forms),
            locations(env, page, forms.location),
            organisations(env, page, forms.organisation),
            accounts(env, page, forms.account),
            twoFactor(env, page, forms.twoFactor),
            policies(env, page, forms.policy),
        ]
    }

    private static func invitationNotice(_ env: PageEnvironment, _ link: String) -> Node<HTML.BodyContext> {
        .div(
            .class("notice"),
            .attribute(named: "role", value: "status"),
            .h2(.text(env.t("Uitnodiging gemaakt", "Invitation created"))),
            .p(
                .text(
                    env.t(
                        "Geef deze link aan de gebruiker. Hij is zeven dagen en één keer geldig, en wordt niet "
                            + "opnieuw getoond.",
                        "Give this link to the user. It is valid once, for seven days, and is not shown again."
                    )
                )
            ),
            .p(
                .code(
                    .id("invitation-link"),
                    .text(link)
                )
            )
        )
    }

    private static func regions(_ env: PageEnvironment, _ page: AdminPage, _ forms: Forms) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "h-regions"),
            .h2(
                .id("h-regions"),
                .text(env.t("Regio's en gemeenten", "Regions and municipalities"))
            ),
            .if(
                page.regions.isEmpty,
                .p(.text(env.t("Nog geen regio's.", "No regions yet.")))
            ),
            .if(
                !page.regions.isEmpty,
                Tables.scrolling(
                    .thead(
                        .tr(
                            .th(.text(env.t("Regio", "Region"))),
                            .th(.text(env.t("Gemeenten", "Municipalities"))),
                            .th(.text(env.t("Geschiedenis", "History")))
                        )
                    ),
                    .tbody(
                        .forEach(page.regions) { region in
                            .tr(
                                .td(.text(region.name)),
                                .td(.text(String(region.municipalityCount))),
                                .td(historyLink(env, region.id, region.name))
                            )
                        }
                    )
                )
            ),
            .h3(.text(env.t("Gemeenten inlezen", "Import municipalities"))),
            .p(
                .text(
                    env.t(
                        "Een CSV-bestand met de kolommen cbsCode, name en region (voorbeeld: ",
                        "A CSV file with the columns cbsCode, name and region (example: "
                    )
                ),
                .a(
                    .href(SiteURL.municipalitiesSample.path),
                    .text("municipalities.csv")
                ),
                .text(
                    env.t(
                        "). Regio's die nog niet bestaan worden aangemaakt. Bij een fout wordt niets ingelezen.",
                        "). Regions that do not exist yet are created. On any error nothing is imported."
                    )
                )
            ),
            FormFields.errorSummary(forms.municipalities, env),
            FormFields.form(
                action: SiteURL.municipalities.path,
                env: env,
                multipart: true,
                [
                    FormFields.input(
                        forms.municipalities,
                        env,
                        name: "file",
                        label: env.t("CSV-bestand", "CSV file"),
                        type: "file",
                        required: true
                    ),
                    FormFields.submit(env.t("Inlezen", "Import")),
                ]
            ),
            .h3(.text(env.t("Regio toevoegen", "Add a region"))),
            FormFields.errorSummary(forms.region, env),
            FormFields.form(
                action: SiteURL.regions.path,
                env: env,
                [
                    FormFields.input(
                        forms.region,
                        env,
                        name: "name",
                        label: env.t("Naam van de regio", "Name of the region"),
                        required: true
                    ),
                    FormFields.submit(env.t("Regio toevoegen", "Add the region")),
                ]
            )
        )
    }

    private static func locations(_ env: PageEnvironment, _ page: AdminPage, _ s: FormState) -> Node<HTML.BodyContext> {
        let s = s.scoped("location-")
        let national = RegionalTiesRule.national
        let prefilled =
            s.input.values.isEmpty
            ? FormState(
                input: FormInput([
                    "minimumMonthsInRegion": [String(national.minimumMonthsInRegion)],
                    "acceptedTies": national.acceptedTies.map(\.rawValue),
                ])
            ).scoped("location-") : s
        return .section(
            .attribute(named: "aria-labelledby", value: "h-locations"),
            .h2(
                .id("h-locations"),
                .text(env.t("LVV-locaties", "LVV locations"))
            ),
            .if(
                page.locations.isEmpty,
                .p(.text(env.t("Nog geen locaties.", "No locations yet.")))
            ),
            .if(
                !page.locations.isEmpty,
                Tables.scrolling(
                    .thead(
                        .tr(
                            .th(.text(env.t("Locatie", "Location"))),
                            .th(.text(env.t("Regio", "Region"))),
                            .th(.text(env.t("Regiobinding", "Regional ties"))),
                            .th(.text(env.t("Geschiedenis", "History")))
                        )
                    ),
                    .tbody(
                        .forEach(page.locations) { row in
                            .tr(
                                .td(.text(row.location.name)),
                                .td(.text(row.region ?? "—")),
                                .td(.text(rule(env, row.location.regionalTiesRule))),
                                .td(historyLink(env, row.location.id, row.location.name))
                            )
                        }
                    )
                )
            ),
            .h3(.text(env.t("Locatie toevoegen", "Add a location"))),
            FormFields.errorSummary(prefilled, env),
            FormFields.form(
                action: SiteURL.locations.path,
                env: env,
                [
                    FormFields.input(prefilled, env, name: "name", label: env.t("Naam", "Name"), required: true),
                    FormFields.select(
                        prefilled,
                        env,
                        name: "regionId",
                        label: env.t("Regio", "Region"),
                        options: page.regions.map { ($0.id.uuidString.lowercased(), $0.name) },
                        blank: env.t("— kies —", "— choose —"),
                        required: true
                    ),
                    FormFields.input(
                        prefilled,
                        env,
                        name: "minimumMonthsInRegion",
                        label: env.t(
                            "Maanden verblijf in de regio die volstaan",
                            "Months of stay in the region that suffice"
                        ),
                        type: "number",
                        hint: env.t("Landelijk: 6.", "National: 6."),
                        required: true,
                        width: "short"
                    ),
                    FormFields.choices(
                        prefilled,
                        env,
                        name: "acceptedTies",
                        legend: env.t("Banden die op zichzelf volstaan", "Ties that suffice on their own"),
                        options: RegionalTie.allCases.map { ($0.rawValue, env.t($0.label)) },
                        multiple: true,
                        hint: env.t(
                            "Aangevinkt: de landelijke definitie. Wijk alleen af met een beschreven reden.",
                            "Ticked: the national definition. Deviate only with a described reason."
                        )
                    ),
                    FormFields.textarea(
                        prefilled,
                        env,
                        name: "deviationNl",
                        label: env.t(
                            "Afwijking van de landelijke definitie (Nederlands)",
                            "Deviation from the national definition (Dutch)"
                        )
                    ),
                    FormFields.textarea(
                        prefilled,
                        env,
                        name: "deviationEn",
                        label: env.t(
                            "Afwijking van de landelijke definitie (Engels)",
                            "Deviation from the national definition (English)"
                        )
                    ),
                    FormFields.submit(env.t("Locatie toevoegen", "Add the location")),
                ]
            )
        )
    }

    private static func organisations(
        _ env: PageEnvironment,
        _ page: AdminPage,
        _ s: FormState
    ) -> Node<HTML.BodyContext> {
        let s = s.scoped("organisation-")
        let names = page.locationNames
        return .section(
            .attribute(named: "aria-labelledby", value: "h-organisations"),
            .h2(
                .id("h-organisations"),
                .text(env.t("Organisaties", "Organisations"))
            ),
            Tables.scrolling(
                .thead(
                    .tr(
                        .th(.text(env.t("Organisatie", "Organisation"))),
                        .th(.text(env.t("Partij", "Party"))),
                        .th(.text(env.t("Bedient", "Serves"))),
                        .th(.text(env.t("Geschiedenis", "History")))
                    )
                ),
                .tbody(
                    .forEach(page.organisations) { organisation in
                        .tr(
                            .td(.text(organisation.name)),
                            .td(
                                .text(
                                    env.t(organisation.party.label)
                                        + level(env, organisation.escalationLevel, page.ladder)
                                )
                            ),
                            .td(
                                .text(
                                    organisation.national
                                        ? env.t("alle locaties (landelijk)", "every location (national)")
                                        : organisation.locationIds.compactMap { names[$0] }.sorted()
                                            .joined(separator: ", ")
                                )
                            ),
                            .td(historyLink(env, organisation.id, organisation.name))
                        )
                    }
                )
            ),
            .h3(.text(env.t("Organisatie toevoegen", "Add an organisation"))),
            FormFields.errorSummary(s, env),
            FormFields.form(
                action: SiteURL.organisations.path,
                env: env,
                [
                    FormFields.input(s, env, name: "name", label: env.t("Naam", "Name"), required: true),
                    FormFields.select(
                        s,
                        env,
                        name: "party",
                        label: env.t("Partij", "Party"),
                        options: Party.allCases.map { ($0.rawValue, env.t($0.label)) },
                        blank: env.t("— kies —", "— choose —"),
                        required: true
                    ),
                    FormFields.select(
                        s,
                        env,
                        name: "escalationLevel",
                        label: env.t("Trede (alleen escalatie-orgaan)", "Rung (escalation body only)"),
                        options: page.ladder.map { ($0.code, env.t($0.label)) },
                        blank: env.t("— geen —", "— none —")
                    ),
                    FormFields.checkbox(
                        s,
                        name: "national",
                        label: env.t(
                            "Landelijk orgaan: bedient alle locaties, ook latere",
                            "National body: serves every location, including later ones"
                        )
                    ),
                    FormFields.choices(
                        s,
                        env,
                        name: "locationIds",
                        legend: env.t("Bediende locaties", "Locations served"),
                        options: page.locations.map { ($0.location.id.uuidString.lowercased(), $0.location.name) },
                        multiple: true
                    ),
                    FormFields.submit(env.t("Organisatie toevoegen", "Add the organisation")),
                ]
            )
        )
    }

    private static func accounts(_ env: PageEnvironment, _ page: AdminPage, _ s: FormState) -> Node<HTML.BodyContext> {
        let s = s.scoped("account-")
        let organisations = page.organisationNames
        return .section(
            .attribute(named: "aria-labelledby", value: "h-accounts"),
            .h2(
                .id("h-accounts"),
                .text(env.t("Accounts", "Accounts"))
            ),
            Tables.scrolling(
                .thead(
                    .tr(
                        .th(.text(env.t("E-mailadres", "E-mail address"))),
                        .th(.text(env.t("Naam", "Name"))),
                        .th(.text(env.t("Organisatie", "Organisation"))),
                        .th(.text(env.t("Status", "State"))),
                        .th(.text(env.t("Account", "Account")))
                    )
                ),
                .tbody(
                    .forEach(page.accounts) { account in
                        .tr(
                            .td(.text(account.email)),
                            .td(.text(account.displayName)),
                            .td(.text(organisations[account.organisationId] ?? "—")),
                            .td(.text(state(env, account.state))),
                            .td(
                                .a(
                                    .href(SiteURL.account(account.id).path),
                                    .attribute(
                                        named: "aria-label",
                                        value: env.t("Beheer \(account.email)", "Manage \(account.email)")
                                    ),
                                    .text(env.t("Beheren", "Manage"))
                                )
                            )
                        )
                    }
                )
            ),
            .h3(.text(env.t("Account uitnodigen", "Invite an account"))),
            FormFields.errorSummary(s, env),
            FormFields.form(
                action: SiteURL.accounts.path,
                env: env,
                [
                    FormFields.input(
                        s,
                        env,
                        name: "email",
                        label: env.t("E-mailadres", "E-mail address"),
                        type: "email",
                        required: true
                    ),
                    FormFields.input(s, env, name: "name", label: env.t("Naam", "Name"), required: true),
                    FormFields.select(
                        s,
                        env,
                        name: "organisationId",
                        label: env.t("Organisatie", "Organisation"),
                        options: page.organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                        blank: env.t("— kies —", "— choose —"),
                        required: true
                    ),
                    FormFields.submit(env.t("Uitnodigen", "Invite")),
                ]
            )
        )
    }

    private static func twoFactor(_ env: PageEnvironment, _ page: AdminPage, _ s: FormState) -> Node<HTML.BodyContext> {
        let current =
            s.input.values.isEmpty
            ? FormState(input: FormInput(["parties": page.twoFactorParties.map(\.rawValue)])) : s
        return .section(
            .attribute(named: "aria-labelledby", value: "h-two-factor"),
            .h2(
                .id("h-two-factor"),
                .text(env.t("Tweestapsverificatie", "Two-step verification"))
            ),
            FormFields.errorSummary(current, env),
            FormFields.form(
                action: SiteURL.twoFactor.path,
                env: env,
                [
                    FormFields.choices(
                        current.scoped("two-factor-"),
                        env,
                        name: "parties",
                        legend: env.t(
                            "Partijen die zich met een code uit een app aanmelden",
                            "Parties that sign in with a code from an app"
                        ),
                        options: Party.allCases.map { ($0.rawValue, env.t($0.label)) },
                        multiple: true,
                        hint: env.t(
                            "Standaard aan voor elke partij die dossiers opent. Geldt vanaf de volgende aanmelding.",
                            "On by default for every party that opens cases. Applies from the next sign-in."
                        )
                    ),
                    FormFields.submit(env.t("Opslaan", "Save")),
                ]
            )
        )
    }

    private static func policies(_ env: PageEnvironment, _ page: AdminPage, _ s: FormState) -> Node<HTML.BodyContext> {
        let latest = page.policies.last ?? NationalPolicy.initial(monitorK: 5)
        let state =
            s.input.values.isEmpty
            ? FormState(
                input: FormInput([
                    "freshRejectionDays": [String(latest.admission.freshRejectionDays)],
                    "safeCountries": [latest.admission.safeCountries.sorted().joined(separator: " ")],
                    "minimumMonthsInRegion": [String(latest.regionalTies.minimumMonthsInRegion)],
                    "acceptedTies": latest.regionalTies.acceptedTies.map(\.rawValue),
                    "monitorK": [String(latest.monitorK)],
                    "outflowReasons": [NationalPolicy.lines(latest.outflowReasons)],
                    "escalationLadder": [NationalPolicy.lines(latest.escalationLadder)],
                ])
            ) : s
        let scoped = state.scoped("policy-")
        return .section(
            .attribute(named: "aria-labelledby", value: "h-policy"),
            .h2(
                .id("h-policy"),
                .text(env.t("Landelijk beleid", "National policy"))
            ),
            .p(
                .text(
                    env.t(
                        "Elke versie geldt vanaf haar begindatum tot de volgende. Een besluit houdt de versie "
                            + "waaronder het genomen is; de toets toont die.",
                        "Each version applies from its start until the next. A decision keeps the version it was "
                            + "made under; the check shows it."
                    )
                )
            ),
            Tables.scrolling(
                .thead(
                    .tr(
                        .th(.text(env.t("Versie", "Version"))),
                        .th(.text(env.t("Vanaf", "From"))),
                        .th(.text(env.t("Verse afwijzing (dagen)", "Fresh rejection (days)"))),
                        .th(.text(env.t("Veilige landen", "Safe countries"))),
                        .th(.text(env.t("Regiobinding (maanden)", "Regional ties (months)"))),
                        .th(.text("k")),
                        .th(.text(env.t("Uitstroomredenen", "Outflow reasons"))),
                        .th(.text(env.t("Escalatieladder", "Escalation ladder")))
                    )
                ),
                .tbody(
                    .forEach(page.policies) { policy in
                        .tr(
                            .td(.text(String(policy.version))),
                            .td(.text(policy.validFrom.description)),
                            .td(.text(String(policy.admission.freshRejectionDays))),
                            .td(.text(String(policy.admission.safeCountries.count))),
                            .td(.text(String(policy.regionalTies.minimumMonthsInRegion))),
                            .td(.text(String(policy.monitorK))),
                            .td(.text(String(policy.outflowReasons.count))),
                            .td(.text(policy.escalationLadder.map { env.t($0.label) }.joined(separator: " → ")))
                        )
                    }
                )
            ),
            .h3(.text(env.t("Nieuwe versie", "New version"))),
            FormFields.errorSummary(scoped, env),
            FormFields.form(
                action: SiteURL.policyVersions.path,
                env: env,
                [
                    FormFields.input(
                        scoped,
                        env,
                        name: "validFrom",
                        label: env.t("Geldt vanaf", "Applies from"),
                        type: "date",
                        hint: env.t("Vandaag of later.", "Today or later."),
                        required: true,
                        width: "10"
                    ),
                    FormFields.input(
                        scoped,
                        env,
                        name: "freshRejectionDays",
                        label: env.t("Verse asielafwijzing: dagen", "Fresh asylum rejection: days"),
                        type: "number",
                        required: true,
                        width: "short"
                    ),
                    FormFields.textarea(
                        scoped,
                        env,
                        name: "safeCountries",
                        label: env.t("Veilige landen van herkomst (ISO-codes)", "Safe countries of origin (ISO codes)")
                    ),
                    FormFields.input(
                        scoped,
                        env,
                        name: "minimumMonthsInRegion",
                        label: env.t("Regiobinding: maanden verblijf", "Regional ties: months of stay"),
                        type: "number",
                        required: true,
                        width: "short"
                    ),
                    FormFields.choices(
                        scoped,
                        env,
                        name: "acceptedTies",
                        legend: env.t("Banden die op zichzelf volstaan", "Ties that suffice on their own"),
                        options: RegionalTie.allCases.map { ($0.rawValue, env.t($0.label)) },
                        multiple: true
                    ),
                    FormFields.input(
                        scoped,
                        env,
                        name: "monitorK",
                        label: env.t("Monitor: k", "Monitor: k"),
                        type: "number",
                        hint: env.t(
                            "Verandert alleen op de eerste dag van een kwartaal.",
                            "Changes only on a quarter's first day."
                        ),
                        required: true,
                        width: "short"
                    ),
                    FormFields.textarea(
                        scoped,
                        env,
                        name: "outflowReasons",
                        label: env.t("Uitstroomredenen", "Outflow reasons"),
                        hint: env.t(
                            "Eén per regel: code;categorie (durable, semiDurable of none);Nederlands;Engels. Een "
                                + "vastgelegde uitstroom houdt zijn categorie.",
                            "One per line: code;category (durable, semiDurable or none);Dutch;English. A recorded "
                                + "outflow keeps its category."
                        ),
                        required: true
                    ),
                    FormFields.textarea(
                        scoped,
                        env,
                        name: "escalationLadder",
                        label: env.t("Escalatieladder", "Escalation ladder"),
                        hint: env.t(
                            "Laagste trede eerst, één per regel: code;Nederlands;Engels. Bestaande treden blijven, "
                                + "in hun volgorde.",
                            "Lowest rung first, one per line: code;Dutch;English. Existing rungs stay, in their "
                                + "order."
                        ),
                        required: true
                    ),
                    FormFields.submit(env.t("Versie toevoegen", "Add the version")),
                ]
            )
        )
    }

    /// One account: reset (a new link), disable, or move to another organisation; each ends its
    /// sessions and API tokens.
    static func account(
        _ env: PageEnvironment,
        _ account: AccountSummary,
        _ page: AdminPage,
        link: String?,
        move: FormState
    ) -> [Node<HTML.BodyContext>] {
        let organisation = page.organisationNames[account.organisationId] ?? "—"
        return [
            .h1(.text(account.email)),
            .p(
                .a(
                    .href(SiteURL.administration.path),
                    .text(env.t("Terug naar beheer", "Back to administration"))
                )
            ),
            .if(link != nil, invitationNotice(env, link ?? "")),
            .dl(
                .dt(.text(env.t("Naam", "Name"))),
                .dd(.text(account.displayName)),
                .dt(.text(env.t("Organisatie", "Organisation"))),
                .dd(.text(organisation)),
                .dt(.text(env.t("Status", "State"))),
                .dd(.text(state(env, account.state)))
            ),
            .p(historyLink(env, account.id, account.email)),
            .p(
                .text(
                    env.t(
                        "Elke wijziging hieronder beëindigt de sessies en API-tokens van het account.",
                        "Every change below ends the account's sessions and API tokens."
                    )
                )
            ),
            .h2(.text(env.t("Opnieuw uitnodigen", "Reset"))),
            .p(
                .text(
                    env.t(
                        "Een nieuwe eenmalige link; het wachtwoord en de tweestapsverificatie vervallen tot de "
                            + "gebruiker ze opnieuw instelt.",
                        "A new one-time link; the password and two-step verification lapse until the user sets "
                            + "them again."
                    )
                )
            ),
            FormFields.form(
                action: SiteURL.accountAction(account.id, .reset).path,
                env: env,
                [FormFields.submit(env.t("Nieuwe link maken", "Make a new link"))]
            ),
            .h2(.text(env.t("Naar een andere organisatie", "Move to another organisation"))),
            FormFields.errorSummary(move, env),
            FormFields.form(
                action: SiteURL.accountAction(account.id, .move).path,
                env: env,
                [
                    FormFields.select(
                        move,
                        env,
                        name: "organisationId",
                        label: env.t("Nieuwe organisatie", "New organisation"),
                        options: page.organisations.filter { $0.id != account.organisationId }.map {
                            ($0.id.uuidString.lowercased(), $0.name)
                        },
                        blank: env.t("— kies —", "— choose —"),
                        required: true
                    ),
                    FormFields.submit(env.t("Verplaatsen", "Move")),
                ]
            ),
            .if(
                account.state != .disabled,
                .group(
                    .h2(.text(env.t("Uitschakelen", "Disable"))),
                    FormFields.form(
                        action: SiteURL.accountAction(account.id, .disable).path,
                        env: env,
                        [FormFields.submit(env.t("Account uitschakelen", "Disable the account"), secondary: true)]
                    )
                )
            ),
            .if(
                account.state == .disabled,
                .group(
                    .h2(.text(env.t("Weer inschakelen", "Enable again"))),
                    FormFields.form(
                        action: SiteURL.accountAction(account.id, .enable).path,
                        env: env,
                        [FormFields.submit(env.t("Account inschakelen", "Enable the account"))]
                    )
                )
            ),
        ]
    }

    /// One object's administrative history.
    static func history(_ env: PageEnvironment, name: String, _ changes: [AdminChange]) -> [Node<HTML.BodyContext>] {
        [
            .h1(.text(env.t("Geschiedenis van \(name)", "History of \(name)"))),
            .p(
                .a(
                    .href(SiteURL.administration.path),
                    .text(env.t("Terug naar beheer", "Back to administration"))
                )
            ),
            Tables.scrolling(
                .thead(
                    .tr(
                        .th(.text(env.t("Wanneer", "When"))),
                        .th(.text(env.t("Wie", "Who"))),
                        .th(.text(env.t("Wijziging", "Change"))),
                        .th(.text(env.t("Voor", "Before"))),
                        .th(.text(env.t("Na", "After")))
                    )
                ),
                .tbody(
                    .forEach(changes) { change in
                        .tr(
                            .td(.text(change.at.formatted(.iso8601))),
                            .td(.text(change.userName)),
                            .td(.text(change.action)),
                            .td(
                                .code(.text(change.before ?? "—"))
                            ),
                            .td(
                                .code(.text(change.after ?? "—"))
                            )
                        )
                    }
                )
            ),
        ]
    }

    private static func historyLink(_ env: PageEnvironment, _ id: UUID, _ name: String) -> Node<HTML.BodyContext> {
        .a(
            .href(SiteURL.history(id).with([("name", name)])),
            .attribute(named: "aria-label", value: env.t("Geschiedenis van \(name)", "History of \(name)")),
            .text(env.t("Geschiedenis", "History"))
        )
    }

    private static func rule(_ env: PageEnvironment, _ rule: RegionalTiesRule) -> String {
        guard let deviation = rule.deviation else { return env.t("landelijke definitie", "national definition") }
        return env.t("afwijkend: ", "deviates: ") + env.t(deviation)
    }

    private static func level(_ env: PageEnvironment, _ code: String?, _ ladder: [EscalationLevel]) -> String {
        guard let code, let level = EscalationLevel.named(code, in: ladder) else { return "" }
        return " — " + env.t(level.label)
    }

    private static func state(_ env: PageEnvironment, _ state: AccountSummary.State) -> String {
        switch state {
        case .invited: env.t("uitgenodigd", "invited")
        case .active: env.t("actief", "active")
        case .disabled: env.t("uitgeschakeld", "disabled")
        }
    }
}
