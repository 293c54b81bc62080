import FluentKit
import Foundation
import KoersCore
import KoersLinkage
import Metrics
import SQLKit

/// The linkage index across locations: writing a registration's encodings with its changes, and
/// finding possible earlier registrations of a newcomer, on encodings only.
public struct LinkageStore: Sendable {
    let database: KoersDatabase
    /// Encodes at the source, with the keys derived from the network's linkage secret.
    public let encoder: LinkageEncoder
    let scorer: LinkageScorer
    /// Blocking keys shared by more registrations than this are not followed.
    static let maxBlock = 5_000

    public init(database: KoersDatabase, secret: [UInt8]) {
        self.database = database
        encoder = LinkageEncoder(keys: LinkageKeys(secret: secret))
        scorer = LinkageScorer(model: .intake())
    }

    /// The identity fields the index encodes.
    public static func linkageIdentity(_ identity: Identity) -> LinkageIdentity {
        LinkageIdentity(
            givenName: identity.givenNames,
            surname: identity.surname,
            birthYear: identity.birthDate?.year,
            birthMonth: identity.birthDate?.month,
            birthDay: identity.birthDate?.day,
            gender: identity.gender.rawValue,
            nationality: identity.nationality,
            vNumber: identity.vNumber?.digits
        )
    }

    /// The day an entry shows as "active since": admission, or referral before it.
    static func since(_ file: CaseFile) -> Day { file.admittedOn ?? file.referral.referredOn }

    // MARK: Writing (inside the case's transaction)

    /// Writes or updates a registration's entry; re-encodes when its identity may have changed.
    func index(_ file: CaseFile, reencode: Bool, on db: any Database) async throws {
        let existing = try await LinkageEntryModel.query(on: db).filter(\.$trajectoryId == file.id).first()
        let entry = existing ?? LinkageEntryModel()
        entry.trajectoryId = file.id
        entry.locationId = file.locationId
        entry.stage = file.stage.rawValue
        entry.since = Self.since(file).description
        entry.updatedAt = Date()
        // Counted once written; a rollback of the transaction afterwards still counts.
        func counted(encoded: Bool) {
            Counter(label: "koers_linkage_index_writes", dimensions: [("encoded", "\(encoded)")]).increment()
        }
        guard existing == nil || reencode else {
            try await entry.save(on: db)
            counted(encoded: false)
            return
        }
        let encoded = encoder.encode(Self.linkageIdentity(file.identity))
        entry.encoding = Data(encoded.serialized)
        try await entry.save(on: db)
        let sql = db as! any SQLDatabase
        try await sql.delete(from: "linkage_keys").where("entry_id", .equal, SQLBind(entry.id!)).run()
        try await Self.insertKeys(encoded.blockingKeys.map { (entry.id!, $0) }, sql)
        counted(encoded: true)
    }

    static func insertKeys(_ rows: [(UUID, UInt64)], _ sql: any SQLDatabase) async throws {
        try await sql.insert(
            into: "linkage_keys",
            columns: ["entry_id", "block_key"],
            batched: rows.map { [SQLBind($0.0), SQLBind(Int64(bitPattern: $0.1))] }
        )
    }

    /// Bulk rows for the demo loader: entries and their keys for many registrations.
    static func rows(
        _ files: [CaseFile],
        encoder: LinkageEncoder,
        now: Date
    ) -> (entries: [[any SQLExpression]], keys: [(UUID, UInt64)], encoded: [(entryId: UUID, person: EncodedPerson)]) {
        var entries: [[any SQLExpression]] = []
        var keys: [(UUID, UInt64)] = []
        var encodings: [(entryId: UUID, person: EncodedPerson)] = []
        let encoded = encoder.encodeAll(files.map { linkageIdentity($0.identity) })
        for (file, e) in zip(files, encoded) {
            let id = UUID.timeOrdered()
            entries.append([
                SQLBind(id), SQLBind(file.id), SQLBind(file.locationId), SQLBind(file.stage.rawValue),
                SQLBind(since(file).description), SQLBind(Data(e.serialized)), SQLBind(now),
            ])
            keys += e.blockingKeys.map { (id, $0) }
            encodings.append((id, e))
        }
        return (entries, keys, encodings)
    }

    static let entryColumns = ["id", "trajectory_id", "location_id", "stage", "since", "encoding", "updated_at"]

    /// Remembers "not the same person" for a pair of entries.
    func rememberNotSame(_ a: UUID, _ b: UUID, on day: Day, db: any Database) async throws {
        let m = LinkageDecisionModel()
        let (first, second) = a.uuidString < b.uuidString ? (a, b) : (b, a)
        m.entryA = first
        m.entryB = second
        m.decidedOn = day.description
        try await m.create(on: db)
    }

    // MARK: Reading

    /// The entry of a registration, if indexed.
    public func entryId(of trajectoryId: UUID) async throws -> UUID? {
        try await LinkageEntryModel.query(on: database.db).filter(\.$trajectoryId == trajectoryId).first()?.id
    }

    /// Possible registrations of this case's person at other locations, strongest first: open
    /// trajectories elsewhere, not the person's own, not decided "not the same person" before.
    /// Registrations at the case's own location are left out: the location sees those in its own list.
    public func possibleRegistrations(
        for file: CaseFile,
        ownTrajectories: Set<UUID>,
        locationNames: [UUID: String]
    ) async throws -> [PossibleRegistration] {
        let db = database.db
        let sql = db as! any SQLDatabase
        let probe = encoder.encode(Self.linkageIdentity(file.identity))
        guard !probe.blockingKeys.isEmpty else { return [] }
        let keys = probe.blockingKeys.map { SQLBind(Int64(bitPattern: $0)) }
        // Keys shared by very many registrations (a common name and year) are not followed.
        let sizes = try await sql.select().column("block_key").column(
            SQLFunction("COUNT", args: SQLLiteral.all),
            as: "n"
        ).from("linkage_keys")
            .where("block_key", .in, SQLGroupExpression(keys)).groupBy("block_key").all()
        let usable = try sizes.filter { try $0.decode(column: "n", as: Int.self) <= Self.maxBlock }.map {
            SQLBind(try $0.decode(column: "block_key", as: Int64.self))
        }
        guard !usable.isEmpty else { return [] }
        let rows = try await sql.select().distinct().column("entry_id").from("linkage_keys").where(
            "block_key",
            .in,
            SQLGroupExpression(usable)
        ).all()
        let ids = try rows.map { try $0.decode(column: "entry_id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        let open = [Stage.referral, .intake, .active].map(\.rawValue)
        let entries = try await LinkageEntryModel.query(on: db).filter(\.$id ~~ ids).filter(\.$stage ~~ open).all()
            .filter {
                !ownTrajectories.contains($0.trajectoryId) && $0.trajectoryId != file.id
                    && $0.locationId != file.locationId
            }
        guard !entries.isEmpty else { return [] }
        let own = try await entryId(of: file.id)
        var rejected = Set<UUID>()
        if let own {
            for d in try await LinkageDecisionModel.query(on: db).group(
                .or,
                { $0.filter(\.$entryA == own).filter(\.$entryB == own) }
            ).all() {
                rejected.insert(d.entryA == own ? d.entryB : d.entryA)
            }
        }
        let candidates = entries.filter { !rejected.contains($0.id!) }
        let encoded = candidates.compactMap { EncodedPerson(serialized: Array($0.encoding)) }
        guard encoded.count == candidates.count else { throw StoreError.conflict("An index entry cannot be read.") }
        return scorer.matches(for: probe, among: encoded).map { match in
            let entry = candidates[match.index]
            return PossibleRegistration(
                entryId: entry.id!,
                locationId: entry.locationId,
                locationName: locationNames[entry.locationId] ?? "?",
                stage: Stage(rawValue: entry.stage) ?? .referral,
                since: Day(entry.since) ?? file.referral.referredOn,
                strength: match.strength.rawValue,
                probability: match.probability,
                agreeingFields: scorer.model.layout.agreeingFields(match.pattern)
            )
        }
    }

    /// Cases at these locations waiting in the municipality's review queue: (trajectory, strength, sent on).
    public func reviewQueue(
        at locationIds: Set<UUID>
    ) async throws -> [(trajectoryId: UUID, strength: String, sentOn: String)] {
        guard !locationIds.isEmpty else { return [] }
        return try await LinkageReviewModel.query(on: database.db).filter(\.$locationId ~~ Array(locationIds)).filter(
            \.$decidedOn == nil
        )
        .filter(\.$origin == nil)
        .sort(\.$sentOn).all().map { ($0.trajectoryId, $0.strength, $0.sentOn) }
    }

    /// Possible matches an import found at these locations, waiting for the municipality: the
    /// first `limit` in the order they were found, and how many there are.
    public func importReviews(
        at locationIds: Set<UUID>,
        limit: Int
    ) async throws -> (reviews: [ImportReview], total: Int) {
        guard !locationIds.isEmpty else { return ([], 0) }
        let open = LinkageReviewModel.query(on: database.db).filter(\.$locationId ~~ Array(locationIds))
            .filter(\.$decidedOn == nil).filter(\.$origin == "import")
        let total = try await open.copy().count()
        let reviews = try await open.sort(\.$sentOn).sort(\.$id).limit(limit).all().map {
            ImportReview(id: $0.id!, trajectoryId: $0.trajectoryId, entryId: $0.entryId, sentOn: $0.sentOn)
        }
        return (reviews, total)
    }

    /// An import review, if still open.
    public func importReview(_ id: UUID) async throws -> ImportReview? {
        guard let m = try await LinkageReviewModel.find(id, on: database.db), m.origin == "import", m.decidedOn == nil
        else { return nil }
        return ImportReview(id: id, trajectoryId: m.trajectoryId, entryId: m.entryId, sentOn: m.sentOn)
    }

    /// The other registration of a possible match as the intake check shows it: where, since when,
    /// how strong and on which fields, scored again against the case as it stands. Its trajectory
    /// is given too, for a registration at the case's own location, which the location sees anyway.
    public func registration(
        _ entryId: UUID,
        comparedWith file: CaseFile,
        locationNames: [UUID: String]
    ) async throws -> (registration: PossibleRegistration, trajectoryId: UUID)? {
        guard let entry = try await LinkageEntryModel.find(entryId, on: database.db),
            let encoded = EncodedPerson(serialized: Array(entry.encoding))
        else { return nil }
        let probe = encoder.encode(Self.linkageIdentity(file.identity))
        let comparer = scorer.matches(for: probe, among: [encoded]).first
        let pattern = comparer?.pattern
        return (
            PossibleRegistration(
                entryId: entryId,
                locationId: entry.locationId,
                locationName: locationNames[entry.locationId] ?? "?",
                stage: Stage(rawValue: entry.stage) ?? .referral,
                since: Day(entry.since) ?? file.referral.referredOn,
                strength: comparer?.strength.rawValue ?? "low",
                probability: comparer?.probability ?? 0,
                agreeingFields: pattern.map { scorer.model.layout.agreeingFields($0) } ?? []
            ),
            entry.trajectoryId
        )
    }

    /// Encodes every registration again (after the secret changed, or for a database from before
    /// the index existed); returns how many.
    public func reindexAll() async throws -> Int {
        let trajectories = try await TrajectoryModel.query(on: database.db).all()
        var count = 0
        for row in trajectories {
            try await database.write { db in
                let events = try await CaseEventModel.query(on: db).filter(\.$trajectoryId == row.id!).sort(\.$sequence)
                    .all().map(CaseStore.event)
                guard let file = CaseFile.fold(events, personId: row.personId, locationId: row.locationId) else {
                    return
                }
                try await index(file, reencode: true, on: db)
            }
            count += 1
        }
        return count
    }
}
