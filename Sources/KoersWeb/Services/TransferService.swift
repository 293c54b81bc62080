import Foundation
import KoersCore
import KoersStore

/// Transfers between locations: a request from the case's location, an answer from the other.
public struct TransferService: Sendable {
    let cases: CaseStore
    let directory: DirectoryStore
    let service: CaseService

    /// Location A asks location B to take the case over.
    public func request(_ trajectoryId: UUID, input: FormInput, actor: Actor) async throws -> CaseFile {
        _ = try await service.authorize(actor, .requestTransfer, trajectoryId)
        let known = Set(try await directory.locations().map(\.id))
        let today = service.today()
        let id = UUID()
        let file = try await run {
            try await cases.append(
                to: trajectoryId,
                expectedVersion: input.string("version").flatMap(Int.init),
                context: .fresh(actor),
                activity: .transferRequest
            ) { file throws(ValidationFailure) in
                try TransferCommands.request(
                    input,
                    on: file,
                    pending: file.pendingTransfer != nil,
                    knownLocations: known,
                    id: id,
                    today: today
                )
            }
        }
        // The other location decides: its NGO and municipality are told.
        if let notifier = service.notifier, let transfer = try await cases.transfer(id) {
            let other = transfer.askedByReceiver ? transfer.fromLocationId : transfer.toLocationId
            notifier.tell(.ngo, at: other, about: .transfer)
            notifier.tell(.municipality, at: other, about: .transfer)
        }
        return file
    }

    /// Transfers from or to the user's locations.
    public func list(actor: Actor) async throws -> [Transfer] {
        guard AccessPolicy.mayOpenCases(actor) else { throw AppError.notFound }
        return try await cases.transfers(involving: actor.locationIds).filter {
            AccessPolicy.mayViewTransfer(actor, from: $0.fromLocationId, to: $0.toLocationId)
        }
    }

    /// The transfers page: incoming and outgoing transfers, each with what the policy lets this
    /// user read and do with it, so the view decides nothing.
    public func page(actor: Actor) async throws -> TransferListPage {
        let all = try await list(actor: actor)
        func item(_ t: Transfer) -> TransferListPage.Item {
            TransferListPage.Item(
                transfer: t,
                mayReadHandover: AccessPolicy.mayReadHandover(
                    actor,
                    from: t.fromLocationId,
                    to: t.toLocationId,
                    askedByReceiver: t.askedByReceiver,
                    accepted: t.status == .accepted
                ),
                mayDecide: t.status == .pending
                    && AccessPolicy.mayDecideTransfer(
                        actor,
                        from: t.fromLocationId,
                        to: t.toLocationId,
                        askedByReceiver: t.askedByReceiver
                    ),
                opensCase: t.status == .accepted && actor.locationIds.contains(t.toLocationId)
            )
        }
        let incoming = all.filter { actor.locationIds.contains($0.toLocationId) }
        let outgoing = all.filter {
            actor.locationIds.contains($0.fromLocationId) && !actor.locationIds.contains($0.toLocationId)
        }
        return TransferListPage(incoming: incoming.map(item), outgoing: outgoing.map(item))
    }

    /// Location B accepts (the trajectory moves, with its history) or declines (with a reason).
    public func decide(_ transferId: UUID, input: FormInput, actor: Actor) async throws -> Transfer {
        guard let transfer = try await cases.transfer(transferId),
            AccessPolicy.mayViewTransfer(actor, from: transfer.fromLocationId, to: transfer.toLocationId)
        else { throw AppError.notFound }
        guard
            AccessPolicy.mayDecideTransfer(
                actor,
                from: transfer.fromLocationId,
                to: transfer.toLocationId,
                askedByReceiver: transfer.askedByReceiver
            )
        else { throw AppError.forbidden }
        let request = TransferRequest(
            id: transfer.id,
            fromLocationId: transfer.fromLocationId,
            toLocationId: transfer.toLocationId,
            reason: transfer.reason,
            requestedOn: Day(transfer.requestedOn) ?? service.today(),
            askedByReceiver: transfer.askedByReceiver
        )
        let today = service.today()
        _ = try await run {
            try await cases.append(
                to: transfer.trajectoryId,
                expectedVersion: nil,
                context: .fresh(actor),
                activity: .transferDecide
            ) { file throws(ValidationFailure) in
                try TransferCommands.decide(input, on: file, request: request, status: transfer.status, today: today)
            }
        }
        return try await cases.transfer(transferId)!
    }

    private func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let failure as ValidationFailure {
            throw AppError.invalid(failure)
        } catch StoreError.stale(let current) {
            throw AppError.stale(current: current)
        }
    }
}

/// Overdrachten as the list shows them to one user.
public struct TransferListPage: Sendable {
    /// One transfer, with what the user may read and do with it.
    public struct Item: Sendable {
        public let transfer: Transfer
        /// The hand-over summary (otherwise only that a transfer was asked for).
        public let mayReadHandover: Bool
        /// A pending transfer this user's organisation answers.
        public let mayDecide: Bool
        /// Accepted into one of the user's locations: the case opens from here.
        public let opensCase: Bool
    }

    public let incoming: [Item]
    public let outgoing: [Item]
}
