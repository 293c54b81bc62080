import Foundation
import KoersCore
import KoersStore

/// The administration page's model: the network as it stands.
struct AdminPage: Sendable {
    /// A location with the region it serves.
    struct LocationRow: Sendable {
        let location: Location
        let regionId: UUID?
        let region: String?
    }
    let regions: [Region]
    let locations: [LocationRow]
    let organisations: [OrganisationSummary]
    let accounts: [AccountSummary]
    /// The parties whose users sign in with a second factor.
    let twoFactorParties: Set<Party>
    /// The national policy's versions, the first first.
    let policies: [NationalPolicy]
    /// How many people are due for destruction without a list open for them.
    var dueForDestruction = 0

    /// Names by id, for showing references.
    var locationNames: [UUID: String] {
        Dictionary(uniqueKeysWithValues: locations.map { ($0.location.id, $0.location.name) })
    }
    var organisationNames: [UUID: String] {
        Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) })
    }
    /// The latest version's ladder: it holds every rung an organisation may have.
    var ladder: [EscalationLevel] { policies.last?.escalationLadder ?? EscalationLevel.defaultLadder }
}

/// Setting up and running the network, for the administrator only: every operation asks the
/// access policy first, so another party gets "not found" as for anything outside its sight.
struct AdminService: Sendable {
    let admin: AdministrationStore
    let directory: DirectoryStore
    let policies: PolicyStore
    /// The processing register.
    let register: ProcessingRegisterStore
    /// Retention, for the reminder that a destruction list is due.
    var retention: RetentionService? = nil
    let today: @Sendable () -> Day
    /// Mails an invited user their link, when mail is configured.
    var notifier: Notifier? = nil

    private func authorize(_ actor: Actor) throws {
        guard AccessPolicy.mayAdminister(actor) else { throw AppError.notFound }
    }

    private func author(_ actor: Actor) -> ChangeAuthor {
        ChangeAuthor(userId: actor.userId, name: actor.displayName)
    }

    func page(actor: Actor) async throws -> AdminPage {
        try authorize(actor)
        let regions = try await admin.regions()
        let regionNames = Dictionary(uniqueKeysWithValues: regions.map { ($0.id, $0.name) })
        let locationRegions = try await admin.locationRegions()
        return AdminPage(
            regions: regions,
            locations: try await directory.locations().map {
                AdminPage.LocationRow(
                    location: $0,
                    regionId: locationRegions[$0.id],
                    region: locationRegions[$0.id].flatMap { regionNames[$0] }
                )
            },
            organisations: try await admin.organisations(),
            accounts: try await admin.accounts(),
            twoFactorParties: try await admin.partiesRequiringTwoFactor(),
            policies: try await policies.versions(),
            dueForDestruction: try await retention?.dueWithoutPlan(actor: actor) ?? 0
        )
    }

    func createRegion(_ input: FormInput, actor: Actor) async throws -> UUID {
        try authorize(actor)
        return try await run {
            try await admin.createRegion(name: try AdminCommands.region(input, today: today()), by: author(actor))
        }
    }

    func importMunicipalities(_ input: FormInput, actor: Actor) async throws -> (municipalities: Int, regions: Int) {
        try authorize(actor)
        return try await run {
            var p = Parser(input, form: AdminCommands.municipalitiesForm, today: today())
            _ = p.value("file", missing: LocalizedText(nl: "Kies een CSV-bestand.", en: "Choose a CSV file."))
            try p.finish()
            return try await admin.importMunicipalities(
                try MunicipalityList.parse(input.raw("file")),
                by: author(actor)
            )
        }
    }

    func createLocation(_ input: FormInput, actor: Actor) async throws -> UUID {
        try authorize(actor)
        return try await run {
            let location = try AdminCommands.location(input, today: today())
            return try await admin.createLocation(
                name: location.name,
                regionId: location.regionId,
                rule: location.rule,
                by: author(actor)
            )
        }
    }

    func createOrganisation(_ input: FormInput, actor: Actor) async throws -> UUID {
        try authorize(actor)
        return try await run {
            let ladder = try await policies.versions().last!.escalationLadder
            let organisation = try AdminCommands.organisation(input, ladder: ladder, today: today())
            return try await admin.createOrganisation(
                name: organisation.name,
                party: organisation.party,
                escalationLevel: organisation.escalationLevel,
                national: organisation.national,
                locationIds: organisation.locationIds,
                by: author(actor)
            )
        }
    }

    /// Invites an account; the token is shown once to the administrator, as a link.
    func invite(_ input: FormInput, actor: Actor) async throws -> (userId: UUID, token: String) {
        try authorize(actor)
        return try await run {
            let invitation = try AdminCommands.invitation(input, today: today())
            let invited = try await admin.invite(
                email: invitation.email,
                displayName: invitation.name,
                organisationId: invitation.organisationId,
                by: author(actor)
            )
            notifier?.invite(invitation.email, token: invited.token)
            return invited
        }
    }

    /// Adds the next version of the national policy.
    func addPolicy(_ input: FormInput, actor: Actor) async throws -> NationalPolicy {
        try authorize(actor)
        let today = today()
        return try await run {
            try await policies.add({ try NationalPolicy.parse(input, after: $0, today: today) }, by: author(actor))
        }
    }

    /// Which parties must sign in with a second factor: the ticked ones.
    func setTwoFactor(_ input: FormInput, actor: Actor) async throws {
        try authorize(actor)
        try await run {
            var p = Parser(input, form: AdminCommands.twoFactorForm, today: today())
            let parties = p.choices("parties", Party.self)
            try p.finish()
            try await admin.requireTwoFactor(for: Set(parties), by: author(actor))
        }
    }

    /// Resets, disables or moves an account; a reset returns the new link's token.
    func change(account userId: UUID, action: String, _ input: FormInput, actor: Actor) async throws -> String? {
        try authorize(actor)
        guard try await admin.accounts().contains(where: { $0.id == userId }) else { throw AppError.notFound }
        // An administrator who disabled, moved or reset their own account would lock themselves out.
        guard userId != actor.userId else {
            throw AppError.invalid(
                ValidationFailure([
                    FieldError(
                        field: "account",
                        code: "ownAccount",
                        message: LocalizedText(
                            nl: "Uw eigen account wijzigt een andere beheerder.",
                            en: "Another administrator changes your own account."
                        )
                    )
                ])
            )
        }
        return try await run {
            let change: AdministrationStore.AccountChange
            switch action {
            case "reset": change = .reset
            case "disable": change = .disable
            case "enable": change = .enable
            case "move":
                var p = Parser(input, form: AdminCommands.moveForm, today: today())
                let organisation = p.uuid(
                    "organisationId",
                    missing: LocalizedText(nl: "Kies de nieuwe organisatie.", en: "Choose the new organisation.")
                )
                try p.finish()
                change = .move(to: organisation!)
            default: throw AppError.notFound
            }
            do {
                let token = try await admin.change(account: userId, change, by: author(actor))
                if let token, let email = try await admin.accounts().first(where: { $0.id == userId })?.email {
                    notifier?.invite(email, token: token)
                }
                return token
            } catch StoreError.notFound {
                throw AppError.notFound
            }
        }
    }

    /// The processing register, to read and maintain.
    func registerEntries(actor: Actor) async throws -> [RegisterEntry] {
        try authorize(actor)
        return try await register.entries()
    }

    /// Saves the administrator's edit of one register entry; every field error at once.
    func saveRegisterEntry(_ activity: ProcessingActivity, _ input: FormInput, actor: Actor) async throws {
        try authorize(actor)
        guard let entry = try await register.entries().first(where: { $0.activity == activity }) else {
            throw AppError.notFound
        }
        let edited: RegisterEntry
        do { edited = try entry.edited(input, today: today()) } catch { throw AppError.invalid(error) }
        try await register.save(edited, by: author(actor))
    }

    func history(of objectId: UUID, actor: Actor) async throws -> [AdminChange] {
        try authorize(actor)
        return try await admin.changes(of: objectId)
    }

    // MARK: Without signing in

    /// The invitation behind a link, or nil when it is unknown, used or expired.
    func invitation(token: String) async throws -> OpenInvitation? {
        try await admin.openInvitation(token: token)
    }

    /// Sets the invited user's password by the rules; a link used or expired meanwhile is not found.
    func acceptInvitation(token: String, _ input: FormInput) async throws -> UUID {
        guard let invitation = try await admin.openInvitation(token: token) else { throw AppError.notFound }
        return try await run {
            let password = try AdminCommands.password(
                input,
                email: invitation.email,
                name: invitation.displayName,
                today: today()
            )
            do {
                return try await admin.acceptInvitation(token: token, password: password)
            } catch StoreError.notFound {
                throw AppError.notFound
            }
        }
    }

    /// Whether this installation still needs `koers setup`: it has no administrator.
    func needsSetup() async throws -> Bool {
        try await !admin.hasAdministrator()
    }

    private func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let failure as ValidationFailure {
            throw AppError.invalid(failure)
        }
    }
}
