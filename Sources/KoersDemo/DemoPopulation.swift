import Foundation
import KoersCore
import KoersStore

/// A realistic demo population: people of the nationalities the LVV sees, referred over the
/// last three years, each trajectory carried as far as its dates allow — referral, intake,
/// admission or rejection, perspectives, support, procedures (HASA decided in seven of ten),
/// outflow — and some returning for a second trajectory. Deterministic for a seed.
public struct DemoPopulation {
    /// One generated trajectory, as events to be written.
    struct Case: Sendable {
        let trajectoryId: UUID
        let personId: UUID
        let locationId: UUID
        let previousTrajectoryId: UUID?
        var events: [(change: CaseChange, actor: Actor, recordedAt: Date)]

        /// The history as the store's bulk writer takes it.
        var history: CaseHistory {
            CaseHistory(
                personId: personId,
                trajectoryId: trajectoryId,
                locationId: locationId,
                previousTrajectoryId: previousTrajectoryId,
                events: caseEvents()
            )
        }

        /// The events as stored, numbered from 1, each taking effect on its own day or the day recorded.
        func caseEvents() -> [CaseEvent] {
            events.enumerated().map { i, e in
                CaseEvent(
                    id: UUID.timeOrdered(),
                    trajectoryId: trajectoryId,
                    sequence: i + 1,
                    change: e.change,
                    userId: e.actor.userId,
                    userName: e.actor.displayName,
                    organisationId: e.actor.organisationId,
                    organisationName: e.actor.organisationName,
                    party: e.actor.party,
                    recordedAt: e.recordedAt,
                    effectiveOn: e.change.effectiveOn ?? Day(e.recordedAt)
                )
            }
        }
    }

    let accounts: [DemoNetwork.Account]
    let today: Day
    var random: SeededRandom
    /// Actors by location and party.
    let actors: [UUID: [Party: Actor]]
    let locationWeights: [(UUID, Double)]
    /// Each location's sub-deadline policy, so the demo's reviews and deadlines follow it.
    let policies: [UUID: DeadlinePolicy]

    public init(accounts: [DemoNetwork.Account], today: Day, seed: UInt64) {
        self.accounts = accounts
        self.today = today
        random = SeededRandom(seed: seed)
        var byLocation: [UUID: [Party: Actor]] = [:]
        for account in accounts where account.location != nil {
            for location in account.actor.locationIds {
                byLocation[location, default: [:]][account.party] = account.actor
            }
        }
        actors = byLocation
        var names: [UUID: String] = [:]
        for account in accounts {
            if let name = account.location, let id = account.actor.locationIds.first { names[id] = name }
        }
        // Ordered by name, so the same seed gives the same population whatever ids the database gave.
        locationWeights = names.sorted { $0.value < $1.value }.map { ($0.key, Self.cityWeights[$0.value] ?? 10) }
        var policies: [UUID: DeadlinePolicy] = [:]
        for (id, name) in names {
            policies[id] = DemoNetwork.cities.first { $0.name == name }?.deadlines ?? DeadlinePolicy.noDeadlines
        }
        self.policies = policies
    }

    static let nationalityWeights: [(String, Double)] = [
        ("ERI", 12), ("AFG", 10), ("IRN", 8), ("SOM", 7), ("IRQ", 7), ("SYR", 5), ("ETH", 5), ("SDN", 5), ("NGA", 6),
        ("GIN", 5),
        ("MAR", 6), ("DZA", 5), ("GEO", 3), ("TUR", 3), ("PAK", 3), ("YEM", 2), ("LBY", 2), ("CMR", 3), ("SLE", 2),
        ("MNG", 1),
    ]

    /// Generates `count` persons (a few with a second trajectory).
    mutating func generate(count: Int) -> [Case] {
        var cases: [Case] = []
        cases.reserveCapacity(count + count / 20)
        let start = today.adding(days: -3 * 365)
        for _ in 0..<count {
            let location = locationFor()
            let identity = makeIdentity()
            // Most referrals spread over three years; some arrived in the last fortnight and wait for intake.
            let referred =
                random.chance(0.05)
                ? today.adding(days: -random.int(0...13))
                : start.adding(days: random.int(0...(start.days(until: today) - 1)))
            var c = trajectory(
                personId: UUID.timeOrdered(),
                location: location,
                identity: identity,
                referredOn: referred,
                previous: nil
            )
            cases.append(c)
            // About one in twenty-five who leave come back later for a new trajectory.
            if let end = endDay(of: c), random.chance(0.04) {
                let back = end.adding(days: 30 + random.days(mean: 200))
                if back < today {
                    c = trajectory(
                        personId: c.personId,
                        location: location,
                        identity: identity,
                        referredOn: back,
                        previous: c.trajectoryId
                    )
                    cases.append(c)
                }
            }
        }
        return cases
    }

    /// Share of people per city, roughly as the pilot's cities differed in size.
    static let cityWeights: [String: Double] = [
        "LVV Amsterdam": 30, "LVV Utrecht": 25, "LVV Rotterdam": 20, "LVV Groningen": 13, "LVV Eindhoven": 12,
    ]

    private mutating func locationFor() -> UUID {
        random.weighted(locationWeights)
    }

    mutating func makeIdentity(femaleShare: Double = 0.27) -> Identity {
        let nationality = random.weighted(Self.nationalityWeights)
        let pool = DemoNames.pools[nationality] ?? DemoNames.pools["ERI"]!
        let gender: Gender = random.chance(femaleShare) ? .female : .male
        var given = random.pick(gender == .female ? pool.female : pool.male)
        var surname = random.pick(pool.surnames)
        var aliases: [String] = []
        if !pool.variants.isEmpty && random.chance(0.3) {
            let (a, b) = random.pick(pool.variants)
            if random.chance(0.5) {
                given = a
                aliases.append("\(b) \(surname)")
            } else {
                surname = a
                aliases.append("\(given) \(b)")
            }
        }
        let year = today.year - random.int(19...62)
        let birth: PartialDate?
        switch random.int(0...19) {
        case 0...9: birth = PartialDate(year: year, month: random.int(1...12), day: random.int(1...28))
        case 10...12: birth = PartialDate(year: year, month: 1, day: 1)
        case 13...16: birth = PartialDate(year: year)
        case 17...18: birth = PartialDate(year: year, month: random.int(1...12))
        default: birth = nil
        }
        let vNumber =
            random.chance(0.8) ? VNumber(String(format: "%010d", random.int(1_000_000_000...2_099_999_999))) : nil
        return Identity(
            givenNames: given,
            surname: surname,
            aliases: aliases,
            birthDate: birth,
            nationality: nationality,
            gender: gender,
            vNumber: vNumber
        )
    }

    private func endDay(of c: Case) -> Day? {
        for event in c.events.reversed() {
            if case .outflowRecorded(let o) = event.change { return o.leftOn }
            if case .admissionDecided(let d) = event.change, d.outcome == .reject { return d.decidedOn }
        }
        return nil
    }

    func moment(_ day: Day) -> Date {
        // Recorded on the effective day at a working hour (UTC noon keeps it on the same day in NL),
        // but never later than now: today's events must not be recorded in the future.
        min(Date(timeIntervalSince1970: Double(day.ordinal) * 86400 + 12 * 3600), Date())
    }

    /// Case coordination while the trajectory runs: reviews at the location's rhythm, sometimes a
    /// suspended, extended or skipped deadline, and action items for the parties.
    mutating func coordinate(_ c: inout Case, admitted: Day, until end: Day, municipality: Actor, ngo: Actor) {
        func add(_ change: CaseChange, _ actor: Actor, _ day: Day) { c.events.append((change, actor, moment(day))) }
        let policy = policies[c.locationId] ?? DeadlinePolicy.noDeadlines
        if let weeks = policy.reviewEveryWeeks {
            var day = admitted.adding(days: 7 * weeks + random.int(-10...20))
            // Each review held or skipped closes one cycle, as `Deadlines` counts them.
            var cycle = 1
            while day < end {
                if random.chance(0.08) {
                    add(
                        .milestoneAdjusted(
                            MilestoneAdjustment(
                                key: "review-\(cycle)",
                                kind: .skip,
                                on: day,
                                until: nil,
                                reason: "Besproken in het stuurgroepoverleg"
                            )
                        ),
                        municipality,
                        day
                    )
                } else {
                    add(.reviewHeld(on: day, meetingId: nil), municipality, day)
                }
                cycle += 1
                day = day.adding(days: 7 * weeks + random.int(-5...25))
            }
        }
        if policy.perspectiveWithinWeeks != nil, admitted.adding(days: 20) < end, random.chance(0.15) {
            let from = admitted.adding(days: random.int(5...20))
            add(
                .milestoneAdjusted(
                    MilestoneAdjustment(
                        key: "perspective",
                        kind: .suspend,
                        on: from,
                        until: nil,
                        reason: "Opname in het ziekenhuis"
                    )
                ),
                municipality,
                from
            )
            let back = from.adding(days: random.int(10...60))
            if back < end && random.chance(0.6) {
                add(
                    .milestoneAdjusted(
                        MilestoneAdjustment(key: "perspective", kind: .resume, on: back, until: nil, reason: nil)
                    ),
                    municipality,
                    back
                )
            }
        } else if let weeks = policy.perspectiveWithinWeeks, admitted.adding(days: 7 * weeks - 5) < end,
            random.chance(0.12)
        {
            let on = admitted.adding(days: 7 * weeks - 5)
            add(
                .milestoneAdjusted(
                    MilestoneAdjustment(
                        key: "perspective",
                        kind: .extend,
                        on: on,
                        until: on.adding(days: random.int(30...90)),
                        reason: "Wacht op het IND-besluit"
                    )
                ),
                municipality,
                on
            )
        }
        if random.chance(0.3) {
            let assigned = end.adding(days: -random.int(0...40))
            guard assigned >= admitted else { return }
            let party: Party = random.weighted([(.ngo, 35), (.ind, 25), (.dtv, 20), (.avim, 10), (.municipality, 10)])
            let texts: [Party: String] = [
                .ngo: "Gesprek over perspectief voorbereiden", .ind: "Juridische screening afronden",
                .dtv: "Vertrekgesprek plannen",
                .avim: "Identiteitsonderzoek starten", .municipality: "Zorgaanbod regelen",
            ]
            let item = ActionItem(
                id: UUID(),
                party: party,
                text: texts[party]!,
                dueOn: assigned.adding(days: random.int(7...35)),
                assignedOn: assigned,
                meetingId: nil
            )
            add(.actionItemAssigned(item), municipality, assigned)
            let done = assigned.adding(days: random.int(3...30))
            if done <= end && random.chance(0.5) {
                add(.actionItemCompleted(id: item.id, on: done), party == .ngo ? ngo : municipality, done)
            }
        }
    }

    /// One trajectory, carried forward until its next step would fall after today.
    private mutating func trajectory(
        personId: UUID,
        location: UUID,
        identity: Identity,
        referredOn: Day,
        previous: UUID?
    ) -> Case {
        let ngo = actors[location]![.ngo]!
        let municipality = actors[location]![.municipality]!
        let ind = actors[location]![.ind]!
        var c = Case(
            trajectoryId: UUID.timeOrdered(),
            personId: personId,
            locationId: location,
            previousTrajectoryId: previous,
            events: []
        )
        func add(_ change: CaseChange, _ actor: Actor, _ day: Day) { c.events.append((change, actor, moment(day))) }

        let channel: ReferralChannel = random.weighted([
            (.ngo, 60), (.municipality, 20), (.desk, 15), (.selfReferral, 5),
        ])
        add(
            .referred(
                Referral(channel: channel, referredOn: referredOn, note: nil),
                identity: identity,
                previousTrajectoryId: previous
            ),
            ngo,
            referredOn
        )

        let intakeDay = referredOn.adding(days: random.int(2...21))
        guard intakeDay <= today else { return c }
        let rejectReason: RejectionReason? =
            random.chance(0.08)
            ? random.pick([
                .noRegionalTies, .noRegionalTies, .asylumPending, .notWilling, .activeElsewhere, .lawfulStay,
            ]) : nil
        let evidence = AdmissionEvidence(
            lawfulStay: rejectReason == .lawfulStay ? .yes : .no,
            stateReception: .no,
            asylumProcedureCompleted: rejectReason == .asylumPending ? .no : .yes,
            lastAsylumRejectionOn: intakeDay.adding(days: -random.int(60...2500)),
            willingToCooperate: rejectReason == .notWilling ? .no : .yes,
            activeAtOtherLocation: rejectReason == .activeElsewhere ? .yes : .no,
            inRegionSince: rejectReason == .noRegionalTies
                ? intakeDay.adding(days: -random.int(10...90)) : intakeDay.adding(days: -random.int(400...3000)),
            regionalTies: rejectReason == .noRegionalTies ? [] : (random.chance(0.5) ? [.familyOrNetwork] : []),
            seriousEntryBan: random.chance(0.05),
            criminalRecord: random.chance(0.04),
            biometricallyIdentified: identity.vNumber != nil && random.chance(0.9)
        )
        add(.intakeRecorded(identity: identity, evidence: evidence), ngo, intakeDay)

        let decisionDay = intakeDay.adding(days: random.int(3...35))
        guard decisionDay <= today else { return c }
        let check = AdmissionCheck.evaluate(
            evidence: evidence,
            nationality: identity.nationality,
            rule: .national,
            policy: .national,
            on: decisionDay,
            activeElsewhere: nil
        )
        if let rejectReason {
            add(
                .admissionDecided(
                    AdmissionDecision(
                        outcome: .reject,
                        decidedOn: decisionDay,
                        motivation: nil,
                        rejectionReason: rejectReason,
                        check: check
                    )
                ),
                municipality,
                decisionDay
            )
            return c
        }
        let exception = check.verdict != .eligible
        add(
            .admissionDecided(
                AdmissionDecision(
                    outcome: exception ? .admitByException : .admit,
                    decidedOn: decisionDay,
                    motivation: exception
                        ? "Het LSO besluit tot toelating: perspectief op een duurzame oplossing is reëel." : nil,
                    rejectionReason: nil,
                    check: check
                )
            ),
            municipality,
            decisionDay
        )

        // Support from admission.
        let shelter: SupportInstrument = random.weighted([
            (.shelter24h, 55), (.shelterNight, 25), (.ownNetworkAllowance, 20),
        ])
        add(
            .supportStarted(
                SupportPeriod(id: UUID(), instrument: shelter, startedOn: decisionDay, endedOn: nil, note: nil)
            ),
            ngo,
            decisionDay
        )
        for instrument in [
            SupportInstrument.legalScreening, .socialSupport, .activation, .legalAssistance, .careAccess,
        ] where random.chance(instrument == .legalScreening ? 0.9 : 0.55) {
            let day = decisionDay.adding(days: random.int(0...40))
            if day <= today {
                add(
                    .supportStarted(
                        SupportPeriod(id: UUID(), instrument: instrument, startedOn: day, endedOn: nil, note: nil)
                    ),
                    ngo,
                    day
                )
            }
        }
        if random.chance(0.3) {
            let day = decisionDay.adding(days: random.int(1...30))
            if day <= today {
                let kind: NoteClassification = random.weighted([(.general, 50), (.social, 30), (.medical, 20)])
                let text =
                    kind == .medical
                    ? "Medische klachten besproken; verwezen naar de huisarts."
                    : kind == .social
                        ? "Gesprek over dagbesteding en netwerk in de stad." : "Afspraak juridische screening gepland."
                add(
                    .noteAdded(
                        CaseNote(
                            id: UUID(),
                            classification: kind,
                            text: text,
                            authorOrganisationId: ngo.organisationId,
                            sharedWith: []
                        )
                    ),
                    ngo,
                    day
                )
            }
        }

        // Perspective: under investigation first, decided later.
        let firstPerspective = decisionDay.adding(days: random.int(7...45))
        guard firstPerspective <= today else { return c }
        add(
            .perspectiveSet(
                PerspectiveDecision(perspective: .underInvestigation, decidedOn: firstPerspective, note: nil)
            ),
            municipality,
            firstPerspective
        )
        let stay = 60 + random.days(mean: 330)
        let leaveDay = decisionDay.adding(days: stay)
        let perspective: Perspective = random.weighted([
            (.legalisation, 45), (.returnToOrigin, 35), (.onwardMigration, 8), (.underInvestigation, 12),
        ])
        let decidedPerspective = firstPerspective.adding(days: random.int(20...120))
        if perspective != .underInvestigation && decidedPerspective <= today && decidedPerspective < leaveDay {
            add(
                .perspectiveSet(
                    PerspectiveDecision(perspective: perspective, decidedOn: decidedPerspective, note: nil)
                ),
                municipality,
                decidedPerspective
            )
        }

        // A HASA for part of the legalisation cases; decided in most, granted in seven of ten.
        var hasaOutcome: ProcedureOutcome?
        var hasaSubmitted: Day?
        if perspective == .legalisation && random.chance(0.6) {
            let day = decidedPerspective.adding(days: random.int(10...90))
            if day <= today && day < leaveDay {
                let id = UUID()
                hasaSubmitted = day
                add(
                    .procedureSubmitted(
                        Procedure(id: id, kind: .hasa, submittedOn: day, reference: nil, outcome: nil, decidedOn: nil)
                    ),
                    ngo,
                    day
                )
                let decided = day.adding(days: random.int(30...200))
                if decided <= today && random.chance(0.75) {
                    hasaOutcome = random.chance(0.7) ? .granted : .rejected
                    add(.procedureDecided(id: id, outcome: hasaOutcome!, decidedOn: decided), ind, decided)
                }
            }
        }
        if perspective == .returnToOrigin && random.chance(0.5) {
            let day = decidedPerspective.adding(days: random.int(10...60))
            if day <= today && day < leaveDay {
                add(
                    .procedureSubmitted(
                        Procedure(
                            id: UUID(),
                            kind: .returnSupport,
                            submittedOn: day,
                            reference: nil,
                            outcome: nil,
                            decidedOn: nil
                        )
                    ),
                    ngo,
                    day
                )
            }
        }

        coordinate(&c, admitted: decisionDay, until: min(leaveDay, today), municipality: municipality, ngo: ngo)
        guard leaveDay <= today else { return c }
        let reason: String
        if hasaOutcome == .granted {
            reason = "permitGranted"
        } else if hasaSubmitted != nil && hasaOutcome == nil {
            reason = "hasaSubmitted"
        } else if perspective == .returnToOrigin && random.chance(0.35) {
            reason = "independentDeparture"
        } else if perspective == .onwardMigration && random.chance(0.5) {
            reason = "onwardMigration"
        } else {
            reason = random.weighted([
                ("article64", 10), ("leftUnknown", 35), ("nonCooperation", 15), ("deadlineReached", 12),
                ("removedFromShelter", 6), ("hasaSubmitted", 18), ("other", 4),
            ])
        }
        let category = OutflowReason.nationalDefault.first { $0.code == reason }!.category
        let leftOn = max(leaveDay, c.events.map { Day($0.recordedAt) }.max() ?? leaveDay)
        guard leftOn <= today else { return c }
        add(
            .outflowRecorded(
                Outflow(
                    leftOn: leftOn,
                    reasonCode: reason,
                    category: category,
                    note: reason == "other" ? "Opgenomen in een zorginstelling." : nil
                )
            ),
            ngo,
            leftOn
        )
        return c
    }
}
