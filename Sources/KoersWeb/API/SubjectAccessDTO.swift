import Foundation
import KoersCore

/// The subject-access document as JSON, the same content as the printable page: for the person
/// to take to another system, or for the officer to check what was handed over.
struct SubjectAccessDTO: Codable, Sendable {
    struct EventDTO: Codable, Sendable {
        let sequence: Int
        let effectiveOn: Day
        let recordedAt: Date
        let organisation: String
        /// What happened, in the document's language.
        let description: String
        let change: ChangeDTO
    }

    struct NoteDTO: Codable, Sendable {
        let id: UUID
        let classification: NoteClassification
        /// The text; absent when withheld.
        let text: String?
        /// Why the note is withheld under art. 15 lid 4, when it is.
        let withheldReason: String?
    }

    struct RestrictionDTO: Codable, Sendable {
        let since: Day
        let reason: String
    }

    struct TrajectoryDTO: Codable, Sendable {
        let id: UUID
        let location: String
        let referredOn: Day
        let stage: Stage
        let restriction: RestrictionDTO?
        let events: [EventDTO]
        let notes: [NoteDTO]
    }

    /// One processing of the person's data, with its register entry (LDV's fields).
    struct ProcessingDTO: Codable, Sendable {
        let startedAt: Date?
        let endedAt: Date
        let organisation: String
        /// The register's URI of the activity.
        let activity: String
        let activityName: String
        let purpose: String?
        let legalBasis: String?
        let status: String
        let traceId: String
        let spanId: String
        let parentSpanId: String?
        let operation: String?
    }

    let personId: UUID
    let language: Language
    let producedAt: Date
    let producedBy: String
    /// The trace under which the document was produced and logged.
    let reference: String
    let person: IdentityDTO
    let trajectories: [TrajectoryDTO]
    /// Other LVVs that hold a trajectory of the person; their municipalities answer for those.
    let elsewhere: [String]
    let processing: [ProcessingDTO]

    init(_ d: SubjectAccessDocument, env: PageEnvironment) {
        personId = d.personId
        language = d.language
        producedAt = d.producedAt
        producedBy = d.producedBy
        reference = d.traceId
        person = IdentityDTO(d.identity)
        elsewhere = d.elsewhere
        trajectories = d.trajectories.map { t in
            let v = t.view
            return TrajectoryDTO(
                id: v.id,
                location: t.locationName,
                referredOn: v.referredOn,
                stage: v.stage,
                restriction: v.restriction.map { RestrictionDTO(since: $0.on, reason: $0.reason) },
                events: v.events.map { event in
                    EventDTO(
                        sequence: event.sequence,
                        effectiveOn: event.effectiveOn,
                        recordedAt: event.recordedAt,
                        organisation: event.organisationName,
                        description: Labels.describe(event.change, env, reasons: d.reasons, in: v),
                        change: ChangeDTO(event.change)
                    )
                },
                notes: (v.notes ?? []).map { note in
                    let reason = v.withheldNotes[note.id]
                    return NoteDTO(
                        id: note.id,
                        classification: note.classification,
                        text: reason == nil ? note.text : nil,
                        withheldReason: reason
                    )
                }
            )
        }
        processing = d.processing.map { entry in
            let registered = entry.activity.flatMap { d.register[$0] }
            return ProcessingDTO(
                startedAt: entry.startedAt,
                endedAt: entry.endedAt,
                organisation: entry.organisationName,
                activity: registered?.uri ?? entry.activityCode,
                activityName: registered.map { env.t($0.name) } ?? entry.activityCode,
                purpose: registered.map { env.t($0.purpose) },
                legalBasis: registered.map { env.t($0.legalBasis) },
                status: entry.status?.rawValue ?? "",
                traceId: entry.traceId,
                spanId: entry.spanId,
                parentSpanId: entry.parentSpanId,
                operation: entry.operation
            )
        }
    }
}
