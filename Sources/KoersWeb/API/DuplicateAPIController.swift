import Foundation
import Hummingbird
import KoersCore
import KoersStore

/// One person, one registration, through the API: a case's possible registrations elsewhere, the
/// decision on one, and the municipality's review queue. The same service and policy as the web's
/// warning and `/duplicates` page.
struct DuplicateAPIController {
    let duplicates: DuplicateService
    let service: CaseService

    /// A possible registration at another location: where, since when, how strong and on which
    /// fields — never that location's data.
    struct PossibleRegistrationDTO: Codable, Sendable {
        let entryId: UUID
        let locationId: UUID
        let location: String
        let stage: Stage
        let since: Day
        let strength: String
        let agreeingFields: [String]
        let inReview: Bool
    }

    /// A case in the municipality's review queue of unsure matches.
    struct ReviewDTO: Codable, Sendable {
        let trajectoryId: UUID
        let name: String
        let location: String
        let strength: String
        let sentOn: String
    }

    func register(on group: RouterGroup<KoersRequestContext>) {
        group.get("trajectories/:id/possible-registrations") { _, context in
            let actor = try context.requireActor()
            let record = try await service.read(try context.id("id"), actor: actor)
            return try json(
                try await duplicates.possibleRegistrations(record, actor: actor).map {
                    PossibleRegistrationDTO(
                        entryId: $0.entryId,
                        locationId: $0.locationId,
                        location: $0.locationName,
                        stage: $0.stage,
                        since: $0.since,
                        strength: $0.strength,
                        agreeingFields: $0.agreeingFields,
                        inReview: DuplicateService.inReview(record.file, $0.entryId)
                    )
                }
            )
        }
        group.post("trajectories/:id/duplicate-resolutions") { request, context in
            let actor = try context.requireActor()
            let id = try context.id("id")
            // Ask the policy before reading the body, so hidden cases answer 404 whatever was sent.
            _ = try await service.authorize(actor, .view, id)
            let version = try APIController.ifMatch(request, required: true)
            var input = try await JSONInput.read(request, form: DuplicateCommands.form)
            input.set("version", version.map(String.init))
            let file = try await duplicates.resolve(id, input: input, actor: actor)
            return try json(CaseDTO(try await service.read(file.id, actor: actor), actor: actor), etag: file.version)
        }
        group.get("duplicate-reviews") { _, context in
            let actor = try context.requireActor()
            return try json(
                try await duplicates.reviewQueue(actor: actor).map {
                    ReviewDTO(
                        trajectoryId: $0.record.file.id,
                        name: $0.record.file.identity.displayName,
                        location: $0.record.locationName,
                        strength: $0.strength,
                        sentOn: $0.sentOn
                    )
                }
            )
        }
    }
}
