import FluentKit
import Foundation
import KoersCore
import KoersMonitor
import SQLKit

extension RetentionStore {
    /// Erases one person, in one transaction: their names, aliases, day and month of birth,
    /// V-nummer and note texts go from the person, the events' payloads (whose hashes stay, so the
    /// chains still verify), the hand-over summaries, the search text, the read models, the
    /// agencies' lists and the linkage index; the monitor's facts stay, with another id and the
    /// birth year as the age group stands for it. Returns the rows changed per table.
    @discardableResult
    public func erase(_ personId: UUID, planId: UUID?, context: ProcessingContext) async throws -> [String: Int] {
        try await database.write { db in
            guard let person = try await PersonModel.find(personId, on: db) else { throw StoreError.notFound }
            if person.erasedAt != nil { return [:] }
            var changed: [String: Int] = [:]
            let sql = db as! any SQLDatabase
            let trajectories = try await TrajectoryModel.query(on: db).filter(\.$personId == personId).all()
            let ids = trajectories.compactMap(\.id)
            let events = try await CaseEventModel.query(on: db).filter(\.$trajectoryId ~~ ids).sort(\.$trajectoryId)
                .sort(\.$sequence).all()

            // What to erase: every identity the person was ever recorded under.
            var values = ErasedValues()
            values.add(person.givenNames)
            values.add(person.surname)
            for alias in (try? JSONCoding.decode([String].self, person.aliasesJSON)) ?? [] { values.add(alias) }
            values.add(person.vNumber)
            if let birth = person.birthDate, birth.count > 4 { values.add(birth) }
            for event in events { values.collect(json: event.payload) }

            for event in events {
                let erased = try Erasure.erase(event.payload, values)
                // What stays must still read as the event it was.
                _ = try JSONCoding.decode(CaseChange.self, erased)
                guard erased != event.payload else { continue }
                try await sql.update(CaseEventModel.schema).set("payload", to: SQLBind(erased))
                    .where("id", .equal, SQLBind(event.id!)).run()
                changed[CaseEventModel.schema, default: 0] += 1
            }

            person.givenNames = nil
            person.surname = Erasure.placeholder
            person.aliasesJSON = "[]"
            person.birthDate = person.birthDate.map { String($0.prefix(4)) }
            person.vNumber = nil
            person.searchText = ""
            person.erasedAt = AuditHash.truncated(Date())
            try await person.save(on: db)
            changed[PersonModel.schema] = 1

            // The read models from the erased history; the monitor's facts cut from the person.
            let anonymous = UUID()
            for (row, file) in try await CaseStore.fold(trajectories, on: db) {
                let projected = Projections.TrajectoryRow(file)
                projected.apply(to: row, at: row.updatedAt)
                try await row.save(on: db)
                try await Projections.saveDeadlines(projected.caseSummary, on: db)
                if let facts = try await MonitorFactsModel.find(file.id, on: db) {
                    var decoded = try FactsEncoding.decode(facts.facts)
                    decoded.record = decoded.record.anonymised(as: anonymous)
                    facts.facts = Data(FactsEncoding.encode(decoded))
                    try await facts.save(on: db)
                }
                changed[TrajectoryModel.schema, default: 0] += 1
            }

            for transfer in try await TransferModel.query(on: db).filter(\.$trajectoryId ~~ ids).all() {
                transfer.summaryJSON = try Erasure.erase(transfer.summaryJSON, values)
                transfer.reason = Erasure.erase(text: transfer.reason, values)
                transfer.note = transfer.note.map { Erasure.erase(text: $0, values) }
                try await transfer.save(on: db)
                changed[TransferModel.schema, default: 0] += 1
            }

            // The linkage index: nothing left to compare.
            let entries = try await LinkageEntryModel.query(on: db).filter(\.$trajectoryId ~~ ids).all(\.$id)
            if !entries.isEmpty {
                try await sql.delete(from: "linkage_keys").where("entry_id", .in, SQLBind.group(entries)).run()
                try await LinkageReviewModel.query(on: db).group(.or) {
                    $0.filter(\.$entryId ~~ entries).filter(\.$trajectoryId ~~ ids)
                }.delete()
                try await LinkageDecisionModel.query(on: db).group(.or) {
                    $0.filter(\.$entryA ~~ entries).filter(\.$entryB ~~ entries)
                }.delete()
                try await LinkageEntryModel.query(on: db).filter(\.$id ~~ entries).delete()
                changed[LinkageEntryModel.schema] = entries.count
            }
            try await ImportKeyModel.query(on: db).filter(\.$personId == personId).delete()

            // The agencies' lists: the V-nummer goes; the line keeps its place in the comparison.
            if let v = person.vNumberBeforeErasure(values) {
                for line in try await ReconciliationLineModel.query(on: db).filter(\.$line ~~ v).all() {
                    line.line = try Erasure.erase(line.line, values, vNumberKept: Self.erasedVNumber)
                    line.lineKey = line.lineKey.replacingOccurrences(of: v, with: Self.erasedVNumber)
                    line.note = line.note.map { Erasure.erase(text: $0, values) }
                    try await line.save(on: db)
                    changed[ReconciliationLineModel.schema, default: 0] += 1
                }
            }

            let subject = cases.log.subject(personId)
            let erasure = ErasureModel()
            erasure.id = UUID.timeOrdered()
            erasure.subject = subject
            erasure.erasedAt = person.erasedAt!
            erasure.planId = planId
            try await erasure.create(on: db)
            try await AdministrationStore.log(
                db,
                ChangeAuthor(userId: context.actor.userId, name: context.actor.displayName),
                "erasure",
                erasure.id!,
                "erased",
                before: nil,
                after: ["subject": subject]
            )
            try await cases.log.record(.erase, person: personId, context: context, on: db)
            return changed
        }
    }

    /// What a reconciliation line holds in place of an erased V-nummer: ten digits, as a line must.
    static let erasedVNumber = "0000000000"
}

extension PersonModel {
    /// The V-nummer the person had: on the row, or the longest ten-digit value gathered.
    fileprivate func vNumberBeforeErasure(_ values: ErasedValues) -> String? {
        vNumber ?? values.texts.first { $0.count == 10 && $0.allSatisfy(\.isNumber) }
    }
}
