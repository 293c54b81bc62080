import Foundation
import KoersCore
import KoersImport
import KoersStore

/// Bringing a city's registrations in: the dry run's report, then the commit, both for the
/// municipality or NGO of the location only, through the one access policy.
public struct ImportService: Sendable {
    let store: RegistrationImportStore
    let uploads: ImportUploadStore
    let policies: PolicyStore
    let directory: DirectoryStore
    let today: @Sendable () -> Day

    /// The dry run: the file read with the mapping, every row reported, nothing written.
    public func plan(
        file: Data,
        mapping: Data,
        at locationId: UUID,
        actor: Actor
    ) async throws -> ImportPlan {
        guard AccessPolicy.mayImport(actor, at: locationId) else { throw AppError.notFound }
        let reasons = try await policies.inForce(on: today()).outflowReasons
        do {
            let mapping = try ImportMapping.parse(mapping)
            let table: Table
            do {
                table = try TableReader.read(file)
            } catch {
                throw ValidationFailure([FieldError(field: "file", code: "unreadable", message: error.message)])
            }
            return try RegistrationReader(mapping: mapping, reasons: reasons, today: today()).read(table)
        } catch let failure as ValidationFailure {
            throw AppError.invalid(failure)
        }
    }

    /// Commits the rows without errors, all in one transaction; every event carries the actor,
    /// "import" and the file's name as its source.
    public func commit(
        _ plan: ImportPlan,
        fileName: String,
        at locationId: UUID,
        actor: Actor
    ) async throws -> ImportOutcome {
        guard AccessPolicy.mayImport(actor, at: locationId) else { throw AppError.notFound }
        let versions = try await policies.versions()
        let cases = plan.trajectories.map { t in
            ImportedCase(
                sourcePersonId: t.sourcePersonId,
                sourceTrajectoryId: t.sourceTrajectoryId,
                changes: t.changes(
                    policy: NationalPolicy.inForce(on: t.admission?.decidedOn ?? t.referral.referredOn, in: versions),
                    previousTrajectoryId: nil
                )
            )
        }
        let context = ProcessingContext.fresh(actor).from(FactSource(kind: .import, reference: fileName))
        return try await store.commit(cases, at: locationId, context: context, today: today())
    }

    /// The locations where the user may import; none means the page is not theirs.
    func locations(of actor: Actor) async throws -> [Location] {
        let all = try await directory.locations().filter { AccessPolicy.mayImport(actor, at: $0.id) }
        guard !all.isEmpty else { throw AppError.notFound }
        return all
    }

    /// The web application's dry run: the report, and the upload kept for the commit.
    func dryRun(
        file: Data,
        named fileName: String,
        mapping: Data,
        at locationId: UUID,
        actor: Actor
    ) async throws -> (plan: ImportPlan, uploadId: UUID) {
        let plan = try await plan(file: file, mapping: mapping, at: locationId, actor: actor)
        let id = try await uploads.keep(
            file: file,
            named: fileName,
            mapping: mapping,
            at: locationId,
            for: actor.userId
        )
        return (plan, id)
    }

    /// Commits a kept upload: read again as its dry run read it, written, and the upload removed.
    func commit(upload id: UUID, actor: Actor) async throws -> (outcome: ImportOutcome, locationId: UUID) {
        guard let upload = try await uploads.upload(id, of: actor.userId) else { throw AppError.notFound }
        let plan = try await plan(file: upload.file, mapping: upload.mapping, at: upload.locationId, actor: actor)
        let outcome = try await commit(plan, fileName: upload.fileName, at: upload.locationId, actor: actor)
        try await uploads.remove(id)
        return (outcome, upload.locationId)
    }

    /// What a commit did, in a sentence, as the page and the command line say it.
    public static func describe(_ outcome: ImportOutcome, in language: Language) -> String {
        language == .en
            ? "Committed: \(outcome.created) new trajectories (\(outcome.newPersons) new persons), "
                + "\(outcome.corrections) corrections, \(outcome.added) new facts, \(outcome.unchanged) unchanged; "
                + "\(outcome.possibleDuplicates) possible duplicate registrations are in the municipality's review "
                + "queue."
            : "Vastgelegd: \(outcome.created) nieuwe trajecten (\(outcome.newPersons) nieuwe personen), "
                + "\(outcome.corrections) correcties, \(outcome.added) nieuwe feiten, \(outcome.unchanged) "
                + "ongewijzigd; \(outcome.possibleDuplicates) mogelijke dubbele registraties staan ter beoordeling "
                + "bij de gemeente."
    }
}
