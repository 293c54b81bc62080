import Foundation
import KoersCore

/// One row of the case list (`GET /trajectories`). The API's own type, with today's field names,
/// so that the list the store reads and the list the API sends can change apart.
struct CaseListItemDTO: Codable, Sendable {
    let trajectoryId: UUID
    let name: String
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    let birthDate: String?
    let nationality: String
    let vNumber: String?
    let stage: Stage
    let perspective: Perspective?
    let location: String
    /// `YYYY-MM-DD`.
    let referredOn: String
    let version: Int
}

extension CaseListItemDTO {
    init(_ item: CaseListItem) {
        self.init(
            trajectoryId: item.trajectoryId,
            name: item.name,
            birthDate: item.birthDate,
            nationality: item.nationality,
            vNumber: item.vNumber,
            stage: item.stage,
            perspective: item.perspective,
            location: item.location,
            referredOn: item.referredOn,
            version: item.version
        )
    }
}
