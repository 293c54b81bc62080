import FluentKit
import Foundation
import KoersCore

/// The processing register the administrator maintains: one entry per ``ProcessingActivity``.
/// Entries are edited, never removed, so every logged activity stays described.
public struct ProcessingRegisterStore: Sendable {
    let database: KoersDatabase

    public init(database: KoersDatabase) {
        self.database = database
    }

    /// The register, in the order of the activities.
    public func entries() async throws -> [RegisterEntry] {
        let rows = try await RegisterEntryModel.query(on: database.db).all()
        let byActivity = Dictionary(rows.compactMap { row in Self.entry(row).map { ($0.activity, $0) } }) { a, _ in a }
        return ProcessingActivity.allCases.map { byActivity[$0] ?? RegisterEntry.defaultEntry($0) }
    }

    /// The codes of the register's entries as stored: what a logged activity must be one of.
    public func storedActivities() async throws -> Set<String> {
        Set(try await RegisterEntryModel.query(on: database.db).all().map(\.activity))
    }

    /// Saves an edited entry with the administrator's change, in one transaction.
    public func save(_ entry: RegisterEntry, by author: ChangeAuthor) async throws {
        try await database.write { db in
            guard
                let row = try await RegisterEntryModel.query(on: db).filter(\.$activity == entry.activity.rawValue)
                    .first()
            else { throw StoreError.notFound }
            let before = Self.entry(row).map(Self.snapshot)
            Self.fill(row, entry)
            try await row.save(on: db)
            try await AdministrationStore.log(
                db,
                author,
                "register",
                row.id!,
                "changed",
                before: before,
                after: Self.snapshot(entry)
            )
        }
    }

    /// Adds the default entry of every activity the register lacks.
    static func addMissing(on db: any Database) async throws {
        let present = Set(try await RegisterEntryModel.query(on: db).all().map(\.activity))
        for activity in ProcessingActivity.allCases where !present.contains(activity.rawValue) {
            let row = RegisterEntryModel()
            row.id = UUID.timeOrdered()
            row.activity = activity.rawValue
            fill(row, RegisterEntry.defaultEntry(activity))
            try await row.create(on: db)
        }
    }

    static func fill(_ row: RegisterEntryModel, _ entry: RegisterEntry) {
        row.uri = entry.uri
        row.nameNL = entry.name.nl
        row.nameEN = entry.name.en
        row.purposeNL = entry.purpose.nl
        row.purposeEN = entry.purpose.en
        row.legalBasisNL = entry.legalBasis.nl
        row.legalBasisEN = entry.legalBasis.en
        row.retentionYears = entry.retentionYears
    }

    static func entry(_ row: RegisterEntryModel) -> RegisterEntry? {
        guard let activity = ProcessingActivity(rawValue: row.activity) else { return nil }
        return RegisterEntry(
            activity: activity,
            uri: row.uri,
            name: LocalizedText(nl: row.nameNL, en: row.nameEN),
            purpose: LocalizedText(nl: row.purposeNL, en: row.purposeEN),
            legalBasis: LocalizedText(nl: row.legalBasisNL, en: row.legalBasisEN),
            retentionYears: row.retentionYears
        )
    }

    static func snapshot(_ entry: RegisterEntry) -> [String: String] {
        [
            "activity": entry.activity.rawValue, "uri": entry.uri, "name": entry.name.nl,
            "purpose": entry.purpose.nl, "legalBasis": entry.legalBasis.nl,
            "retentionYears": entry.retentionYears.map(String.init) ?? "",
        ]
    }
}
