import FluentKit
import Foundation
import KoersCore

/// The network as a programme sets it up: regions and their municipalities, locations,
/// organisations and accounts. Every change is one transaction with its row in the change log;
/// a name or code that is taken is a field error, and nothing is written.
public struct AdministrationStore: Sendable {
    let database: KoersDatabase
    let directory: DirectoryStore
    /// How long an invitation link stays valid.
    public let invitationLifetime: TimeInterval = 7 * 86400

    public init(database: KoersDatabase, directory: DirectoryStore) {
        self.database = database
        self.directory = directory
    }

    // MARK: Reading

    public func regions() async throws -> [Region] {
        let db = database.db
        let municipalities = try await MunicipalityModel.query(on: db).all(\.$regionId)
        let counts = Dictionary(grouping: municipalities, by: { $0 }).mapValues(\.count)
        return try await RegionModel.query(on: db).sort(\.$name).all().map {
            Region(id: $0.id!, name: $0.name, municipalityCount: counts[$0.id!] ?? 0)
        }
    }

    public func municipalities(in regionId: UUID) async throws -> [Municipality] {
        try await MunicipalityModel.query(on: database.db).filter(\.$regionId == regionId).sort(\.$name).all().map {
            Municipality(cbsCode: $0.cbsCode, name: $0.name, regionId: $0.regionId)
        }
    }

    /// The municipality with this CBS code, if the network knows it.
    public func municipality(cbsCode: String) async throws -> Municipality? {
        try await MunicipalityModel.query(on: database.db).filter(\.$cbsCode == cbsCode.uppercased()).first().map {
            Municipality(cbsCode: $0.cbsCode, name: $0.name, regionId: $0.regionId)
        }
    }

    /// Each location's region, for the locations that have one.
    public func locationRegions() async throws -> [UUID: UUID] {
        var regions: [UUID: UUID] = [:]
        for location in try await LocationModel.query(on: database.db).all() {
            if let region = location.regionId { regions[location.id!] = region }
        }
        return regions
    }

    public func organisations() async throws -> [OrganisationSummary] {
        let db = database.db
        let links = try await OrganisationLocationModel.query(on: db).all()
        let served = Dictionary(grouping: links, by: \.organisationId).mapValues { $0.map(\.locationId) }
        return try await OrganisationModel.query(on: db).sort(\.$name).all().compactMap { model in
            guard let party = Party(rawValue: model.party) else { return nil }
            return OrganisationSummary(
                id: model.id!,
                name: model.name,
                party: party,
                escalationLevel: model.escalationLevel,
                national: model.national,
                locationIds: served[model.id!] ?? []
            )
        }
    }

    public func accounts() async throws -> [AccountSummary] {
        try await UserModel.query(on: database.db).sort(\.$email).all().map { user in
            AccountSummary(
                id: user.id!,
                email: user.email,
                displayName: user.displayName,
                organisationId: user.organisationId,
                state: user.disabled ? .disabled : user.passwordHash.isEmpty ? .invited : .active
            )
        }
    }

    /// Whether any administrator account exists; a fresh installation has none until setup.
    public func hasAdministrator() async throws -> Bool {
        try await UserModel.query(on: database.db)
            .join(OrganisationModel.self, on: \UserModel.$organisationId == \OrganisationModel.$id)
            .filter(OrganisationModel.self, \.$party == Party.admin.rawValue)
            .first() != nil
    }

    /// The history of one object, newest first.
    public func changes(of objectId: UUID) async throws -> [AdminChange] {
        try await AdminChangeModel.query(on: database.db).filter(\.$objectId == objectId).sort(\.$at, .descending)
            .all().map {
                AdminChange(
                    at: $0.at,
                    userName: $0.userName,
                    objectKind: $0.objectKind,
                    action: $0.action,
                    before: $0.before,
                    after: $0.after
                )
            }
    }

    // MARK: Changing

    /// Creates a region; a name already taken is a field error.
    public func createRegion(name: String, by author: ChangeAuthor) async throws -> UUID {
        try await database.write { db in
            if try await RegionModel.query(on: db).filter(\.$name == name).first() != nil {
                throw Self.taken("name", nl: "Er is al een regio met deze naam.", en: "A region with this name exists.")
            }
            let region = RegionModel(name: name)
            try await region.create(on: db)
            try await Self.log(db, author, "region", region.id!, "created", before: nil, after: ["name": name])
            return region.id!
        }
    }

    /// Adds the file's municipalities, creating the regions it names that do not exist yet. A code
    /// already in another region, or a name already used for another code, is refused with the
    /// line; then nothing of the file is written. Returns how many municipalities and regions were new.
    public func importMunicipalities(
        _ list: MunicipalityList,
        by author: ChangeAuthor
    ) async throws -> (municipalities: Int, regions: Int) {
        try await database.write { db in
            var regions = Dictionary(
                uniqueKeysWithValues: try await RegionModel.query(on: db).all().map { ($0.name.lowercased(), $0) }
            )
            let existing = try await MunicipalityModel.query(on: db).all()
            let byCode = Dictionary(uniqueKeysWithValues: existing.map { ($0.cbsCode, $0) })
            let byName = Dictionary(
                existing.map { ($0.name.lowercased(), $0.cbsCode) },
                uniquingKeysWith: { a, _ in a }
            )
            let regionNames = Dictionary(uniqueKeysWithValues: regions.values.map { ($0.id!, $0.name) })
            var errors: [FieldError] = []
            func fail(_ line: Int, _ code: String, _ nl: String, _ en: String) {
                errors.append(
                    FieldError(
                        field: "file",
                        code: code,
                        message: LocalizedText(nl: "Regel \(line): " + nl, en: "Line \(line): " + en)
                    )
                )
            }
            var fileNames: [String: Int] = [:]
            for row in list.rows {
                if let known = byCode[row.cbsCode] {
                    let region = regionNames[known.regionId] ?? "?"
                    if region.lowercased() != row.region.lowercased() {
                        fail(
                            row.line,
                            "otherRegion",
                            "\(row.cbsCode) hoort al bij regio \(region); een gemeente hoort bij één regio.",
                            "\(row.cbsCode) already belongs to region \(region); a municipality belongs to one region."
                        )
                    }
                } else if let other = byName[row.name.lowercased()] {
                    fail(
                        row.line,
                        "duplicateName",
                        "de naam \(row.name) hoort al bij \(other).",
                        "the name \(row.name) already belongs to \(other)."
                    )
                }
                if let earlier = fileNames[row.name.lowercased()] {
                    fail(
                        row.line,
                        "duplicateName",
                        "de naam \(row.name) staat ook op regel \(earlier).",
                        "the name \(row.name) is also on line \(earlier)."
                    )
                }
                fileNames[row.name.lowercased()] = fileNames[row.name.lowercased()] ?? row.line
            }
            if !errors.isEmpty { throw ValidationFailure(errors) }
            var newRegions = 0
            var added = 0
            for row in list.rows where byCode[row.cbsCode] == nil {
                let key = row.region.lowercased()
                if regions[key] == nil {
                    let region = RegionModel(name: row.region)
                    try await region.create(on: db)
                    try await Self.log(
                        db,
                        author,
                        "region",
                        region.id!,
                        "created",
                        before: nil,
                        after: ["name": row.region]
                    )
                    regions[key] = region
                    newRegions += 1
                }
                let region = regions[key]!
                try await MunicipalityModel(cbsCode: row.cbsCode, name: row.name, regionId: region.id!).create(on: db)
                try await Self.log(
                    db,
                    author,
                    "region",
                    region.id!,
                    "municipalityAdded",
                    before: nil,
                    after: ["cbsCode": row.cbsCode, "name": row.name]
                )
                added += 1
            }
            return (added, newRegions)
        }
    }

    /// Creates a location serving a region, with its regiobinding rule; every national body serves
    /// it from the start.
    public func createLocation(
        name: String,
        regionId: UUID,
        rule: RegionalTiesRule,
        by author: ChangeAuthor
    ) async throws -> UUID {
        try await database.write { db in
            var errors: [FieldError] = []
            if try await LocationModel.query(on: db).filter(\.$name == name).first() != nil {
                errors +=
                    Self.taken(
                        "name",
                        nl: "Er is al een locatie met deze naam.",
                        en: "A location with this name exists."
                    ).errors
            }
            if try await RegionModel.find(regionId, on: db) == nil {
                errors.append(
                    Self.error("regionId", "unknown", nl: "Kies een bestaande regio.", en: "Choose an existing region.")
                )
            } else if try await LocationModel.query(on: db).filter(\.$regionId == regionId).first() != nil {
                errors.append(
                    Self.error(
                        "regionId",
                        "served",
                        nl: "Deze regio heeft al een LVV-locatie.",
                        en: "This region already has an LVV location."
                    )
                )
            }
            if !errors.isEmpty { throw ValidationFailure(errors) }
            // Readable, and unique: two names that fold to the same words get a number.
            var slug = Self.slug(name)
            let base = slug
            var number = 2
            while try await LocationModel.query(on: db).filter(\.$slug == slug).first() != nil {
                slug = "\(base)-\(number)"
                number += 1
            }
            let model = LocationModel(name: name, slug: slug, rule: rule)
            model.regionId = regionId
            try await model.create(on: db)
            try await Self.log(
                db,
                author,
                "location",
                model.id!,
                "created",
                before: nil,
                after: ["name": name, "regionId": regionId.uuidString.lowercased(), "rule": JSONCoding.string(rule)]
            )
            return model.id!
        }
    }

    /// Gives a location the region it serves; a region served by another location is refused.
    public func setRegion(_ regionId: UUID, of locationId: UUID, by author: ChangeAuthor) async throws {
        try await database.write { db in
            guard let location = try await LocationModel.find(locationId, on: db),
                try await RegionModel.find(regionId, on: db) != nil
            else { throw StoreError.notFound }
            if let other = try await LocationModel.query(on: db).filter(\.$regionId == regionId).first(),
                other.id != locationId
            {
                throw ValidationFailure([
                    FieldError(
                        field: "regionId",
                        code: "served",
                        message: LocalizedText(
                            nl: "Deze regio heeft al een LVV-locatie.",
                            en: "This region already has an LVV location."
                        )
                    )
                ])
            }
            let before = location.regionId.map { ["regionId": $0.uuidString.lowercased()] }
            location.regionId = regionId
            try await location.save(on: db)
            try await Self.log(
                db,
                author,
                "location",
                locationId,
                "regionSet",
                before: before,
                after: ["regionId": regionId.uuidString.lowercased()]
            )
        }
    }

    /// Creates an organisation of a party serving some locations, or, as a national body, all.
    public func createOrganisation(
        name: String,
        party: Party,
        escalationLevel: String?,
        national: Bool,
        locationIds: [UUID],
        by author: ChangeAuthor
    ) async throws -> UUID {
        try await database.write { db in
            var errors: [FieldError] = []
            if try await OrganisationModel.query(on: db).filter(\.$name == name).first() != nil {
                errors +=
                    Self.taken(
                        "name",
                        nl: "Er is al een organisatie met deze naam.",
                        en: "An organisation with this name exists."
                    ).errors
            }
            let known = Set(try await LocationModel.query(on: db).all(\.$id))
            if !Set(locationIds).isSubset(of: known) {
                errors.append(
                    Self.error(
                        "locationIds",
                        "unknown",
                        nl: "Kies bestaande locaties.",
                        en: "Choose existing locations."
                    )
                )
            }
            if !errors.isEmpty { throw ValidationFailure(errors) }
            let model = OrganisationModel(
                name: name,
                party: party,
                escalationLevel: escalationLevel,
                national: national
            )
            try await model.create(on: db)
            for location in national ? [] : locationIds {
                try await OrganisationLocationModel(organisationId: model.id!, locationId: location).create(on: db)
            }
            var after = ["name": name, "party": party.rawValue, "national": String(national)]
            after["escalationLevel"] = escalationLevel
            after["locationIds"] = locationIds.map { $0.uuidString.lowercased() }.sorted().joined(separator: ",")
            try await Self.log(db, author, "organisation", model.id!, "created", before: nil, after: after)
            return model.id!
        }
    }

    /// Creates an account without a password and returns its one-time invitation token. Only the
    /// demo's accounts are exempt from the second factor, so the README's sign-in works.
    public func invite(
        email: String,
        displayName: String,
        organisationId: UUID,
        by author: ChangeAuthor,
        exemptFromSecondFactor: Bool = false,
        now: Date = Date()
    ) async throws -> (userId: UUID, token: String) {
        let normalized = email.lowercased()
        return try await database.write { db in
            var errors: [FieldError] = []
            if try await UserModel.query(on: db).filter(\.$email == normalized).first() != nil {
                errors +=
                    Self.taken(
                        "email",
                        nl: "Er is al een account met dit e-mailadres.",
                        en: "An account with this e-mail address exists."
                    ).errors
            }
            if try await OrganisationModel.find(organisationId, on: db) == nil {
                errors.append(
                    Self.error(
                        "organisationId",
                        "unknown",
                        nl: "Kies een bestaande organisatie.",
                        en: "Choose an existing organisation."
                    )
                )
            }
            if !errors.isEmpty { throw ValidationFailure(errors) }
            let user = UserModel(
                email: normalized,
                displayName: displayName,
                organisationId: organisationId,
                passwordHash: "",
                totpExempt: exemptFromSecondFactor
            )
            try await user.create(on: db)
            let token = try await Self.newInvitation(for: user.id!, lifetime: invitationLifetime, now: now, on: db)
            try await Self.log(
                db,
                author,
                "account",
                user.id!,
                "invited",
                before: nil,
                after: [
                    "email": normalized, "name": displayName, "organisationId": organisationId.uuidString.lowercased(),
                ].merging(exemptFromSecondFactor ? ["secondFactor": "exempt"] : [:]) { a, _ in a }
            )
            return (user.id!, token)
        }
    }

    /// What can be done to an account, and the end of its sessions and API tokens that each brings.
    public enum AccountChange: Sendable {
        /// A new invitation link: the password and second factor are cleared until the user sets them again.
        case reset
        case disable
        /// Back in use, with the password and second factor it had.
        case enable
        /// To another organisation: another party or other locations, so a new start.
        case move(to: UUID)
    }

    /// Changes an account and ends its sessions and tokens; a reset returns the new link's token.
    public func change(
        account userId: UUID,
        _ change: AccountChange,
        by author: ChangeAuthor,
        now: Date = Date()
    ) async throws -> String? {
        try await database.write { db in
            guard let user = try await UserModel.find(userId, on: db) else { throw StoreError.notFound }
            let before = Self.snapshot(user)
            var token: String?
            let action: String
            switch change {
            case .reset:
                user.passwordHash = ""
                user.totpSecret = nil
                user.totpLastStep = nil
                user.disabled = false
                try await InvitationModel.query(on: db).filter(\.$userId == userId).delete()
                token = try await Self.newInvitation(for: userId, lifetime: invitationLifetime, now: now, on: db)
                action = "reset"
            case .disable:
                user.disabled = true
                action = "disabled"
            case .enable:
                user.disabled = false
                action = "enabled"
            case .move(let organisationId):
                guard try await OrganisationModel.find(organisationId, on: db) != nil else {
                    throw ValidationFailure([
                        FieldError(
                            field: "organisationId",
                            code: "unknown",
                            message: LocalizedText(
                                nl: "Kies een bestaande organisatie.",
                                en: "Choose an existing organisation."
                            )
                        )
                    ])
                }
                user.organisationId = organisationId
                action = "moved"
            }
            try await user.save(on: db)
            try await SessionModel.query(on: db).filter(\.$userId == userId).delete()
            try await APITokenModel.query(on: db).filter(\.$userId == userId).delete()
            try await Self.log(db, author, "account", userId, action, before: before, after: Self.snapshot(user))
            return token
        }
    }

    static func snapshot(_ user: UserModel) -> [String: String] {
        [
            "email": user.email, "name": user.displayName,
            "organisationId": user.organisationId.uuidString.lowercased(),
            "state": user.disabled ? "disabled" : user.passwordHash.isEmpty ? "invited" : "active",
            "secondFactor": user.totpSecret == nil ? "none" : "set",
        ]
    }

    /// The account an invitation token stands for, if the link is unused and not expired.
    public func openInvitation(token: String, now: Date = Date()) async throws -> OpenInvitation? {
        let db = database.db
        guard
            let invitation = try await InvitationModel.query(on: db).filter(\.$tokenHash == Secrets.digest(token))
                .first(),
            invitation.usedAt == nil, invitation.expiresAt > now,
            let user = try await UserModel.find(invitation.userId, on: db), !user.disabled
        else { return nil }
        return OpenInvitation(userId: user.id!, email: user.email, displayName: user.displayName)
    }

    /// Sets the invited user's password and uses up the link. A link used or expired meanwhile is
    /// refused, and nothing changes.
    public func acceptInvitation(token: String, password: String, now: Date = Date()) async throws -> UUID {
        try await acceptInvitation(token: token, passwordHash: try await directory.hashPassword(password), now: now)
    }

    /// As ``acceptInvitation(token:password:now:)`` with the password already hashed, so that a
    /// generator setting one password for many accounts hashes it once.
    public func acceptInvitation(token: String, passwordHash hash: String, now: Date = Date()) async throws -> UUID {
        try await database.write { db in
            guard
                let invitation = try await InvitationModel.query(on: db).filter(\.$tokenHash == Secrets.digest(token))
                    .first(),
                invitation.usedAt == nil, invitation.expiresAt > now,
                let user = try await UserModel.find(invitation.userId, on: db), !user.disabled
            else { throw StoreError.notFound }
            invitation.usedAt = now
            try await invitation.save(on: db)
            user.passwordHash = hash
            try await user.save(on: db)
            try await Self.log(
                db,
                ChangeAuthor(userId: user.id, name: user.displayName),
                "account",
                user.id!,
                "passwordSet",
                before: nil,
                after: nil
            )
            return user.id!
        }
    }

    /// On a database without an administrator: the administrators' organisation and the first
    /// administrator, invited like every other account. Refused once an administrator exists.
    public func setUp(email: String, displayName: String, now: Date = Date()) async throws -> String {
        if try await hasAdministrator() {
            throw StoreError.conflict("An administrator exists already; invite further accounts in the application.")
        }
        let author = ChangeAuthor(userId: nil, name: "koers setup")
        let organisation: UUID
        if let existing = try await OrganisationModel.query(on: database.db).filter(\.$party == Party.admin.rawValue)
            .first()
        {
            organisation = existing.id!
        } else {
            organisation = try await createOrganisation(
                name: "Beheer Koers",
                party: .admin,
                escalationLevel: nil,
                national: false,
                locationIds: [],
                by: author
            )
        }
        return try await invite(
            email: email,
            displayName: displayName,
            organisationId: organisation,
            by: author,
            now: now
        )
        .token
    }

    /// The parties whose users must sign in with a second factor.
    public func partiesRequiringTwoFactor() async throws -> Set<Party> {
        Set(
            try await PartySettingModel.query(on: database.db).filter(\.$requiresTOTP == true).all()
                .compactMap { Party(rawValue: $0.party) }
        )
    }

    /// Sets which parties must sign in with a second factor; takes effect at their next sign-in.
    public func requireTwoFactor(for parties: Set<Party>, by author: ChangeAuthor) async throws {
        try await database.write { db in
            for party in Party.allCases {
                let setting =
                    try await PartySettingModel.query(on: db).filter(\.$party == party.rawValue).first()
                    ?? PartySettingModel(party: party.rawValue, requiresTOTP: false)
                let required = parties.contains(party)
                guard setting.id == nil || setting.requiresTOTP != required else { continue }
                let before = setting.id == nil ? nil : ["requiresTOTP": String(setting.requiresTOTP)]
                setting.requiresTOTP = required
                try await setting.save(on: db)
                try await Self.log(
                    db,
                    author,
                    "partySetting",
                    setting.id!,
                    "twoFactorChanged",
                    before: before,
                    after: ["party": party.rawValue, "requiresTOTP": String(required)]
                )
            }
        }
    }

    // MARK: Helpers

    static func newInvitation(
        for userId: UUID,
        lifetime: TimeInterval,
        now: Date,
        on db: any Database
    ) async throws -> String {
        let token = Secrets.token()
        try await InvitationModel(
            tokenHash: Secrets.digest(token),
            userId: userId,
            expiresAt: now.addingTimeInterval(lifetime),
            now: now
        ).create(on: db)
        return token
    }

    static func taken(_ field: String, nl: String, en: String) -> ValidationFailure {
        ValidationFailure([error(field, "taken", nl: nl, en: en)])
    }

    static func error(_ field: String, _ code: String, nl: String, en: String) -> FieldError {
        FieldError(field: field, code: code, message: LocalizedText(nl: nl, en: en))
    }

    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let words = folded.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
        return words.isEmpty ? "location" : words.joined(separator: "-").lowercased()
    }

    static func log(
        _ db: any Database,
        _ author: ChangeAuthor,
        _ kind: String,
        _ id: UUID,
        _ action: String,
        before: [String: String]?,
        after: [String: String]?
    ) async throws {
        let change = AdminChangeModel(
            at: AuditHash.truncated(Date()),
            userId: author.userId,
            userName: author.name,
            objectKind: kind,
            objectId: id,
            action: action,
            before: before.map { JSONCoding.string($0) },
            after: after.map { JSONCoding.string($0) }
        )
        change.id = UUID.timeOrdered()
        let head = try await ChainHeads.claim(Self.chain, on: db)
        change.chainSeq = head.seq + 1
        change.hash = Self.hash(change, previous: head.hash)
        try await change.create(on: db)
        try await ChainHeads.advance(Self.chain, to: .init(seq: head.seq + 1, hash: change.hash!), on: db)
    }

    /// The one chain of administrative changes: they are few, and one order is what an auditor reads.
    static let chain = "admin"

    static func hash(_ c: AdminChangeModel, previous: String) -> String {
        AuditHash.adminChange(
            previous: previous,
            id: c.id!,
            at: c.at,
            userId: c.userId,
            userName: c.userName,
            objectKind: c.objectKind,
            objectId: c.objectId,
            action: c.action,
            before: c.before,
            after: c.after
        )
    }
}
