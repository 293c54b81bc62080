import Foundation
import KoersCore

/// Display wording for codes and dates, in the page's language.
enum Labels {
    static func country(_ code: String, _ env: PageEnvironment) -> String {
        Country.named(code)?.name(env.language) ?? code
    }

    static func countryOptions(_ env: PageEnvironment) -> [(String, String)] {
        Country.all.map { ($0.code, "\($0.name(env.language)) (\($0.code))") }
            .sorted { $0.1.localizedStandardCompare($1.1) == .orderedAscending }
    }

    static func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ env: PageEnvironment, _ label: (T) -> LocalizedText) -> [(String, String)] where T.RawValue == String {
        T.allCases.map { ($0.rawValue, env.t(label($0))) }
    }

    static func dateTime(_ date: Date, _ env: PageEnvironment) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: env.language == .en ? "en_GB" : "nl_NL")
        f.timeZone = Day.amsterdam
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }

    /// One line describing an event for the timeline.
    static func describe(_ change: CaseChange, _ env: PageEnvironment, reasons: [OutflowReason]) -> String {
        switch change {
        case .referred(let r, _, let previous):
            return env.t("Aangemeld via \(env.t(r.channel.label).lowercased())", "Referred via \(env.t(r.channel.label).lowercased())") + (previous == nil ? "" : env.t(" (terugkerende persoon, nieuw traject)", " (returning person, new trajectory)"))
        case .intakeRecorded:
            return env.t("Intake vastgelegd", "Intake recorded")
        case .admissionDecided(let d):
            var text = env.t("Toelatingsbesluit: ", "Admission decision: ") + env.t(d.outcome.label)
            if let reason = d.rejectionReason { text += " — " + env.t(reason.label) }
            return text
        case .perspectiveSet(let p):
            return env.t("Perspectief: ", "Perspective: ") + env.t(p.perspective.label)
        case .supportStarted(let s):
            return env.t("Gestart: ", "Started: ") + env.t(s.instrument.label)
        case .supportEnded:
            return env.t("Instrument beëindigd", "Instrument ended")
        case .procedureSubmitted(let p):
            return env.t("Ingediend: ", "Submitted: ") + env.t(p.kind.label)
        case .procedureDecided(_, let outcome, _):
            return env.t("Beslissing op procedure: ", "Decision on procedure: ") + env.t(outcome.label)
        case .outflowRecorded(let o):
            let label = reasons.first { $0.code == o.reasonCode }?.label ?? LocalizedText(nl: o.reasonCode, en: o.reasonCode)
            return env.t("Uitstroom: ", "Outflow: ") + env.t(label) + " (" + env.t(o.category.label).lowercased() + ")"
        case .noteAdded(let n):
            return env.t("Notitie (\(env.t(n.classification.label).lowercased()))", "Note (\(env.t(n.classification.label).lowercased()))")
        }
    }
}
