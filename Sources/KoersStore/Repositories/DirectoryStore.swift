import FluentKit
import Foundation
import HummingbirdBcrypt
import KoersCore
import NIOPosix

/// An account as the administration commands list it.
public struct UserSummary: Sendable {
    public let email: String
    public let displayName: String
    public let organisation: String
    public let party: Party
    public let disabled: Bool
}

/// Locations, organisations, accounts, sessions and API tokens.
public struct DirectoryStore: Sendable {
    /// The database it reads and writes, for building further stores on the same one.
    public let database: KoersDatabase
    /// Bcrypt cost; lower only in tests.
    let bcryptCost: UInt8
    /// Failed logins per account within ``throttleWindow`` before logins are refused.
    public let maxFailures = 5
    public let throttleWindow: TimeInterval = 15 * 60
    public let sessionLifetime: TimeInterval = 8 * 3600

    public init(database: KoersDatabase, bcryptCost: UInt8 = 12) {
        self.database = database
        self.bcryptCost = bcryptCost
    }

    // MARK: Locations and organisations

    public func locations() async throws -> [Location] {
        try await LocationModel.query(on: database.db).sort(\.$name).all().map(Self.location)
    }

    public func location(_ id: UUID) async throws -> Location? {
        try await LocationModel.find(id, on: database.db).map(Self.location)
    }

    static func location(_ m: LocationModel) -> Location {
        Location(
            id: m.id!,
            name: m.name,
            slug: m.slug,
            regionalTiesRule: m.regionalTiesRule,
            deadlinePolicy: m.deadlinePolicy
        )
    }

    /// The e-mail addresses of the active users of a party's organisations that serve a location,
    /// national bodies included; for an escalation body, only those of that rung.
    public func emails(of party: Party, escalationLevel: String?, at locationId: UUID) async throws -> [String] {
        let db = database.db
        var organisations = try await OrganisationModel.query(on: db).filter(\.$party == party.rawValue).all()
        if let escalationLevel { organisations = organisations.filter { $0.escalationLevel == escalationLevel } }
        let serving = Set(
            try await OrganisationLocationModel.query(on: db).filter(\.$locationId == locationId).all(\.$organisationId)
        )
        let ids = organisations.filter { $0.national || serving.contains($0.id!) }.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        return try await UserModel.query(on: db).filter(\.$organisationId ~~ ids).filter(\.$disabled == false)
            .filter(\.$passwordHash != "").sort(\.$email).all(\.$email)
    }

    /// Every municipality the network knows, by name, for choosing where a person stays.
    public func municipalities() async throws -> [Municipality] {
        try await MunicipalityModel.query(on: database.db).sort(\.$name).all().map {
            Municipality(cbsCode: $0.cbsCode, name: $0.name, regionId: $0.regionId)
        }
    }

    /// Where a person stays, for the admission check at a location: the municipality by its CBS
    /// code, its region and the location's.
    public func stay(cbsCode: String?, locationId: UUID) async throws -> AdmissionCheck.Stay? {
        guard let cbsCode else { return nil }
        let db = database.db
        let municipality = try await MunicipalityModel.query(on: db).filter(\.$cbsCode == cbsCode).first()
        let region = try await municipality.asyncMap { try await RegionModel.find($0.regionId, on: db) }
        let location = try await LocationModel.find(locationId, on: db)
        let locationRegion = try await location?.regionId.asyncMap { try await RegionModel.find($0, on: db) }
        return AdmissionCheck.Stay(
            municipality: municipality?.name ?? cbsCode,
            cbsCode: cbsCode,
            region: region??.name,
            locationRegion: locationRegion??.name
        )
    }

    /// Every location's sub-deadline policy, for writing read models in bulk.
    public func deadlinePolicies() async throws -> [UUID: DeadlinePolicy] {
        Dictionary(uniqueKeysWithValues: try await locations().map { ($0.id, $0.deadlinePolicy) })
    }

    /// Replaces a location's sub-deadline policy. It applies at once: the deadline index of the
    /// location's running cases is rewritten and every stored monitor output deleted, in the same
    /// transaction.
    public func setDeadlinePolicy(_ policy: DeadlinePolicy, for locationId: UUID) async throws {
        try await database.write { db in
            guard let model = try await LocationModel.find(locationId, on: db) else { throw StoreError.notFound }
            model.deadlinePolicyJSON = JSONCoding.string(policy)
            try await model.save(on: db)
            try await Projections.rebuildDeadlines(at: [locationId], on: db)
            try await MonitorOutputs.invalidate(after: nil, on: db)
        }
    }

    public func organisation(named name: String) async throws -> UUID? {
        try await OrganisationModel.query(on: database.db).filter(\.$name == name).first()?.id
    }

    // MARK: Users

    public func hashPassword(_ password: String) async throws -> String {
        let cost = bcryptCost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    @discardableResult
    public func createUser(
        email: String,
        displayName: String,
        organisationId: UUID,
        password: String,
        on db: (any Database)? = nil
    ) async throws -> UUID {
        let db = db ?? database.db
        let normalized = email.lowercased()
        if try await UserModel.query(on: db).filter(\.$email == normalized).first() != nil {
            throw StoreError.conflict("A user with e-mail \(normalized) already exists.")
        }
        guard try await OrganisationModel.find(organisationId, on: db) != nil else { throw StoreError.notFound }
        let user = UserModel(
            email: normalized,
            displayName: displayName,
            organisationId: organisationId,
            passwordHash: try await hashPassword(password)
        )
        try await user.create(on: db)
        return user.id!
    }

    public func users() async throws -> [UserSummary] {
        let users = try await UserModel.query(on: database.db).sort(\.$email).all()
        let orgs = try await OrganisationModel.query(on: database.db).all()
        let byId = Dictionary(uniqueKeysWithValues: orgs.map { ($0.id!, $0) })
        return users.map { u in
            let org = byId[u.organisationId]
            return UserSummary(
                email: u.email,
                displayName: u.displayName,
                organisation: org?.name ?? "?",
                party: Party(rawValue: org?.party ?? "") ?? .admin,
                disabled: u.disabled
            )
        }
    }

    /// Disables an account and ends its sessions and tokens.
    public func disableUser(email: String) async throws {
        try await database.db.transaction { db in
            guard let user = try await UserModel.query(on: db).filter(\.$email == email.lowercased()).first() else {
                throw StoreError.notFound
            }
            user.disabled = true
            try await user.save(on: db)
            try await SessionModel.query(on: db).filter(\.$userId == user.id!).delete()
            try await APITokenModel.query(on: db).filter(\.$userId == user.id!).delete()
        }
    }

    /// The actor for an enabled user, by e-mail address (the command line's `--as`).
    public func actor(email: String) async throws -> Actor? {
        guard let user = try await UserModel.query(on: database.db).filter(\.$email == email.lowercased()).first()
        else { return nil }
        return try await actor(userId: user.id!)
    }

    /// The actor for an enabled user: their organisation, its party and the locations it serves.
    public func actor(userId: UUID) async throws -> Actor? {
        let db = database.db
        guard let user = try await UserModel.find(userId, on: db), !user.disabled,
            let org = try await OrganisationModel.find(user.organisationId, on: db)
        else { return nil }
        return try await actor(user: user, organisation: org, on: db)
    }

    private func actor(user: UserModel, organisation org: OrganisationModel, on db: any Database) async throws -> Actor?
    {
        guard let party = Party(rawValue: org.party) else { return nil }
        let locationIds: Set<UUID>
        if org.national {
            locationIds = Set(try await LocationModel.query(on: db).all(\.$id))
        } else {
            locationIds = Set(
                try await OrganisationLocationModel.query(on: db).filter(\.$organisationId == org.id!).all(
                    \.$locationId
                )
            )
        }
        return Actor(
            userId: user.id!,
            organisationId: org.id!,
            party: party,
            locationIds: locationIds,
            displayName: user.displayName,
            organisationName: org.name,
            escalationLevel: org.escalationLevel
        )
    }

    // MARK: Login, sessions, tokens

    /// Checks a password, refusing after too many recent failures for the account.
    public func login(email: String, password: String, now: Date = Date()) async throws -> Actor? {
        let db = database.db
        let key = email.lowercased()
        try await refuseIfThrottled(key, now: now, on: db)
        let user = try await UserModel.query(on: db).filter(\.$email == key).first()
        // Verify against a dummy hash when the account is unknown, so timing does not tell.
        // An invited account has no password yet ("").
        let hash =
            user.flatMap { $0.passwordHash.isEmpty ? nil : $0.passwordHash }
            ?? "$2b$04$abcdefghijklmnopqrstuuY1N0tFx4b4m6h2j6dCq6w0n6uG1vN8e"
        let ok = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        guard ok, let user, !user.disabled, !user.passwordHash.isEmpty else {
            try await LoginFailureModel(key: key, failedAt: now).create(on: db)
            return nil
        }
        try await LoginFailureModel.query(on: db).filter(\.$key == key).delete()
        return try await actor(userId: user.id!)
    }

    /// Starts a session and returns its token for the cookie.
    public func createSession(userId: UUID, now: Date = Date()) async throws -> String {
        let token = Secrets.token()
        try await SessionModel(
            tokenHash: Secrets.digest(token),
            userId: userId,
            expiresAt: now.addingTimeInterval(sessionLifetime)
        ).create(on: database.db)
        return token
    }

    public func actor(sessionToken token: String, now: Date = Date()) async throws -> Actor? {
        let db = database.db
        // One joined query for session, user and organisation: this runs on every web request.
        guard
            let row = try await SessionModel.query(on: db)
                .join(UserModel.self, on: \SessionModel.$userId == \UserModel.$id)
                .join(OrganisationModel.self, on: \UserModel.$organisationId == \OrganisationModel.$id)
                .filter(\.$tokenHash == Secrets.digest(token)).filter(\.$expiresAt > now)
                .filter(\.$pending == false)
                .filter(UserModel.self, \.$disabled == false)
                .first()
        else { return nil }
        return try await actor(
            user: try row.joined(UserModel.self),
            organisation: try row.joined(OrganisationModel.self),
            on: db
        )
    }

    /// Refuses a sign-in step after ``maxFailures`` failures for the key within ``throttleWindow``.
    private func refuseIfThrottled(_ key: String, now: Date, on db: any Database) async throws {
        let since = now.addingTimeInterval(-throttleWindow)
        let failures = try await LoginFailureModel.query(on: db).filter(\.$key == key).filter(\.$failedAt >= since)
            .all()
        guard failures.count >= maxFailures else { return }
        let oldest = failures.map(\.failedAt).min() ?? now
        throw StoreError.throttled(
            retryAfterSeconds: max(1, Int(oldest.addingTimeInterval(throttleWindow).timeIntervalSince(now)))
        )
    }

    // MARK: Second factor

    /// What a user must still do after a right password.
    public enum SecondFactor: Sendable, Equatable {
        /// Nothing: signed in.
        case none
        /// Set up an authenticator app first (the party requires it, the user has none yet).
        case enrol
        /// Type the app's current code.
        case code
    }

    /// Whether the user needs a second factor: one they have set up, or one their party requires.
    public func secondFactor(userId: UUID) async throws -> SecondFactor {
        let db = database.db
        guard let user = try await UserModel.find(userId, on: db), !user.totpExempt else { return .none }
        if user.totpSecret != nil { return .code }
        guard let organisation = try await OrganisationModel.find(user.organisationId, on: db) else { return .none }
        let setting = try await PartySettingModel.query(on: db).filter(\.$party == organisation.party).first()
        return setting?.requiresTOTP == true ? .enrol : .none
    }

    /// A session that waits for the second factor; when enrolling, it holds the secret being set up.
    public func createPendingSession(userId: UUID, enrol: Bool, now: Date = Date()) async throws -> String {
        let token = Secrets.token()
        try await SessionModel(
            tokenHash: Secrets.digest(token),
            userId: userId,
            // Ten minutes to find the phone; then sign in again.
            expiresAt: now.addingTimeInterval(600),
            pending: true,
            totpCandidate: enrol ? TOTP.newSecret() : nil
        ).create(on: database.db)
        return token
    }

    /// A session waiting for its second factor: whose, and the secret to show when enrolling.
    public struct PendingSession: Sendable {
        public let email: String
        public let enrolSecret: String?
    }

    public func pendingSession(token: String, now: Date = Date()) async throws -> PendingSession? {
        let db = database.db
        guard
            let session = try await SessionModel.query(on: db).filter(\.$tokenHash == Secrets.digest(token))
                .filter(\.$pending == true).filter(\.$expiresAt > now).first(),
            let user = try await UserModel.find(session.userId, on: db), !user.disabled
        else { return nil }
        return PendingSession(email: user.email, enrolSecret: session.totpCandidate)
    }

    /// Checks the code of a pending session; right, the session becomes a signed-in one (and an
    /// enrolment's secret the user's). Wrong codes are throttled per account like passwords.
    public func completeSecondFactor(token: String, code: String, now: Date = Date()) async throws -> Bool {
        let db = database.db
        guard
            let session = try await SessionModel.query(on: db).filter(\.$tokenHash == Secrets.digest(token))
                .filter(\.$pending == true).filter(\.$expiresAt > now).first(),
            let user = try await UserModel.find(session.userId, on: db), !user.disabled,
            let secret = session.totpCandidate ?? user.totpSecret
        else { return false }
        let key = "totp:" + user.email
        try await refuseIfThrottled(key, now: now, on: db)
        // A code seen before (read over a shoulder, or replayed) counts as wrong.
        guard let step = TOTP.matchingStep(code, secret: secret, at: now), step > (user.totpLastStep ?? -1) else {
            try await LoginFailureModel(key: key, failedAt: now).create(on: db)
            return false
        }
        try await database.write { db in
            if let candidate = session.totpCandidate { user.totpSecret = candidate }
            user.totpLastStep = step
            try await user.save(on: db)
            session.pending = false
            session.totpCandidate = nil
            session.expiresAt = now.addingTimeInterval(sessionLifetime)
            try await session.save(on: db)
            try await LoginFailureModel.query(on: db).filter(\.$key == key).delete()
        }
        return true
    }

    public func endSession(token: String) async throws {
        try await SessionModel.query(on: database.db).filter(\.$tokenHash == Secrets.digest(token)).delete()
    }

    /// Creates an API token for a user and returns it; it cannot be shown again.
    public func createToken(email: String, name: String, validDays: Int?) async throws -> String {
        guard let user = try await UserModel.query(on: database.db).filter(\.$email == email.lowercased()).first(),
            !user.disabled
        else {
            throw StoreError.notFound
        }
        let token = "koers_" + Secrets.token()
        let expires = validDays.map { Date().addingTimeInterval(Double($0) * 86400) }
        try await APITokenModel(tokenHash: Secrets.digest(token), userId: user.id!, name: name, expiresAt: expires)
            .create(on: database.db)
        return token
    }

    public func actor(apiToken token: String, now: Date = Date()) async throws -> Actor? {
        let db = database.db
        // One joined query for token, user and organisation: this runs on every API request.
        guard
            let row = try await APITokenModel.query(on: db)
                .join(UserModel.self, on: \APITokenModel.$userId == \UserModel.$id)
                .join(OrganisationModel.self, on: \UserModel.$organisationId == \OrganisationModel.$id)
                .filter(\.$tokenHash == Secrets.digest(token))
                .filter(UserModel.self, \.$disabled == false)
                .first()
        else { return nil }
        if let expires = row.expiresAt, expires <= now { return nil }
        return try await actor(
            user: try row.joined(UserModel.self),
            organisation: try row.joined(OrganisationModel.self),
            on: db
        )
    }
}

extension Optional {
    /// `map` with an asynchronous, throwing transform.
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
