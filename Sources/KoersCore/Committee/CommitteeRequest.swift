import Foundation

/// A case put to the hardship committee (commissie schrijnende gevallen): the written request and
/// the parts of the dossier the requester chose to share. The committee sees only those.
public struct CommitteeRequest: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let request: String
    public let sharedSections: [CaseSection]
    public let requestedOn: Day
    public let requestingParty: Party

    public init(id: UUID, request: String, sharedSections: [CaseSection], requestedOn: Day, requestingParty: Party) {
        self.id = id
        self.request = request
        self.sharedSections = sharedSections
        self.requestedOn = requestedOn
        self.requestingParty = requestingParty
    }
}

/// A request with the committee's advice, once given.
public struct CommitteeRecord: Sendable, Hashable {
    public let request: CommitteeRequest
    public var advice: String?
    public var advisedOn: Day?
}

/// The rules for putting a case to the committee and for its advice.
public enum CommitteeCommands {
    /// Parts of a dossier a requester may share with the committee.
    public static let shareable: [CaseSection] = [
        .identity, .admission, .perspective, .support, .procedures, .outflow, .notes, .progress,
    ]

    /// The question to the committee and the parts of the dossier it may see (at least one).
    public static let requestForm = Form(
        .text("request", maxLength: 8000),
        .choices("sharedSections", CaseSection.self, only: shareable, required: true)
    )
    /// The committee's advice.
    public static let adviceForm = Form(.text("advice", maxLength: 8000))

    public static func request(
        _ input: FormInput,
        on file: CaseFile,
        by party: Party,
        id: UUID,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: requestForm, today: today)
        if file.stage.isClosed {
            p.fail("stage", "wrongStage", nl: "Dit traject is afgesloten.", en: "This trajectory is closed.")
        }
        if file.committeeRequests.contains(where: { $0.advice == nil }) {
            p.fail(
                "request",
                "pending",
                nl: "Er ligt al een verzoek bij de commissie.",
                en: "A request is already with the committee."
            )
        }
        let text = p.text("request")
        let sections = p.choices("sharedSections", CaseSection.self)
        if sections.isEmpty && !p.hasError("sharedSections") {
            p.fail(
                "sharedSections",
                "required",
                nl: "Kies welke delen van het dossier de commissie ziet.",
                en: "Choose which parts of the dossier the committee sees."
            )
        }
        try p.finish()
        return .committeeRequested(
            CommitteeRequest(
                id: id,
                request: text!,
                sharedSections: sections,
                requestedOn: today,
                requestingParty: party
            )
        )
    }

    public static func advise(
        _ input: FormInput,
        on file: CaseFile,
        requestId: UUID,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: adviceForm, today: today)
        let advice = p.text("advice")
        if let record = file.committeeRequests.first(where: { $0.request.id == requestId }) {
            if record.advice != nil {
                p.fail(
                    "advice",
                    "alreadyAdvised",
                    nl: "De commissie heeft hierover al geadviseerd.",
                    en: "The committee has already advised on this."
                )
            }
        } else {
            p.fail("requestId", "notFound", nl: "Onbekend verzoek.", en: "Unknown request.")
        }
        try p.finish()
        return .committeeAdvised(id: requestId, advice: advice!, on: today)
    }
}
