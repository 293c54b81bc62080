import Foundation
import KoersStore
import Plot
import Testing

@testable import KoersCore
@testable import KoersWeb

/// Pages that list across cases show a bounded number of rows, however large a location grows.
@Suite("Bounded pages")
struct BoundedPagesTests {
    static let env = PageEnvironment(language: .nl, actor: nil, csrfToken: "t", path: "/progress")

    static func entries(_ count: Int) -> [ProgressReport.Entry] {
        (0..<count).map { i in
            let day = Day("2026-01-01")!.adding(days: i)
            let milestone = Milestone(
                key: "perspective",
                kind: .perspective,
                title: nil,
                plannedOn: day,
                dueOn: day,
                state: .overdue,
                metOn: nil,
                reason: nil,
                party: nil
            )
            return ProgressReport.Entry(trajectoryId: UUID(), name: "Persoon \(i)", milestone: milestone)
        }
    }

    static func html(_ node: Node<HTML.BodyContext>) -> String {
        HTML(.body(node)).render()
    }

    @Test("A milestone list shows a page of 100 with a pager")
    func pagedList() {
        let all = Self.entries(250)
        let last = Self.html(
            ProgressPage.table(
                Self.env,
                id: "overdue",
                title: "Verlopen",
                list: CaseService.page(all, 3),
                href: { "/p?o=\($0)" }
            )
        )
        #expect(PageChecks.count("<tr>", in: last) == 50 + 1, "50 rows and the header")
        #expect(last.contains("Pagina 3 van 3") && last.contains("href=\"/p?o=2\"") && !last.contains("/p?o=4"))
        #expect(last.contains("Verlopen (250)") && last.contains("Persoon 249") && !last.contains("Persoon 199<"))
        let first = Self.html(
            ProgressPage.table(
                Self.env,
                id: "overdue",
                title: "Verlopen",
                list: CaseService.page(all, 1),
                href: { "/p?o=\($0)" }
            )
        )
        #expect(PageChecks.count("<tr>", in: first) == 100 + 1)
        // Without a pager (the inbox) the list says how many there are and where to see them.
        let inbox = Self.html(
            ProgressPage.table(
                Self.env,
                id: "inbox-overdue",
                title: "Verlopen",
                list: CaseService.page(all, 1),
                more: ("Alle in Voortgang", "/progress")
            )
        )
        #expect(PageChecks.count("<tr>", in: inbox) == 100 + 1)
        #expect(inbox.contains("De eerste 100 van 250.") && inbox.contains("href=\"/progress\""))
    }

    @Test("The inbox shows the soonest 50 action items and links to all of them")
    func inboxActionItems() {
        let items = (0..<120).map { i in
            (
                trajectoryId: UUID(), name: "Persoon \(i)",
                item: ActionItem(
                    id: UUID(),
                    party: .ngo,
                    text: "Actie \(i)",
                    dueOn: Day("2026-07-01")!,
                    assignedOn: Day("2026-06-01")!,
                    meetingId: nil
                )
            )
        }
        let page = MeetingPages.actionItems(
            Self.env,
            party: .ngo,
            items: OpenActionItems(items: Array(items.prefix(50)), total: 120),
            today: Day("2026-06-15")!
        )
        let html = page.map { HTML(.body($0)).render() }.joined()
        #expect(PageChecks.count("<tr", in: html) == 50 + 1)
        #expect(html.contains("De eerste 50 van 120.") && html.contains("href=\"/action-items\""))
    }

    @Test("Past the count cap a list's heading and pager say 'more than'")
    func cappedList() {
        let page = ProgressReport.Page(entries: Self.entries(100), total: CaseStore.countCap + 1, page: 2)
        let html = Self.html(
            ProgressPage.table(Self.env, id: "overdue", title: "Verlopen", list: page, href: { "/p?o=\($0)" })
        )
        #expect(html.contains("Verlopen (meer dan 1000)") && html.contains("Pagina 2<"))
        #expect(html.contains("href=\"/p?o=3\"") && html.contains("href=\"/p?o=1\""))
    }

    @Test("A case list past the count cap says 'more than' instead of a total")
    func cappedCount() {
        let env = PageEnvironment(language: .nl, actor: nil, csrfToken: "t", path: "/cases")
        let html = CaseListPage.render(
            env,
            filters: FormInput(),
            items: [],
            total: CaseStore.countCap + 1,
            page: 1,
            pageSize: 50
        )
        .map { HTML(.body($0)).render() }.joined()
        #expect(html.contains("Meer dan 1000 dossiers gevonden; verfijn de zoekopdracht."))
    }
}
