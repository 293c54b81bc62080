import Foundation

/// A case as a page or API answer needs it: the folded file, its events and where it is.
public struct CaseRecord: Sendable {
    public let file: CaseFile
    public let events: [CaseEvent]
    public let locationName: String

    public init(file: CaseFile, events: [CaseEvent], locationName: String) {
        self.file = file
        self.events = events
        self.locationName = locationName
    }
}

/// One row of "my cases".
public struct CaseListItem: Sendable, Codable {
    public let trajectoryId: UUID
    public let name: String
    public let birthDate: String?
    public let nationality: String
    public let vNumber: String?
    public let stage: Stage
    public let perspective: Perspective?
    public let location: String
    public let referredOn: String
    public let version: Int

    public init(
        trajectoryId: UUID,
        name: String,
        birthDate: String?,
        nationality: String,
        vNumber: String?,
        stage: Stage,
        perspective: Perspective?,
        location: String,
        referredOn: String,
        version: Int
    ) {
        self.trajectoryId = trajectoryId
        self.name = name
        self.birthDate = birthDate
        self.nationality = nationality
        self.vNumber = vNumber
        self.stage = stage
        self.perspective = perspective
        self.location = location
        self.referredOn = referredOn
        self.version = version
    }
}

/// How far lists count: past this many a list says "more than" instead of counting them all.
public enum ListBounds {
    public static let countCap = 1000
}
