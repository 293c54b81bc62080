import Foundation
import KoersCore
import KoersImport
import KoersStore

/// Bringing a city's registrations in: the dry run's report, then the commit, both for the
/// municipality or NGO of the location only, through the one access policy.
public struct ImportService: Sendable {
    let store: RegistrationImportStore
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
        func policy(on day: Day) -> NationalPolicy { versions.last { $0.validFrom <= day } ?? versions[0] }
        let cases = plan.trajectories.map { t in
            ImportedCase(
                sourcePersonId: t.sourcePersonId,
                sourceTrajectoryId: t.sourceTrajectoryId,
                changes: t.changes(
                    policy: policy(on: t.admission?.decidedOn ?? t.referral.referredOn),
                    previousTrajectoryId: nil
                )
            )
        }
        let context = ProcessingContext.fresh(actor).from(FactSource(kind: .import, reference: fileName))
        return try await store.commit(cases, at: locationId, context: context)
    }
}
