import Foundation
import KoersCore
import KoersImport
import KoersStore

/// Afstemming met de ketenpartners: the IND's and DT&V's lists compared with Koers at a location,
/// and the municipality's resolution of each line, through the one access policy.
public struct ReconciliationService: Sendable {
    let store: ReconciliationStore
    let directory: DirectoryStore
    let policies: PolicyStore
    let today: @Sendable () -> Day

    /// A list read and compared with Koers; nothing is kept.
    public func compare(
        file: Data,
        source: AgencySource,
        at locationId: UUID,
        actor: Actor
    ) async throws -> (list: AgencyList, result: ReconciliationResult) {
        guard AccessPolicy.mayReconcile(actor, at: locationId) else { throw AppError.notFound }
        let list: AgencyList
        do {
            list = try AgencyListReader(source: source).read(file)
        } catch {
            throw AppError.invalid(error)
        }
        let (facts, known) = try await store.registered(at: locationId, for: source)
        return (list, Reconciler.compare(list.facts, with: facts, known: known, source: source))
    }

    /// Compares a list and keeps the comparison for the municipality to resolve; returns its id.
    public func upload(
        file: Data,
        named fileName: String,
        source: AgencySource,
        at locationId: UUID,
        actor: Actor
    ) async throws -> UUID {
        let (list, result) = try await compare(file: file, source: source, at: locationId, actor: actor)
        return try await keep(result, of: list, named: fileName, at: locationId, actor: actor)
    }

    /// Keeps a comparison made with ``compare(file:source:at:actor:)``; returns its id.
    public func keep(
        _ result: ReconciliationResult,
        of list: AgencyList,
        named fileName: String,
        at locationId: UUID,
        actor: Actor
    ) async throws -> UUID {
        guard AccessPolicy.mayReconcile(actor, at: locationId) else { throw AppError.notFound }
        return try await store.save(
            result,
            source: list.source,
            fileName: fileName,
            rejectedRows: list.rejected.count,
            at: locationId,
            context: .fresh(actor)
        )
    }

    /// The locations where the user may reconcile; none means the pages are not theirs.
    public func locations(of actor: Actor) async throws -> [Location] {
        let all = try await directory.locations().filter { AccessPolicy.mayReconcile(actor, at: $0.id) }
        guard !all.isEmpty else { throw AppError.notFound }
        return all
    }

    /// The user's comparisons, newest first.
    public func reconciliations(actor: Actor) async throws -> [ReconciliationSummary] {
        let locations = Set(try await locations(of: actor).map(\.id))
        return try await store.summaries(at: locations)
    }

    /// One comparison, if the user may see it.
    public func reconciliation(_ id: UUID, actor: Actor) async throws -> Reconciliation {
        guard let run = try await store.reconciliation(id), AccessPolicy.mayReconcile(actor, at: run.locationId) else {
            throw AppError.notFound
        }
        return run
    }

    /// Resolves one line: the agency's fact taken into the case, with the agency as its source, or
    /// the difference explained with a note.
    /// Returns the line's number, for the page's notice.
    @discardableResult
    public func resolve(_ id: UUID, line lineId: UUID, input: FormInput, actor: Actor) async throws -> Int {
        let run = try await reconciliation(id, actor: actor)
        guard let line = run.lines.first(where: { $0.id == lineId }) else { throw AppError.notFound }
        let reasons = try await policies.inForce(on: today()).outflowReasons
        do {
            let (resolution, note) = try ReconciliationCommands.resolution(input, for: line.line, today: today())
            let source = run.source
            let factSource = FactSource(kind: .agency, reference: "\(source.agencyName), \(run.fileName)")
            let row = line.line.listed.map { " rij \($0.row)" } ?? ""
            let reason = note ?? "Opgave \(source.agencyName) (\(run.fileName)\(row))"
            try await store.resolve(
                lineId,
                of: run,
                as: resolution,
                note: note,
                context: ProcessingContext.fresh(actor).from(factSource)
            ) { line, file, events in
                try ReconciliationCommands.accept(
                    line,
                    source: source,
                    reason: reason,
                    factSource: factSource,
                    reasons: reasons,
                    file: file,
                    events: events
                )
            }
            return line.number
        } catch let failure as ValidationFailure {
            throw AppError.invalid(failure)
        } catch StoreError.conflict {
            throw AppError.invalid(
                ValidationFailure([
                    FieldError(
                        field: "resolution",
                        code: "resolved",
                        message: LocalizedText(
                            nl: "Deze regel is intussen al afgehandeld.",
                            en: "This line was resolved meanwhile."
                        )
                    )
                ])
            )
        }
    }

    /// Per location and agency, the share of the latest comparison's lines that agree or were
    /// resolved: what the monitor shows.
    public func shares() async throws -> [ReconciledShare] {
        let locations = try await directory.locations()
        let names = Dictionary(uniqueKeysWithValues: locations.map { ($0.id, $0.name) })
        return try await store.summaries(at: Set(locations.map(\.id)), latestOnly: true).map {
            ReconciledShare(
                location: names[$0.locationId] ?? "?",
                source: $0.source,
                reconciled: $0.reconciled,
                total: $0.lines,
                on: $0.uploadedAt
            )
        }
        .sorted { ($0.location, $0.source.rawValue) < ($1.location, $1.source.rawValue) }
    }
}

/// The share of an agency's facts reconciled at a location, as the monitor shows it.
public struct ReconciledShare: Sendable, Hashable {
    public let location: String
    public let source: AgencySource
    public let reconciled: Int
    public let total: Int
    /// When the latest list was compared.
    public let on: Date

    /// The share in whole percents; 100 for a list with no lines.
    public var percent: Int { total == 0 ? 100 : reconciled * 100 / total }
}
