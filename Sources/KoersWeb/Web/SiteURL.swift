import Foundation
import KoersCore

/// Every address of the web application, one case per page or form target.
///
/// The router registers each route from ``route`` (with `:name` where a value goes) and every link, form action
/// and redirect is written from ``path``, so an address is spelled in one place and a renamed route cannot leave
/// a link behind. ``SiteURL/routes`` lists them all with their method, for the router's test and the browser crawl.
enum SiteURL: Hashable, Sendable {
    case home
    case login
    case loginCode
    case logout
    case language
    /// Toegankelijkheidsverklaring: the accessibility statement.
    case accessibility
    case stylesheet

    case cases
    case newReferral
    case caseFile(UUID)
    /// A form of the case with its own page: `/cases/:id/<step>`.
    case caseStep(UUID, CaseStep)
    case caseNotes(UUID)
    case withholdNote(UUID, note: UUID)
    case caseDuplicates(UUID)
    case procedureDecision(UUID, procedure: UUID)
    case milestone(UUID, key: String)
    case reviews(UUID)
    case actionItems(UUID)
    case completeActionItem(UUID, item: UUID)
    case committeeAdvice(UUID, request: UUID)
    case escalationDecision(UUID, escalation: UUID)
    case endSupport(UUID, support: UUID)

    case duplicates
    case importMatch(UUID)
    case progress
    case deadlines(location: UUID)
    case openActionItems
    case inbox
    case meetings
    case meeting(UUID)
    case minutes(UUID)
    case agenda(UUID)
    case agendaMove(UUID, AgendaDirection)
    case agendaRefresh(UUID)
    case meetingDecisions(UUID)
    case transfers
    case transferDecision(UUID)

    case monitor
    case monitorReport
    case monitorDownload(MonitorFormat)

    case administration
    case municipalitiesSample
    case regions
    case municipalities
    case locations
    case organisations
    case policyVersions
    case twoFactor
    case accounts
    case account(UUID)
    case accountAction(UUID, AccountAction)
    case history(UUID)
    case register
    case registerEntry(ProcessingActivity)
    case retention
    case retentionPlans
    case approvePlan(UUID)
    case applyPlan(UUID)
    case invitation(token: String)

    case imports
    case importMappingExample
    case commitImport(UUID)
    case reconciliations
    case reconciliation(UUID)
    case reconciliationLine(UUID, line: UUID)

    case privacy
    case subjectAccess(person: UUID)
    case subjectAccessJSON(person: UUID)
    case restriction(trajectory: UUID)

    /// Case forms that have a page of their own under `/cases/:id/`.
    enum CaseStep: String, CaseIterable, Sendable {
        case intake, perspective, support, procedures, biometrics, outflow, committee, escalate, restrict
        case transfer, admission
        case returnReferral = "return"
    }

    /// Moving an item on a meeting's agenda.
    enum AgendaDirection: String, CaseIterable, Sendable { case up, down }

    /// The monitor's downloads.
    enum MonitorFormat: String, CaseIterable, Sendable { case csv, xlsx, json }

    /// What the administrator does to an account.
    enum AccountAction: String, CaseIterable, Sendable { case reset, move, disable, enable }

    /// The address for a link, a form's action or a redirect.
    var path: String { "/" + segments.map(\.value).joined(separator: "/") }

    /// The pattern the router registers: the path with `:name` in place of each value.
    var route: String { "/" + segments.map(\.key).joined(separator: "/") }

    /// The path with a query; values are percent-encoded, empty ones left out.
    func with(_ query: [(String, String)]) -> String {
        let pairs = query.filter { !$0.1.isEmpty }.map { Self.encoded($0.0) + "=" + Self.encoded($0.1) }
        return pairs.isEmpty ? path : path + "?" + pairs.joined(separator: "&")
    }

    /// Everything but the unreserved characters is encoded, so `&`, `=`, `+` and `/` in a value stay in it.
    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn: "-._~").union(
        CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    )

    /// The path to a place on the page.
    func at(_ fragment: String) -> String { path + "#" + fragment }
}

/// One part of a path: fixed text, or a value the router names.
struct PathSegment: ExpressibleByStringLiteral, Sendable {
    let value: String
    let key: String

    init(stringLiteral text: String) {
        value = text
        key = text
    }

    init(_ name: String, _ value: String) {
        self.value = value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? value
        key = ":" + name
    }

    static func id(_ name: String, _ id: UUID) -> PathSegment { PathSegment(name, id.uuidString.lowercased()) }
}

extension UUID {
    /// A stand-in value for building a route's pattern, where the value itself is not used.
    static let routeKey = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}
