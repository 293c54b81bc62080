import FluentKit
import Foundation
import KoersCore
import KoersLinkage
import SQLKit

/// A possible match found at import: an imported registration, and another registration's index
/// entry, with the intake's strength.
struct ImportMatch: Sendable {
    let trajectoryId: UUID
    let entryId: UUID
    let strength: String
}

extension LinkageStore {
    /// At import, a blocking key shared by more registrations than this is not followed: a common
    /// name with a common birth year. The other keys of the same rows (V-nummer, full birth date,
    /// the name pair) still are, and each probe is compared with a bounded number of others.
    static let maxImportBlock = 50

    /// Identity at import: each imported registration compared, with the intake's scorer, with the
    /// file's other persons and with registrations at other locations. Pairs within the file are
    /// reported once; a person's own registrations are never a match.
    ///
    /// - Parameters:
    ///   - encoded: each imported registration's index entry and encoding, in `files`' order.
    func importMatches(
        _ files: [CaseFile],
        encoded: [(entryId: UUID, person: EncodedPerson)],
        at locationId: UUID,
        on db: any Database
    ) async throws -> [ImportMatch] {
        guard !files.isEmpty else { return [] }
        var inFile: [UInt64: [Int]] = [:]
        for (i, e) in encoded.enumerated() {
            for key in Set(e.person.blockingKeys) { inFile[key, default: []].append(i) }
        }
        // Registrations at other locations sharing a key, read a chunk of keys at a time.
        let sql = db as! any SQLDatabase
        var elsewhere: [UInt64: [UUID]] = [:]
        var others: [UUID: (trajectoryId: UUID, person: EncodedPerson)] = [:]
        for chunk in Array(inFile.keys).chunked(500) {
            let rows = try await sql.raw(
                """
                SELECT k.block_key, e.id, e.trajectory_id, e.encoding FROM linkage_keys k \
                JOIN linkage_entries e ON e.id = k.entry_id \
                WHERE k.block_key IN (\(SQLList(chunk.map { SQLBind(Int64(bitPattern: $0)) }))) \
                AND e.location_id <> \(bind: locationId)
                """
            ).all()
            for row in rows {
                let key = UInt64(bitPattern: try row.decode(column: "block_key", as: Int64.self))
                let id = try row.decode(column: "id", as: UUID.self)
                elsewhere[key, default: []].append(id)
                if others[id] == nil,
                    let person = EncodedPerson(serialized: Array(try row.decode(column: "encoding", as: Data.self)))
                {
                    others[id] = (try row.decode(column: "trajectory_id", as: UUID.self), person)
                }
            }
        }
        // The persons of those registrations, so that a person's own are left out.
        var personOf: [UUID: UUID] = [:]
        for chunk in Set(others.values.map(\.trajectoryId)).sorted(by: { $0.uuidString < $1.uuidString }).chunked(500) {
            for row in try await TrajectoryModel.query(on: db).filter(\.$id ~~ chunk).all() {
                personOf[row.id!] = row.personId
            }
        }
        // Each registration's candidates as positions in one pool: the file's, then the others'.
        let remoteIds = Array(others.keys)
        let remoteIndex = Dictionary(uniqueKeysWithValues: remoteIds.enumerated().map { ($1, encoded.count + $0) })
        let pool = encoded.map(\.person) + remoteIds.map { others[$0]!.person }
        var candidates: [[Int]] = []
        candidates.reserveCapacity(files.count)
        for (i, file) in files.enumerated() {
            var local = Set<Int>()
            for key in Set(encoded[i].person.blockingKeys) {
                if let members = inFile[key], members.count <= Self.maxImportBlock {
                    local.formUnion(members.filter { $0 > i && files[$0].personId != file.personId })
                }
                if let entries = elsewhere[key], entries.count <= Self.maxImportBlock {
                    for id in entries where others[id].flatMap({ personOf[$0.trajectoryId] }) != file.personId {
                        local.insert(remoteIndex[id]!)
                    }
                }
            }
            candidates.append(local.sorted())
        }
        let found = scorer.matches(probes: encoded.map(\.person), candidates: candidates, pool: pool)
        var matches: [ImportMatch] = []
        for (i, list) in found.enumerated() {
            for match in list {
                let position = candidates[i][match.index]
                let entryId = position < encoded.count ? encoded[position].entryId : remoteIds[position - encoded.count]
                matches.append(
                    ImportMatch(trajectoryId: files[i].id, entryId: entryId, strength: match.strength.rawValue)
                )
            }
        }
        return matches
    }

    /// Puts the matches in the municipality's review queue, as sent on `day`.
    static func queue(_ matches: [ImportMatch], at locationId: UUID, on day: Day, db: any Database) async throws {
        let rows: [[any SQLExpression]] = matches.map {
            [
                SQLBind(UUID.timeOrdered()), SQLBind($0.trajectoryId), SQLBind(locationId), SQLBind($0.entryId),
                SQLBind($0.strength), SQLBind(day.description), SQLBind("import"),
            ]
        }
        try await (db as! any SQLDatabase).insert(
            into: LinkageReviewModel.schema,
            columns: ["id", "trajectory_id", "location_id", "entry_id", "strength", "sent_on", "origin"],
            batched: rows
        )
    }
}

extension CaseStore {
    /// "The same person" for a match an import found: every registration of the imported person
    /// moves to the other registration's person, and the decision is recorded on the imported case,
    /// in one transaction; the read models and the monitor's facts follow the person they now belong to.
    public func linkPersons(
        _ trajectoryId: UUID,
        with otherTrajectoryId: UUID,
        decision: DuplicateResolution,
        context: ProcessingContext
    ) async throws -> CaseFile {
        try await database.write { db in
            guard let own = try await TrajectoryModel.find(trajectoryId, on: db),
                let other = try await TrajectoryModel.find(otherTrajectoryId, on: db)
            else { throw StoreError.notFound }
            let from = own.personId
            let to = other.personId
            var moved: [UUID] = []
            if from != to {
                let rows = try await TrajectoryModel.query(on: db).filter(\.$personId == from).all()
                moved = rows.compactMap(\.id).filter { $0 != trajectoryId }
                for row in rows {
                    row.personId = to
                    try await row.save(on: db)
                }
                for key in try await ImportKeyModel.query(on: db).filter(\.$personId == from).all() {
                    key.personId = to
                    try await key.save(on: db)
                }
                try await PersonModel.query(on: db).filter(\.$id == from).delete()
            }
            // The person's other registrations are folded again under their new person: nothing
            // is appended to them, their read models are written anew.
            for id in moved {
                _ = try await append(
                    to: id,
                    expectedVersion: nil,
                    context: context,
                    activity: .duplicateLink,
                    on: db
                ) { _, _ in [] }
            }
            return try await append(
                to: trajectoryId,
                expectedVersion: nil,
                context: context,
                activity: .duplicateLink,
                on: db
            ) { _, _ in [.duplicateResolved(decision)] }
        }
    }
}
