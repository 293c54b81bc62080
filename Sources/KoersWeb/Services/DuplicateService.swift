import Foundation
import KoersCore
import KoersStore

/// One person, one registration: the intake check against the linkage index, the decisions on
/// what it finds, and the municipality's review queue.
public struct DuplicateService: Sendable {
    let cases: CaseStore
    let directory: DirectoryStore
    let service: CaseService

    /// Possible registrations of this case's person at other locations, while the case waits for
    /// admission; those already decided are left out, except ones sent for review.
    public func possibleRegistrations(_ record: CaseRecord, actor: Actor) async throws -> [PossibleRegistration] {
        let file = record.file
        guard file.stage == .referral || file.stage == .intake, AccessPolicy.decide(actor, .view, in: file) == .allowed,
            AccessPolicy.sections(for: actor, in: file).contains(.identity)
        else { return [] }
        if file.duplicateResolutions.contains(where: { $0.kind.isSamePerson }) { return [] }
        let decided = Set(file.duplicateResolutions.filter { $0.kind != .review }.map(\.entryId))
        let own = Set(try await cases.otherTrajectories(of: file.personId, except: file.id).map(\.id))
        let names = Dictionary(uniqueKeysWithValues: try await directory.locations().map { ($0.id, $0.name) })
        return try await cases.linkage.possibleRegistrations(for: file, ownTrajectories: own, locationNames: names)
            .filter { !decided.contains($0.entryId) }
    }

    /// Whether this case was sent for review about this entry and not yet decided.
    static func inReview(_ file: CaseFile, _ entryId: UUID) -> Bool {
        guard let last = file.duplicateResolutions.last(where: { $0.entryId == entryId }) else { return false }
        return last.kind == .review
    }

    /// Records a decision on a possible registration; for "same person: transfer" also asks the
    /// other location, on its trajectory, to transfer it here, in the same transaction.
    public func resolve(_ id: UUID, input: FormInput, actor: Actor) async throws -> CaseFile {
        _ = try await service.authorize(actor, .resolveDuplicate, id)
        let record = try await service.read(id, actor: actor)
        let entryId = input.string("entryId").flatMap(UUID.init(uuidString:))
        let matches = try await possibleRegistrations(record, actor: actor)
        let match = matches.first { $0.entryId == entryId }
        // Medium matches may go to the municipality; the municipality decides itself.
        let mayReview =
            match?.strength == "medium" && actor.party != .municipality
            && !(entryId.map { Self.inReview(record.file, $0) } ?? false)
        let today = service.today()
        let resolutionId = UUID()
        let version = input.string("version").flatMap(Int.init)
        let decide: @Sendable (CaseFile) throws -> [CaseChange] = { file in
            try DuplicateCommands.resolve(
                input,
                on: file,
                match: match,
                mayReview: mayReview,
                id: resolutionId,
                today: today
            )
        }
        do {
            if input.string("resolution") == DuplicateResolution.Kind.samePersonTransfer.rawValue, let match,
                let other = try await cases.trajectory(ofEntry: match.entryId)
            {
                let reason =
                    "Dezelfde persoon meldde zich op \(today) bij \(record.locationName); de koppelingscontrole vond "
                    + "dit traject (sterkte \(match.strength)). / The same person came to \(record.locationName) on "
                    + "\(today); the linkage check found this trajectory."
                let request = TransferRequest(
                    id: UUID(),
                    fromLocationId: match.locationId,
                    toLocationId: record.file.locationId,
                    reason: reason,
                    requestedOn: today,
                    askedByReceiver: true
                )
                return try await cases.appendAll(
                    to: id,
                    expectedVersion: version,
                    decide,
                    andTo: other,
                    { otherFile in
                        guard otherFile.pendingTransfer == nil, !otherFile.stage.isClosed else {
                            throw ValidationFailure([
                                FieldError(
                                    field: "resolution",
                                    code: "transferPending",
                                    message: .init(
                                        nl:
                                            "Voor het andere traject loopt al een overdracht, of het is afgesloten; "
                                            + "kies ‘terugverwijzen’ of overleg met die LVV.",
                                        en:
                                            "The other trajectory already has a transfer pending, or has closed; "
                                            + "choose ‘refer back’ or consult that LVV."
                                    )
                                )
                            ])
                        }
                        return [.transferRequested(request)]
                    },
                    context: .fresh(actor),
                    activity: .duplicateResolve
                )
            }
            return try await cases.appendAll(
                to: id,
                expectedVersion: version,
                context: .fresh(actor),
                activity: .duplicateResolve,
                decide
            )
        } catch let failure as ValidationFailure {
            throw AppError.invalid(failure)
        } catch StoreError.stale(let current) {
            throw AppError.stale(current: current)
        }
    }

    /// The municipality's queue: cases at its locations sent for review, with their possible registrations.
    public func reviewQueue(actor: Actor) async throws -> [(record: CaseRecord, strength: String, sentOn: String)] {
        let locations = actor.locationIds.filter { AccessPolicy.mayReviewDuplicates(actor, at: $0) }
        guard !locations.isEmpty else { throw AppError.notFound }
        var out: [(record: CaseRecord, strength: String, sentOn: String)] = []
        for item in try await cases.linkage.reviewQueue(at: locations) {
            if let record = try await cases.load(item.trajectoryId, context: .fresh(actor)) {
                out.append((record, item.strength, item.sentOn))
            }
        }
        return out
    }
}
