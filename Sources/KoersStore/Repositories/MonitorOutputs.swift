import FluentKit
import Foundation
import KoersCore

/// Stored monitor outputs: a repeat visit with nothing relevant changed is served from here.
/// A change deletes exactly the outputs whose reference date comes after the earliest day it
/// alters (``MonitorRecord/earliestDifference(_:_:)``), in its own transaction; a change to a
/// location's policy, the locations or the code lists deletes them all.
public struct MonitorOutputs: Sendable {
    let database: KoersDatabase

    public init(database: KoersDatabase) { self.database = database }

    /// The stored output and when it was computed, if any.
    public func stored(peildatum: Day, k: Int, variant: String) async throws -> (body: Data, computedAt: Date)? {
        try await MonitorOutputModel.query(on: database.db)
            .filter(\.$peildatum == peildatum.description).filter(\.$k == k).filter(\.$variant == variant)
            .first().flatMap { $0.body.isEmpty ? nil : ($0.body, $0.computedAt) }
    }

    /// Claims the place of an output before computing it: an empty row that any change in between
    /// deletes, so that ``fill(_:body:computedAt:)`` never stores figures a change has overtaken.
    /// Nil when another computation holds the place (then the output is computed but not stored).
    public func reserve(peildatum: Day, k: Int, variant: String, at now: Date) async throws -> UUID? {
        // A claim left by a computation that died is released after five minutes.
        try await MonitorOutputModel.query(on: database.db)
            .filter(\.$computedAt < now.addingTimeInterval(-300)).filter(\.$body == Data()).delete()
        let model = MonitorOutputModel()
        model.id = UUID()
        model.peildatum = peildatum.description
        model.k = k
        model.variant = variant
        model.computedAt = now
        model.body = Data()
        do {
            try await model.create(on: database.db)
            return model.id
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return nil
        }
    }

    /// Stores the output in its claimed place, if no change deleted the claim meanwhile.
    public func fill(_ id: UUID, body: Data, computedAt: Date) async throws {
        try await MonitorOutputModel.query(on: database.db).filter(\.$id == id)
            .set(\.$body, to: body).set(\.$computedAt, to: computedAt).update()
    }

    /// Deletes the outputs on reference dates after `day` (all of them when nil).
    static func invalidate(after day: Day?, on db: any Database) async throws {
        let query = MonitorOutputModel.query(on: db)
        if let day { query.filter(\.$peildatum > day.description) }
        try await query.delete()
    }
}
