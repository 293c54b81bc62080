import Foundation
import KoersCore

/// `GET /me`: who the token belongs to. A type rather than a dictionary, so the answer has a
/// schema and cannot drift from it.
struct MeDTO: Codable, Sendable {
    let userId: UUID
    let name: String
    let organisation: String
    let party: Party
}

extension MeDTO {
    init(_ actor: Actor) {
        self.init(
            userId: actor.userId,
            name: actor.displayName,
            organisation: actor.organisationName,
            party: actor.party
        )
    }
}
