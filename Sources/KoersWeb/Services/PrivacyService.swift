import Foundation
import KoersCore
import KoersStore

/// One person found by the privacy officer, with their trajectories at the officer's locations.
struct PersonMatch: Sendable {
    let personId: UUID
    let trajectories: [CaseListItem]
    var name: String { trajectories.first?.name ?? "" }
}

/// Inzage (AVG art. 15): everything Koers holds about a person, for the privacy officer to hand
/// over, in the language the person reads.
struct SubjectAccessDocument: Sendable {
    /// One trajectory as the person receives it.
    struct Trajectory: Sendable {
        let view: CaseView
        let locationName: String
    }
    let personId: UUID
    let language: Language
    let producedAt: Date
    let producedBy: String
    /// The person as the latest trajectory records them.
    let identity: Identity
    let trajectories: [Trajectory]
    /// Locations the officer does not serve where Koers also holds a trajectory of the person:
    /// their own controllers answer for those.
    let elsewhere: [String]
    let processing: [LoggedProcessing]
    let register: [ProcessingActivity: RegisterEntry]
    let reasons: [OutflowReason]
    /// The trace under which the document itself was produced and logged.
    let traceId: String
}

/// The privacy officer's work: finding a person, producing their access document, restricting
/// processing. Each asks the access policy first; anyone else is answered "not found".
struct PrivacyService: Sendable {
    let store: SubjectAccessStore
    let register: ProcessingRegisterStore
    let cases: CaseStore
    let today: @Sendable () -> Day

    /// The people at the officer's locations whose name or V-nummer matches.
    func search(_ text: String, actor: Actor) async throws -> [PersonMatch] {
        guard AccessPolicy.mayAnswerRequests(actor) else { throw AppError.notFound }
        guard !text.isEmpty else { return [] }
        let found = try await store.persons(matching: text, at: actor.locationIds)
        return found.map { PersonMatch(personId: $0.key, trajectories: $0.value) }.sorted { $0.name < $1.name }
    }

    /// The person's access document; producing it is logged before the log is read, so the
    /// document lists its own production.
    func document(of personId: UUID, language: Language, actor: Actor) async throws -> SubjectAccessDocument {
        guard AccessPolicy.mayAnswerRequests(actor) else { throw AppError.notFound }
        let records = try await store.trajectories(of: personId)
        let served = records.filter { AccessPolicy.mayAnswerRequests(actor, at: $0.file.locationId) }
        guard let latest = served.last else { throw AppError.notFound }
        let context = ProcessingContext.fresh(actor)
        try await store.recordAccess(to: personId, context: context)
        return SubjectAccessDocument(
            personId: personId,
            language: language,
            producedAt: Date(),
            producedBy: actor.organisationName,
            identity: latest.file.identity,
            trajectories: served.map {
                .init(view: AccessPolicy.subjectView(of: $0.file, events: $0.events), locationName: $0.locationName)
            },
            elsewhere: Array(Set(records.filter { !served.map(\.file.id).contains($0.file.id) }.map(\.locationName)))
                .sorted(),
            processing: try await store.processing(of: personId),
            register: Dictionary(uniqueKeysWithValues: try await register.entries().map { ($0.activity, $0) }),
            reasons: try await cases.outflowReasons(),
            traceId: context.traceId
        )
    }

    /// Restricts processing of the person in one trajectory, or lifts it, on the person's request;
    /// returns the case as it now stands.
    func restrict(_ trajectoryId: UUID, input: FormInput, actor: Actor) async throws -> CaseFile {
        guard let location = try await cases.locationOf(trajectoryId) else { throw AppError.notFound }
        guard AccessPolicy.mayRestrict(actor, at: location) else {
            try await cases.logAttempt(.restrict, on: trajectoryId, context: .fresh(actor), status: .refused)
            throw AppError.notFound
        }
        let today = today()
        do {
            return try await cases.append(
                to: trajectoryId,
                expectedVersion: nil,
                context: .fresh(actor),
                activity: .restrict
            ) { file throws(ValidationFailure) in
                try PrivacyCommands.restrict(input, on: file, today: today)
            }
        } catch let failure as ValidationFailure {
            try await cases.logAttempt(.restrict, on: trajectoryId, context: .fresh(actor), status: .failed)
            throw AppError.invalid(failure)
        }
    }

    /// The person whose trajectory this is and whether its processing is restricted, when the user
    /// may restrict it.
    func restrictionTarget(_ trajectoryId: UUID, actor: Actor) async throws -> (personId: UUID, restricted: Bool) {
        guard let location = try await cases.locationOf(trajectoryId),
            AccessPolicy.mayRestrict(actor, at: location),
            let record = try await cases.load(trajectoryId, context: nil)
        else { throw AppError.notFound }
        return (record.file.personId, record.file.restriction != nil)
    }
}
