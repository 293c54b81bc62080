import Foundation

/// Overdracht: a request that another location take over a trajectory, instead of a second registration.
public struct TransferRequest: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let fromLocationId: UUID
    public let toLocationId: UUID
    public let reason: String
    public let requestedOn: Day
    /// Asked by the receiving location after the intake check found the person's running
    /// trajectory: the current location then decides. Nil (older events) means false.
    public let askedByReceiver: Bool?

    public init(
        id: UUID,
        fromLocationId: UUID,
        toLocationId: UUID,
        reason: String,
        requestedOn: Day,
        askedByReceiver: Bool = false
    ) {
        self.id = id
        self.fromLocationId = fromLocationId
        self.toLocationId = toLocationId
        self.reason = reason
        self.requestedOn = requestedOn
        self.askedByReceiver = askedByReceiver ? true : nil
    }
}

/// A transfer request with where it stands.
public struct TransferRecord: Sendable, Hashable {
    public let request: TransferRequest
    public var status: TransferStatus
    /// The day the receiving location answered.
    public var decidedOn: Day?
}

/// Where a transfer stands.
public enum TransferStatus: String, Sendable, CaseIterable, Codable {
    case pending, accepted, declined

    public var label: LocalizedText {
        switch self {
        case .pending: LocalizedText(nl: "In afwachting", en: "Pending")
        case .accepted: LocalizedText(nl: "Geaccepteerd", en: "Accepted")
        case .declined: LocalizedText(nl: "Afgewezen", en: "Declined")
        }
    }
}

/// The rules for transfers; pure, like the other commands.
public enum TransferCommands {
    /// Verzoek tot overdracht: the location to take over and why.
    public static let requestForm = Form(.uuid("toLocationId"), .text("reason", maxLength: 2000))
    /// The receiving location's answer; declining needs a note.
    public static let decisionForm = Form(
        .choice("decision", TransferDecision.self),
        .text("note", maxLength: 2000, required: false)
    )

    /// Location A asks location B (`toLocationId`) to take the case, with a reason.
    public static func request(
        _ input: FormInput,
        on file: CaseFile,
        pending: Bool,
        knownLocations: Set<UUID>,
        id: UUID,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: requestForm, today: today)
        if file.stage.isClosed {
            p.fail("stage", "wrongStage", nl: "Dit traject is afgesloten.", en: "This trajectory is closed.")
        }
        if pending {
            p.fail(
                "toLocationId",
                "pending",
                nl: "Er loopt al een verzoek tot overdracht.",
                en: "A transfer request is already pending."
            )
        }
        var target: UUID?
        let missing = LocalizedText(
            nl: "Kies de locatie die het traject overneemt.",
            en: "Choose the location that takes over."
        )
        if let text = p.value("toLocationId", missing: missing) {
            target = UUID(uuidString: text)
            if target == nil || !knownLocations.contains(target!) {
                p.fail("toLocationId", "unknownLocation", nl: "Kies een LVV-locatie.", en: "Choose an LVV location.")
                target = nil
            } else if target == file.locationId {
                p.fail(
                    "toLocationId",
                    "sameLocation",
                    nl: "Het traject loopt al bij deze locatie.",
                    en: "The trajectory already runs at this location."
                )
            }
        }
        let reason = p.text("reason")
        try p.finish()
        return .transferRequested(
            TransferRequest(
                id: id,
                fromLocationId: file.locationId,
                toLocationId: target!,
                reason: reason!,
                requestedOn: today
            )
        )
    }

    /// Location B accepts or declines; declining needs a reason.
    public static func decide(
        _ input: FormInput,
        on file: CaseFile,
        request: TransferRequest,
        status: TransferStatus,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: decisionForm, today: today)
        let accept = p.choice("decision", TransferDecision.self)
        let note = p.text("note")
        if status != .pending {
            p.fail(
                "decision",
                "alreadyDecided",
                nl: "Op dit verzoek is al beslist.",
                en: "This request has already been decided."
            )
        }
        if file.locationId != request.fromLocationId || file.stage.isClosed {
            p.fail(
                "decision",
                "caseChanged",
                nl: "Het traject is intussen verplaatst of afgesloten.",
                en: "The trajectory has moved or closed in the meantime."
            )
        }
        if accept == .decline && note == nil {
            p.fail("note", "required", nl: "Geef de reden van afwijzing.", en: "Give the reason for declining.")
        }
        try p.finish()
        return .transferDecided(id: request.id, accepted: accept == .accept, on: today, note: note)
    }
}

/// The receiving location's answer.
public enum TransferDecision: String, Sendable, CaseIterable, Codable {
    case accept, decline
}
