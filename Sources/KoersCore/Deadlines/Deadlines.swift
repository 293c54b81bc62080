/// Computes a trajectory's sub-deadlines on a reference date from its events and the location's
/// policy. Nothing about a milestone's state is stored: it is derived here, every time.
public enum Deadlines {
    /// Every milestone of the case as it stood on `day`: policy milestones once admitted, and action items.
    public static func milestones(for file: some DeadlineInputs, policy: DeadlinePolicy, on day: Day) -> [Milestone] {
        var result: [Milestone] = []
        let endedOn = file.leftOn.flatMap { $0 <= day ? $0 : nil }
        if let admitted = file.admittedOn, admitted <= day {
            if let weeks = policy.perspectiveWithinWeeks {
                let decided = file.firstPerspectiveOn
                result.append(
                    evaluate(
                        key: "perspective",
                        kind: .perspective,
                        planned: admitted.adding(days: 7 * weeks),
                        metOn: decided,
                        file: file,
                        on: day,
                        endedOn: endedOn
                    )
                )
            }
            if let weeks = policy.reviewEveryWeeks {
                result += reviews(every: weeks, from: admitted, file: file, on: day, endedOn: endedOn)
            }
            if let months = policy.maximumStayMonths {
                // Leaving is what this milestone asks for, so the outflow meets it.
                result.append(
                    evaluate(
                        key: "maximumStay",
                        kind: .maximumStay,
                        planned: admitted.adding(months: months),
                        metOn: file.leftOn,
                        file: file,
                        on: day,
                        endedOn: nil
                    )
                )
            }
        }
        for item in file.actionItems where item.assignedOn <= day {
            result.append(
                evaluate(
                    key: item.milestoneKey,
                    kind: .actionItem,
                    planned: item.dueOn,
                    metOn: item.completedOn,
                    file: file,
                    on: day,
                    endedOn: endedOn,
                    title: item.text,
                    party: item.party
                )
            )
        }
        return result
    }

    /// Reviews fall due every `weeks` after admission, and after each review held.
    private static func reviews(
        every weeks: Int,
        from admitted: Day,
        file: some DeadlineInputs,
        on day: Day,
        endedOn: Day?
    ) -> [Milestone] {
        var result: [Milestone] = []
        var base = admitted
        let held = file.reviews.sorted()
        for number in 1...1000 {
            let review = held.first { $0 > base }
            let milestone = evaluate(
                key: "review-\(number)",
                kind: .review,
                planned: base.adding(days: 7 * weeks),
                metOn: review,
                file: file,
                on: day,
                endedOn: endedOn
            )
            result.append(milestone)
            if milestone.state == .met, let next = milestone.metOn {
                base = next
            } else if milestone.state == .skipped, endedOn == nil,
                let skipped = skipDay("review-\(number)", file, on: day)
            {
                // Skipping one review starts the next cycle from the day it was skipped.
                base = skipped
            } else {
                break
            }
        }
        return result
    }

    /// The day a milestone was skipped, if it was by `day`.
    static func skipDay(_ key: String, _ file: some DeadlineInputs, on day: Day) -> Day? {
        file.adjustments.first { $0.key == key && $0.kind == .skip && $0.on <= day }?.on
    }

    /// One milestone: its adjustments applied in order, then its state on `day`.
    static func evaluate(
        key: String,
        kind: MilestoneKind,
        planned: Day,
        metOn: Day?,
        file: some DeadlineInputs,
        on day: Day,
        endedOn: Day?,
        title: String? = nil,
        party: Party? = nil
    ) -> Milestone {
        var due = planned
        var suspendedSince: Day?
        var extended = false
        var skipped: Day?
        var reason: String?
        for adjustment in file.adjustments where adjustment.key == key && adjustment.on <= day {
            switch adjustment.kind {
            case .suspend:
                if suspendedSince == nil { suspendedSince = adjustment.on }
                reason = adjustment.reason
            case .resume:
                // The clock stood still while suspended: the due date moves by that many days.
                if let since = suspendedSince { due = due.adding(days: since.days(until: adjustment.on)) }
                suspendedSince = nil
            case .extend:
                if let until = adjustment.until { due = until }
                extended = true
                reason = adjustment.reason
            case .skip:
                skipped = skipped ?? adjustment.on
                reason = adjustment.reason
            }
        }
        let state: MilestoneState
        var met: Day?
        // A skip is final: what happens after it does not meet the skipped milestone.
        if let metOn, metOn <= day, skipped.map({ metOn <= $0 }) ?? true {
            state = .met
            met = metOn
        } else if skipped != nil {
            state = .skipped
        } else if endedOn != nil {
            state = .skipped
            reason = reason ?? "—"
        } else if let since = suspendedSince {
            state = .suspended
            due = due.adding(days: since.days(until: day))
        } else if day > due {
            state = .overdue
        } else if extended {
            state = .extended
        } else {
            state = .scheduled
        }
        return Milestone(
            key: key,
            kind: kind,
            title: title,
            plannedOn: planned,
            dueOn: due,
            state: state,
            metOn: met,
            reason: reason,
            party: party
        )
    }
}
