import Foundation
import HTTPTypes
import KoersCore

extension SiteURL {
    /// What answers at a route: a page a person reads, a file to download, a redirect, or a form's target.
    enum Answer: String, Sendable {
        case page, download, redirect, form
    }

    /// One route of the web application.
    struct Route: Sendable {
        let method: HTTPRequest.Method
        let url: SiteURL
        let answer: Answer
    }

    /// Every route of the web application, in the order a reader meets them. The router's test holds the
    /// router to this list, and the browser crawl (`koers routes`) checks that it reached every page.
    static var routes: [Route] {
        let k = UUID.routeKey
        var all: [Route] = [
            get(.home, .redirect), get(.login), post(.login), get(.loginCode), post(.loginCode), post(.logout),
            get(.language, .redirect), get(.accessibility), get(.stylesheet, .download),
            get(.cases), post(.cases), get(.newReferral), get(.caseFile(k)),
        ]
        for step in CaseStep.allCases {
            all += [get(.caseStep(k, step)), post(.caseStep(k, step))]
        }
        all += [
            post(.caseNotes(k)), get(.withholdNote(k, note: k)), post(.withholdNote(k, note: k)),
            post(.caseDuplicates(k)), get(.procedureDecision(k, procedure: k)),
            post(.procedureDecision(k, procedure: k)), post(.milestone(k, key: "")), post(.reviews(k)),
            post(.actionItems(k)), post(.completeActionItem(k, item: k)), post(.committeeAdvice(k, request: k)),
            post(.escalationDecision(k, escalation: k)), post(.endSupport(k, support: k)),
            get(.duplicates), post(.importMatch(k)), get(.progress), get(.deadlines(location: k)),
            post(.deadlines(location: k)), get(.openActionItems), get(.inbox),
            get(.meetings), post(.meetings), get(.meeting(k)), get(.minutes(k)), post(.agenda(k)),
            post(.agendaRefresh(k)), post(.meetingDecisions(k)),
        ]
        all += AgendaDirection.allCases.map { post(.agendaMove(k, $0)) }
        all += [
            get(.transfers), post(.transferDecision(k)),
            get(.monitor), get(.monitorReport), get(.monitorDownload(.csv), .download),
            get(.administration), get(.municipalitiesSample, .download), post(.regions), post(.municipalities),
            post(.locations), post(.organisations), post(.policyVersions), post(.twoFactor), post(.accounts),
            get(.account(k)), post(.accountAction(k, .reset)), get(.history(k)), get(.register),
            get(.registerEntry(.read)), post(.registerEntry(.read)), get(.retention), post(.retentionPlans),
            post(.approvePlan(k)), post(.applyPlan(k)), get(.invitation(token: "")), post(.invitation(token: "")),
            get(.imports), post(.imports), get(.importMappingExample, .download), post(.commitImport(k)),
            get(.reconciliations), post(.reconciliations), get(.reconciliation(k)),
            post(.reconciliationLine(k, line: k)),
            get(.privacy), get(.subjectAccess(person: k)), get(.subjectAccessJSON(person: k), .download),
            get(.restriction(trajectory: k)), post(.restriction(trajectory: k)),
        ]
        return all
    }

    private static func get(_ url: SiteURL, _ answer: Answer = .page) -> Route {
        Route(method: .get, url: url, answer: answer)
    }

    private static func post(_ url: SiteURL) -> Route { Route(method: .post, url: url, answer: .form) }
}

/// The web application's routes for tools outside the library: `koers routes` prints them for the browser crawl.
public enum WebRoutes {
    /// Each route as its method, its pattern (`:name` where a value goes) and what answers: `page`, `download`,
    /// `redirect` or `form`.
    public static var all: [(method: String, pattern: String, answer: String)] {
        SiteURL.routes.map { ($0.method.rawValue, $0.url.route, $0.answer.rawValue) }
    }
}
