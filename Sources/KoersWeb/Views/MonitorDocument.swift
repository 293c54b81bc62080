import Foundation
import KoersCore
import KoersMonitor

/// The printable monitor report as a standalone HTML document, for `koers monitor --format html`.
public enum MonitorDocument {
    public static func html(_ report: MonitorReport, language: Language, today: Day) -> String {
        let env = PageEnvironment(language: language, actor: nil, csrfToken: "", path: SiteURL.monitorReport.path)
        let body = MonitorPage.render(env, report: report, printable: true, today: today)
        let css = "<style>" + Stylesheet.css + "</style>"
        return Layout.document(env, title: env.t("Monitor LVV", "LVV monitor"), main: body)
            .replacingOccurrences(of: "<link rel=\"stylesheet\" href=\"\(SiteURL.stylesheet.path)\"/>", with: css)
    }
}
