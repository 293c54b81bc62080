import Foundation
import KoersCore
import KoersStore

/// A possible match an import found, as the municipality's review queue shows it: the imported
/// case, and the other registration as the intake check shows one; a registration at the same
/// location (within the file) also with its case, which the location sees anyway.
public struct ImportReviewItem: Sendable {
    public let review: ImportReview
    public let record: CaseRecord
    public let other: PossibleRegistration
    /// The other registration's trajectory: what "the same person" links to.
    let otherTrajectoryId: UUID
    public let otherRecord: CaseRecord?
}

extension DuplicateService {
    /// How many matches the review queue shows at once; a large import can find thousands.
    public static let importReviewPage = 50

    /// The matches imports found at the municipality's locations, waiting for its decision: the
    /// first page of them, and how many there are.
    public func importReviews(actor: Actor) async throws -> (items: [ImportReviewItem], total: Int) {
        let locations = actor.locationIds.filter { AccessPolicy.mayReviewDuplicates(actor, at: $0) }
        guard !locations.isEmpty else { throw AppError.notFound }
        let names = Dictionary(uniqueKeysWithValues: try await directory.locations().map { ($0.id, $0.name) })
        var items: [ImportReviewItem] = []
        let (reviews, total) = try await cases.linkage.importReviews(at: locations, limit: Self.importReviewPage)
        for review in reviews {
            if let item = try await item(review, actor: actor, names: names) { items.append(item) }
        }
        return (items, total)
    }

    private func item(_ review: ImportReview, actor: Actor, names: [UUID: String]) async throws -> ImportReviewItem? {
        guard let record = try await cases.load(review.trajectoryId, context: .fresh(actor)),
            let (other, otherTrajectory) = try await cases.linkage.registration(
                review.entryId,
                comparedWith: record.file,
                locationNames: names
            )
        else { return nil }
        let otherRecord =
            other.locationId == record.file.locationId
            ? try await cases.load(otherTrajectory, context: .fresh(actor)) : nil
        return ImportReviewItem(
            review: review,
            record: record,
            other: other,
            otherTrajectoryId: otherTrajectory,
            otherRecord: otherRecord
        )
    }

    /// Decides a match an import found: the same person links both registrations to one person;
    /// not the same person is remembered, never proposed again.
    public func decideImportMatch(_ reviewId: UUID, input: FormInput, actor: Actor) async throws {
        guard let review = try await cases.linkage.importReview(reviewId),
            let location = try await cases.locationOf(review.trajectoryId),
            AccessPolicy.mayReviewDuplicates(actor, at: location)
        else { throw AppError.notFound }
        let names = Dictionary(uniqueKeysWithValues: try await directory.locations().map { ($0.id, $0.name) })
        guard let item = try await item(review, actor: actor, names: names) else { throw AppError.notFound }
        do {
            let decision = try DuplicateCommands.resolveImportMatch(
                input,
                match: item.other,
                id: UUID(),
                today: service.today()
            )
            if decision.kind == .samePersonLinked {
                _ = try await cases.linkPersons(
                    review.trajectoryId,
                    with: item.otherTrajectoryId,
                    decision: decision,
                    context: .fresh(actor)
                )
            } else {
                _ = try await cases.append(
                    to: review.trajectoryId,
                    expectedVersion: nil,
                    context: .fresh(actor),
                    activity: .duplicateResolve
                ) { _ in .duplicateResolved(decision) }
            }
        } catch let failure as ValidationFailure {
            throw AppError.invalid(failure)
        }
    }
}
