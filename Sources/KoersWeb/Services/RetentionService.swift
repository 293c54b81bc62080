import Foundation
import KoersCore
import KoersStore

/// The retention page's model: who is due, and the destruction lists so far.
struct RetentionPage: Sendable {
    let due: [RetentionItem]
    let plans: [RetentionPlan]
    let defaultYears: Int
}

/// Bewaren en vernietigen, for the administrator only: a destruction list of whoever's period has
/// ended, the decision to destroy it, and the destruction with its report. The command line and the
/// web application use the same steps.
public struct RetentionService: Sendable {
    let store: RetentionStore
    let configuration: KoersConfiguration

    private func authorize(_ actor: Actor) throws {
        guard AccessPolicy.mayAdminister(actor) else { throw AppError.notFound }
    }

    private func author(_ actor: Actor) -> ChangeAuthor {
        ChangeAuthor(userId: actor.userId, name: actor.displayName)
    }

    /// Everyone whose retention period has ended today.
    public func due(actor: Actor) async throws -> [RetentionItem] {
        try authorize(actor)
        return try await store.due(on: configuration.today(), defaultYears: configuration.retentionYears)
    }

    func page(actor: Actor) async throws -> RetentionPage {
        RetentionPage(
            due: try await due(actor: actor),
            plans: try await store.plans(),
            defaultYears: configuration.retentionYears
        )
    }

    /// A destruction list of everyone due; refused when nobody is.
    public func propose(actor: Actor) async throws -> RetentionPlan {
        let items = try await due(actor: actor)
        if try await store.plans().contains(where: { $0.status != .applied }) {
            throw AppError.conflict(
                LocalizedText(
                    nl: "Er is al een lijst in behandeling: keur die goed en voer hem uit.",
                    en: "A list is open already: approve and apply it first."
                )
            )
        }
        guard !items.isEmpty else {
            throw AppError.conflict(
                LocalizedText(
                    nl: "Niemand heeft de bewaartermijn bereikt; er is niets te vernietigen.",
                    en: "Nobody's retention period has ended; there is nothing to destroy."
                )
            )
        }
        return try await store.propose(items, by: author(actor))
    }

    /// The administrator's decision to destroy a proposed list.
    public func approve(_ planId: UUID, _ input: FormInput, actor: Actor) async throws -> RetentionPlan {
        try authorize(actor)
        var p = Parser(input, form: RetentionPlan.approvalForm, today: configuration.today())
        let decision = p.text("decision")
        do { try p.finish() } catch { throw AppError.invalid(error) }
        do {
            return try await store.approve(planId, decision: decision!, by: author(actor))
        } catch StoreError.notFound {
            throw AppError.notFound
        } catch StoreError.conflict(let message) {
            throw AppError.conflict(LocalizedText(nl: "Deze lijst is al goedgekeurd of uitgevoerd.", en: message))
        }
    }

    /// Destroys an approved list; the erasure register file is appended person by person.
    public func apply(_ planId: UUID, actor: Actor) async throws -> DestructionReport {
        try authorize(actor)
        do {
            return try await store.apply(
                planId,
                context: .fresh(actor),
                registerFile: URL(fileURLWithPath: configuration.erasureRegisterPath)
            )
        } catch StoreError.notFound {
            throw AppError.notFound
        } catch StoreError.conflict(let message) {
            throw AppError.conflict(LocalizedText(nl: "Alleen een goedgekeurde lijst wordt uitgevoerd.", en: message))
        }
    }

    public func plans(actor: Actor) async throws -> [RetentionPlan] {
        try authorize(actor)
        return try await store.plans()
    }
}

extension RetentionService {
    /// After a restore: erases again everyone in the register file whom the database still holds.
    public func eraseAgain(from file: URL) async throws -> Int {
        let system = Actor(
            userId: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
            organisationId: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
            party: .admin,
            locationIds: [],
            displayName: "koers restore",
            organisationName: "Koers"
        )
        return try await store.eraseAgain(from: file, context: .fresh(system))
    }
}

extension RetentionService {
    /// How many people are due for destruction while no list is open: what the administrator is
    /// reminded of.
    public func dueWithoutPlan(actor: Actor) async throws -> Int {
        try authorize(actor)
        return try await dueWithoutPlan()
    }

    /// The same, for the server's daily reminder in its log.
    func dueWithoutPlan() async throws -> Int {
        let plans = try await store.plans()
        guard !plans.contains(where: { $0.status != .applied }) else { return 0 }
        return try await store.due(on: configuration.today(), defaultYears: configuration.retentionYears).count
    }
}
