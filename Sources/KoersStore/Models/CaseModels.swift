import FluentKit
import Foundation

/// A person's current identity; their history is in the events of their trajectories.
public final class PersonModel: Model, @unchecked Sendable {
    public static let schema = "persons"

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "given_names") public var givenNames: String?
    @Field(key: "surname") public var surname: String
    @Field(key: "aliases") public var aliasesJSON: String
    @OptionalField(key: "birth_date") public var birthDate: String?
    @Field(key: "nationality") public var nationality: String
    @Field(key: "gender") public var gender: String
    @OptionalField(key: "v_number") public var vNumber: String?
    /// Lower-cased, diacritics-folded names and aliases, for search.
    @Field(key: "search_text") public var searchText: String
    @Field(key: "created_at") public var createdAt: Date
    /// When retention erased the person's data; nil while it is kept.
    @OptionalField(key: "erased_at") public var erasedAt: Date?

    public init() {}
}

/// A trajectory's row: the columns lists filter on, and the version for optimistic concurrency.
/// The trajectory itself is the fold of its events.
public final class TrajectoryModel: Model, @unchecked Sendable {
    public static let schema = "trajectories"

    @ID(key: .id) public var id: UUID?
    @Field(key: "person_id") public var personId: UUID
    @Field(key: "location_id") public var locationId: UUID
    @Field(key: "stage") public var stage: String
    @OptionalField(key: "perspective") public var perspective: String?
    @Field(key: "version") public var version: Int
    @Field(key: "referred_on") public var referredOn: String
    @OptionalField(key: "admitted_on") public var admittedOn: String?
    @OptionalField(key: "left_on") public var leftOn: String?
    @OptionalField(key: "previous_trajectory_id") public var previousTrajectoryId: UUID?
    @Field(key: "updated_at") public var updatedAt: Date
    /// The case summary (``CaseSummary`` as JSON): the read model lists, the progress view,
    /// agendas, queues and inboxes read instead of folding events.
    @OptionalField(key: "summary") public var summary: String?
    /// The day of the admission decision (admitted or not), for the progress view's medians.
    @OptionalField(key: "decided_on") public var decidedOn: String?

    public init() {}
}

/// One stored ``KoersCore/CaseEvent``; `payload` is the JSON of its change.
public final class CaseEventModel: Model, @unchecked Sendable {
    public static let schema = "case_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "trajectory_id") public var trajectoryId: UUID
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "kind") public var kind: String
    @Field(key: "payload") public var payload: String
    @Field(key: "user_id") public var userId: UUID
    @Field(key: "user_name") public var userName: String
    @Field(key: "organisation_id") public var organisationId: UUID
    @Field(key: "organisation_name") public var organisationName: String
    @Field(key: "party") public var party: String
    @Field(key: "recorded_at") public var recordedAt: Date
    @Field(key: "effective_on") public var effectiveOn: String
    /// The JSON of the fact's ``KoersCore/FactSource``, when not the recorder.
    @OptionalField(key: "source") public var source: String?
    /// SHA-256 of the payload: it stays when retention erases values from the payload.
    @OptionalField(key: "payload_hash") public var payloadHash: String?
    /// The event's link in its trajectory's chain (``AuditHash/event``).
    @OptionalField(key: "hash") public var hash: String?

    public init() {}
}

/// An entry of the outflow code list, as configuration.
public final class OutflowReasonModel: Model, @unchecked Sendable {
    public static let schema = "outflow_reasons"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "category") public var category: String
    @Field(key: "label_nl") public var labelNL: String
    @Field(key: "label_en") public var labelEN: String
    @Field(key: "position") public var position: Int
    @Field(key: "active") public var active: Bool

    public init() {}
}

/// Logboek dataverwerkingen: one processing of personal data, per data subject.
///
/// The subject is pseudonymised (keyed hash of the person id), so the log itself names nobody.
public final class ProcessingLogModel: Model, @unchecked Sendable {
    public static let schema = "processing_log"

    @ID(key: .id) public var id: UUID?
    @Field(key: "trace_id") public var traceId: String
    @Field(key: "span_id") public var spanId: String
    @Field(key: "activity") public var activity: String
    @Field(key: "subject") public var subject: String
    @Field(key: "user_id") public var userId: UUID
    @Field(key: "organisation_id") public var organisationId: UUID
    @Field(key: "status") public var status: String
    /// When the processing ended.
    @Field(key: "at") public var at: Date
    /// The caller's span, from its `traceparent`.
    @OptionalField(key: "parent_span_id") public var parentSpanId: String?
    /// The route template or command: LDV's operation name.
    @OptionalField(key: "operation") public var operation: String?
    @OptionalField(key: "subject_type") public var subjectType: String?
    @OptionalField(key: "started_at") public var startedAt: Date?
    /// The chain (day and shard) the entry belongs to, its place in it, and its hash.
    @OptionalField(key: "chain") public var chain: String?
    @OptionalField(key: "chain_seq") public var chainSeq: Int?
    @OptionalField(key: "hash") public var hash: String?

    public init() {}
}
