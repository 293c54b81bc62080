import Foundation

/// A rung of the escalation ladder above the case meeting (opschalingsladder).
public struct EscalationLevel: Sendable, Hashable, Codable {
    public let code: String
    public let label: LocalizedText

    public init(code: String, label: LocalizedText) {
        self.code = code
        self.label = label
    }

    /// The first policy version's ladder: LSO → local steering group → national escalation meeting.
    /// Later versions may add rungs and rename them (``NationalPolicy/escalationLadder``).
    public static let defaultLadder: [EscalationLevel] = [
        EscalationLevel(
            code: "steeringGroup",
            label: LocalizedText(nl: "Lokale stuurgroep", en: "Local steering group")
        ),
        EscalationLevel(
            code: "national",
            label: LocalizedText(nl: "Landelijk escalatieoverleg", en: "National escalation meeting")
        ),
    ]

    /// The rung with this code on a ladder.
    public static func named(_ code: String, in ladder: [EscalationLevel]) -> EscalationLevel? {
        ladder.first { $0.code == code }
    }
}

/// Opschaling: a stuck case put to a body with decision authority, with a question and a proposed decision.
public struct Escalation: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let level: String
    public let question: String
    public let proposedDecision: String
    public let escalatedOn: Day
    /// The rung's name under the policy version in force when the case was escalated; absent in
    /// escalations recorded before the ladder had versions.
    public let levelLabel: LocalizedText?

    public init(
        id: UUID,
        level: String,
        question: String,
        proposedDecision: String,
        escalatedOn: Day,
        levelLabel: LocalizedText? = nil
    ) {
        self.id = id
        self.level = level
        self.question = question
        self.proposedDecision = proposedDecision
        self.escalatedOn = escalatedOn
        self.levelLabel = levelLabel
    }

    /// The rung's name as it was when the case was escalated.
    public var label: LocalizedText {
        levelLabel ?? EscalationLevel.named(level, in: EscalationLevel.defaultLadder)?.label
            ?? LocalizedText(nl: level, en: level)
    }
}

/// An escalation with the body's decision, once taken.
public struct EscalationRecord: Sendable, Hashable {
    public let escalation: Escalation
    public var decision: String?
    public var decidedOn: Day?

    /// Days from escalation to decision, once decided.
    public var daysToDecision: Int? { decidedOn.map { escalation.escalatedOn.days(until: $0) } }
}

/// The rules for escalating and deciding.
public enum EscalationCommands {
    /// Opschaling: a level of the ladder, the question and the proposed decision.
    public static let escalateForm = Form(
        FieldSpec(
            "level",
            .text(maxLength: 40),
            required: true,
            summary: "The code of a rung of the escalation ladder in force (GET /escalation-levels)"
        ),
        .text("question", maxLength: 4000),
        .text("proposedDecision", maxLength: 4000)
    )
    /// The body's decision.
    public static let decisionForm = Form(.text("decision", maxLength: 4000))

    /// The regievoerder puts the case to a level of the ladder; one escalation runs at a time, and
    /// a case goes up the ladder, never down. The ladder is the one in force today.
    public static func escalate(
        _ input: FormInput,
        on file: CaseFile,
        id: UUID,
        ladder: [EscalationLevel],
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: escalateForm, today: today)
        if file.stage.isClosed {
            p.fail("stage", "wrongStage", nl: "Dit traject is afgesloten.", en: "This trajectory is closed.")
        }
        if file.escalations.contains(where: { $0.decision == nil }) {
            p.fail("level", "pending", nl: "Er loopt al een opschaling.", en: "An escalation is already running.")
        }
        var level: EscalationLevel?
        if let code = p.value("level", missing: LocalizedText(nl: "Kies het niveau.", en: "Choose the level.")) {
            level = EscalationLevel.named(code, in: ladder)
            if level == nil {
                p.fail("level", "unknownCode", nl: "Onbekend niveau.", en: "Unknown level.")
            } else if let highest = file.escalations.compactMap({ r in
                ladder.firstIndex { $0.code == r.escalation.level }
            }).max(),
                let index = ladder.firstIndex(of: level!), index < highest
            {
                p.fail(
                    "level",
                    "downTheLadder",
                    nl: "Opschalen gaat de ladder op: kies hetzelfde of een hoger niveau.",
                    en: "Escalation goes up the ladder: choose the same or a higher level."
                )
            }
        }
        let question = p.text("question")
        let proposal = p.text("proposedDecision")
        try p.finish()
        return .escalated(
            Escalation(
                id: id,
                level: level!.code,
                question: question!,
                proposedDecision: proposal!,
                escalatedOn: today,
                levelLabel: level!.label
            )
        )
    }

    /// The body's decision.
    public static func decide(
        _ input: FormInput,
        on file: CaseFile,
        escalationId: UUID,
        today: Day
    ) throws(ValidationFailure) -> CaseChange {
        var p = Parser(input, form: decisionForm, today: today)
        let decision = p.text("decision")
        if let record = file.escalations.first(where: { $0.escalation.id == escalationId }) {
            if record.decision != nil {
                p.fail(
                    "decision",
                    "alreadyDecided",
                    nl: "Hierover is al besloten.",
                    en: "This has already been decided."
                )
            }
        } else {
            p.fail("escalationId", "notFound", nl: "Onbekende opschaling.", en: "Unknown escalation.")
        }
        try p.finish()
        return .escalationDecided(id: escalationId, decision: decision!, on: today)
    }
}
