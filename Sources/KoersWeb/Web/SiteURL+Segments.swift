import Foundation
import KoersCore

extension SiteURL {
    /// The parts of the path; the names of values are the ones the controllers read from the route.
    var segments: [PathSegment] {
        switch self {
        case .home: []
        case .login: ["login"]
        case .loginCode: ["login", "code"]
        case .logout: ["logout"]
        case .language: ["language"]
        case .accessibility: ["toegankelijkheid"]
        case .stylesheet: ["static", "koers.css"]
        case .cases: ["cases"]
        case .newReferral: ["cases", "new"]
        case .caseFile(let id): ["cases", .id("id", id)]
        case .caseStep(let id, let step): ["cases", .id("id", id), PathSegment(stringLiteral: step.rawValue)]
        case .caseNotes(let id): ["cases", .id("id", id), "notes"]
        case .withholdNote(let id, let note): ["cases", .id("id", id), "notes", .id("nid", note), "withhold"]
        case .caseDuplicates(let id): ["cases", .id("id", id), "duplicates"]
        case .procedureDecision(let id, let procedure):
            ["cases", .id("id", id), "procedures", .id("pid", procedure), "decision"]
        case .milestone(let id, let key): ["cases", .id("id", id), "milestones", PathSegment("key", key)]
        case .reviews(let id): ["cases", .id("id", id), "reviews"]
        case .actionItems(let id): ["cases", .id("id", id), "action-items"]
        case .completeActionItem(let id, let item):
            ["cases", .id("id", id), "action-items", .id("aid", item), "complete"]
        case .committeeAdvice(let id, let request):
            ["cases", .id("id", id), "committee", .id("rid", request), "advice"]
        case .escalationDecision(let id, let escalation):
            ["cases", .id("id", id), "escalations", .id("eid", escalation), "decision"]
        case .endSupport(let id, let support): ["cases", .id("id", id), "support", .id("sid", support), "end"]
        case .duplicates: ["duplicates"]
        case .importMatch(let id): ["duplicates", "imports", .id("id", id)]
        case .progress: ["progress"]
        case .deadlines(let location): ["locations", .id("lid", location), "deadlines"]
        case .openActionItems: ["action-items"]
        case .inbox: ["inbox"]
        case .meetings: ["meetings"]
        case .meeting(let id): ["meetings", .id("mid", id)]
        case .minutes(let id): ["meetings", .id("mid", id), "minutes"]
        case .agenda(let id): ["meetings", .id("mid", id), "agenda"]
        case .agendaMove(let id, let direction):
            ["meetings", .id("mid", id), "agenda", PathSegment(stringLiteral: direction.rawValue)]
        case .agendaRefresh(let id): ["meetings", .id("mid", id), "agenda", "refresh"]
        case .meetingDecisions(let id): ["meetings", .id("mid", id), "decisions"]
        case .transfers: ["transfers"]
        case .transferDecision(let id): ["transfers", .id("tid", id), "decision"]
        case .monitor: ["monitor"]
        case .monitorReport: ["monitor", "report"]
        case .monitorDownload(let format): ["monitor", "download", PathSegment("format", format.rawValue)]
        default: administrationSegments
        }
    }

    private var administrationSegments: [PathSegment] {
        switch self {
        case .administration: ["admin"]
        case .municipalitiesSample: ["admin", "municipalities-sample.csv"]
        case .regions: ["admin", "regions"]
        case .municipalities: ["admin", "municipalities"]
        case .locations: ["admin", "locations"]
        case .organisations: ["admin", "organisations"]
        case .policyVersions: ["admin", "policy-versions"]
        case .twoFactor: ["admin", "two-factor"]
        case .accounts: ["admin", "accounts"]
        case .account(let id): ["admin", "accounts", .id("uid", id)]
        case .accountAction(let id, let action):
            ["admin", "accounts", .id("uid", id), PathSegment("action", action.rawValue)]
        case .history(let id): ["admin", "history", .id("oid", id)]
        case .register: ["admin", "register"]
        case .registerEntry(let activity): ["admin", "register", PathSegment("activity", activity.rawValue)]
        case .retention: ["admin", "retention"]
        case .retentionPlans: ["admin", "retention", "plans"]
        case .approvePlan(let id): ["admin", "retention", "plans", .id("id", id), "approve"]
        case .applyPlan(let id): ["admin", "retention", "plans", .id("id", id), "apply"]
        case .invitation(let token): ["invitations", PathSegment("token", token)]
        case .imports: ["imports"]
        case .importMappingExample: ["imports", "mapping-example.json"]
        case .commitImport(let id): ["imports", .id("uid", id), "commit"]
        case .reconciliations: ["reconciliations"]
        case .reconciliation(let id): ["reconciliations", .id("id", id)]
        case .reconciliationLine(let id, let line): ["reconciliations", .id("id", id), "lines", .id("line", line)]
        case .privacy: ["privacy"]
        case .subjectAccess(let person): ["privacy", "persons", .id("personId", person)]
        case .subjectAccessJSON(let person): ["privacy", "persons", .id("personId", person), "document.json"]
        case .restriction(let trajectory): ["privacy", "trajectories", .id("tid", trajectory), "restriction"]
        default: []
        }
    }
}
