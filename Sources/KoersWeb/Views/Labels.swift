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

    static func options<T: RawRepresentable & CaseIterable>(
        _ type: T.Type,
        _ env: PageEnvironment,
        _ label: (T) -> LocalizedText
    ) -> [(String, String)] where T.RawValue == String {
        T.allCases.map { ($0.rawValue, env.t(label($0))) }
    }

    static func dateTime(_ date: Date, _ env: PageEnvironment) -> String {
        // Numbers only, so the same in both languages; a DateFormatter per call cost a tenth of a
        // case page's time (its timeline shows a moment per event).
        let c = amsterdam.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { (n ?? 0) < 10 ? "0\(n ?? 0)" : "\(n ?? 0)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    private static let amsterdam: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Day.amsterdam
        return calendar
    }()

    /// The name of a milestone from its key (`perspective`, `review-2`, `action-…`).
    static func milestoneName(_ key: String, _ env: PageEnvironment) -> String {
        if key.hasPrefix("review-") { return env.t(MilestoneKind.review.label) + " " + key.dropFirst("review-".count) }
        if key.hasPrefix("action-") { return env.t(MilestoneKind.actionItem.label) }
        return MilestoneKind(rawValue: key).map { env.t($0.label) } ?? key
    }

    /// One line describing an event for the timeline.
    /// Names what an event refers to (which procedure, which action item) from the case as the
    /// user may see it.
    static func describe(
        _ change: CaseChange,
        _ env: PageEnvironment,
        reasons: [OutflowReason],
        in view: CaseView
    ) -> String {
        switch change {
        case .referred(let r, _, let previous):
            return env.t(
                "Aangemeld via \(env.t(r.channel.label).lowercased())",
                "Referred via \(env.t(r.channel.label).lowercased())"
            )
                + (previous == nil
                    ? "" : env.t(" (terugkerende persoon, nieuw traject)", " (returning person, new trajectory)"))
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
        case .supportEnded(let id, _):
            let instrument = view.support?.first { $0.id == id }.map { ": " + env.t($0.instrument.label) } ?? ""
            return env.t("Instrument beëindigd", "Instrument ended") + instrument
        case .procedureSubmitted(let p):
            return env.t("Ingediend: ", "Submitted: ") + env.t(p.kind.label)
        case .procedureDecided(let id, let outcome, _, let reportedBy):
            let kind = view.procedures?.first { $0.id == id }.map { env.t($0.kind.label) }
            let reporter =
                reportedBy.map { env.t(" (gemeld door ", " (reported by ") + env.t($0.label).lowercased() + ")" } ?? ""
            return env.t("Beslissing op ", "Decision on ") + (kind ?? env.t("procedure", "procedure")) + ": "
                + env.t(outcome.label) + reporter
        case .outflowRecorded(let o):
            let label =
                reasons.first { $0.code == o.reasonCode }?.label ?? LocalizedText(nl: o.reasonCode, en: o.reasonCode)
            return env.t("Uitstroom: ", "Outflow: ") + env.t(label) + " (" + env.t(o.category.label).lowercased() + ")"
        case .noteAdded(let n):
            return env.t(
                "Notitie (\(env.t(n.classification.label).lowercased()))",
                "Note (\(env.t(n.classification.label).lowercased()))"
            )
        case .milestoneAdjusted(let a):
            let what = milestoneName(a.key, env)
            switch a.kind {
            case .suspend:
                return env.t("Termijn opgeschort: ", "Deadline suspended: ") + what
                    + (a.reason.map { " — " + $0 } ?? "")
            case .resume: return env.t("Termijn hervat: ", "Deadline resumed: ") + what
            case .extend:
                return env.t(
                    "Termijn verlengd tot \(a.until?.description ?? "?"): ",
                    "Deadline extended to \(a.until?.description ?? "?"): "
                ) + what + (a.reason.map { " — " + $0 } ?? "")
            case .skip:
                return env.t("Termijn vervallen: ", "Deadline skipped: ") + what + (a.reason.map { " — " + $0 } ?? "")
            }
        case .reviewHeld:
            return env.t("Besproken in het LSO", "Reviewed in the case meeting")
        case .actionItemAssigned(let item):
            return env.t(
                "Actiepunt voor \(env.t(item.party.label)) (uiterlijk \(item.dueOn)): ",
                "Action item for \(env.t(item.party.label)) (due \(item.dueOn)): "
            ) + item.text
        case .actionItemCompleted(let id, _):
            guard let item = view.actionItems?.first(where: { $0.id == id }) else {
                return env.t("Actiepunt afgerond", "Action item completed")
            }
            return env.t(
                "Actiepunt van \(env.t(item.party.label)) afgerond: ",
                "Action item for \(env.t(item.party.label)) completed: "
            )
                + item.text
        case .meetingDecisionRecorded(let d):
            return env.t("Besluit LSO: ", "Case meeting decision: ") + d.text
        case .escalated(let e):
            return env.t("Opgeschaald naar ", "Escalated to ")
                + env.t(e.label) + ": " + e.question
        case .escalationDecided(_, let decision, _):
            return env.t("Besluit na opschaling: ", "Decision after escalation: ") + decision
        case .committeeRequested(let r):
            return env.t("Voorgelegd aan de commissie schrijnende gevallen: ", "Put to the hardship committee: ")
                + r.request
        case .committeeAdvised(_, let advice, _):
            return env.t("Advies commissie: ", "Committee advice: ") + advice
        case .transferRequested(let t):
            return env.t("Overdracht aangevraagd: ", "Transfer requested: ") + t.reason
        case .transferDecided(_, let accepted, _, let note):
            return
                (accepted
                ? env.t("Overdracht geaccepteerd", "Transfer accepted")
                : env.t("Overdracht afgewezen", "Transfer declined")) + (note.map { ": " + $0 } ?? "")
        case .biometricsRecorded(let b):
            return biometrics(b, env) + (b.note.map { ": " + $0 } ?? "")
        case .duplicateResolved(let r):
            return env.t(
                "Mogelijke dubbele registratie (sterkte \(strength(r.strength, env))): ",
                "Possible duplicate registration (strength \(strength(r.strength, env))): "
            )
                + env.t(r.kind.label) + (r.note.map { " — " + $0 } ?? "")
        case .processingRestricted(let r):
            return
                (r.restricted
                ? env.t("Verwerking beperkt (art. 18 AVG): ", "Processing restricted (GDPR art. 18): ")
                : env.t("Beperking van de verwerking opgeheven: ", "Restriction of processing lifted: ")) + r.reason
        case .noteWithheld(let w):
            return w.withheld
                ? env.t(
                    "Notitie achtergehouden bij inzage (art. 15 lid 4 AVG): ",
                    "Note withheld from access (GDPR art. 15(4)): "
                )
                    + w.reason
                : env.t("Notitie weer zichtbaar bij inzage", "Note shown again in access")
        case .corrected(let c):
            return env.t("Gecorrigeerd: ", "Corrected: ") + describe(c.replacement, env, reasons: reasons, in: view)
        }
    }

    /// The free text an event carries (the note with a referral, a perspective, an instrument or an
    /// outflow), shown under its line in the timeline; the view has already removed what the user
    /// may not read.
    static func detail(_ change: CaseChange) -> String? {
        switch change {
        case .referred(let referral, _, _): referral.note
        case .perspectiveSet(let p): p.note
        case .supportStarted(let s): s.note
        case .outflowRecorded(let o): o.note
        case .corrected(let c): [detail(c.replacement), c.reason].compactMap { $0 }.joined(separator: " — ")
        default: nil
        }
    }

    /// "Biometrically identified on …, V-number confirmed", or that it was not done.
    static func biometrics(_ b: BiometricIdentification, _ env: PageEnvironment) -> String {
        guard b.identified else {
            return env.t(
                "Biometrische identificatie niet gelukt (\(b.on))",
                "Biometric identification not possible (\(b.on))"
            )
        }
        return env.t("Biometrisch geïdentificeerd op \(b.on)", "Biometrically identified on \(b.on)")
            + (b.vNumberCheck.map { ", " + env.t($0.label).lowercased() } ?? "")
    }

    /// A match strength in words.
    static func strength(_ value: String, _ env: PageEnvironment) -> String {
        value == "high" ? env.t("hoog", "high") : env.t("middel", "medium")
    }
}
