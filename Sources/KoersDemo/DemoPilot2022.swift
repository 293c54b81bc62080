import Foundation
import KoersCore
import KoersMonitor
import KoersStore

/// The figures of the LVV pilot up to 1 July 2022, as the 2022 evaluation reports them; the
/// `pilot-2022` demo scenario reproduces them exactly (times its scale).
public enum Pilot2022 {
    /// The evaluation's reference date.
    public static let peildatum = Day("2022-07-01")!
    /// The first referrals: the pilot started in the spring of 2019.
    public static let start = Day("2019-04-01")!
    public static let persons = 2065
    public static let trajectories = 2092
    public static let outflows = 1258
    /// 18% durable, 41% semi-durable, 41% none: 226 + 516 + 516 = 1258.
    public static let durable = 226
    public static let semiDurable = 516
    /// Referrals turned down at admission; they are not trajectories, so the evaluation does not count them.
    public static let rejectedReferrals = 170
}

extension DemoPopulation {
    /// One trajectory of the pilot, planned before its events are written.
    private struct PilotPlan {
        var trajectoryId = UUID.timeOrdered()
        var personId: UUID
        var location: UUID
        var city: String
        var identity: Identity
        var previous: UUID?
        var referred: Day
        var intake: Day
        var admitted: Day
        /// An exponential draw that, scaled per city, gives the time to outflow.
        var latent: Double
        /// The outflow day when it falls before the reference date.
        var end: Day?
        var forcedEnd = false
        var outcome: OutcomeCategory?
        var reason: String?
        var perspective: Perspective = .underInvestigation
        var hasa: (submitted: Day, decided: Day?, outcome: ProcedureOutcome?)?
    }

    /// Cities' time to outflow relative to the others: Rotterdam's short terms, Amsterdam's long ones.
    private static let pilotPace: [String: Double] = [
        "LVV Rotterdam": 0.4, "LVV Amsterdam": 1.3, "LVV Utrecht": 1.15, "LVV Eindhoven": 1.0, "LVV Groningen": 0.9,
    ]

    /// The pilot as the evaluation describes it, `scale` times over: exactly 2065 persons, 2092
    /// trajectories and 1258 outflows (226 durable, 516 semi-durable, 516 none) before 1 July 2022,
    /// HASAs granted in seven of ten decided cases, and the differences the evaluation found
    /// between women and men, nationalities and cities. Counts are fixed; who gets which outcome
    /// is drawn with weights, so the effects show as they would in real data.
    mutating func generatePilot(scale: Int) -> [Case] {
        var cases: [Case] = []
        generatePilot(scale: scale) { cases.append($0) }
        return cases
    }

    /// The same pilot, handed over one trajectory at a time, so a large scale need not be held in memory.
    mutating func generatePilot(scale: Int, _ each: (Case) -> Void) {
        let last = Pilot2022.peildatum.adding(days: -1)
        let span = Pilot2022.start.days(until: Pilot2022.peildatum)
        let cityOf = Dictionary(
            accounts.compactMap { a in a.location.flatMap { name in a.actor.locationIds.first.map { ($0, name) } } },
            uniquingKeysWith: { a, _ in a }
        )

        // Persons and their first trajectory; referrals grow a little over the pilot's years.
        var plans: [PilotPlan] = []
        for _ in 0..<(Pilot2022.persons * scale) {
            let location = random.weighted(locationWeights)
            let identity = makeIdentity(femaleShare: 0.22)
            // Half uniform, half rising: the density grows from a half to one and a half over the years.
            let u = Double.random(in: 0..<1, using: &random)
            let offset = Int(Double(span - 3) * (random.chance(0.5) ? u.squareRoot() : u))
            let referred = Pilot2022.start.adding(days: offset)
            // Referred in the last weeks, admitted in a hurry: every trajectory starts before the reference date.
            let intake = min(referred.adding(days: random.int(2...21)), last.adding(days: -1))
            plans.append(
                PilotPlan(
                    personId: UUID.timeOrdered(),
                    location: location,
                    city: cityOf[location] ?? "",
                    identity: identity,
                    referred: referred,
                    intake: intake,
                    admitted: min(intake.adding(days: random.int(3...30)), last),
                    latent: exponential()
                )
            )
        }
        // Some left and came back for a second trajectory.
        let early = plans.indices.filter { plans[$0].referred < Day("2020-07-01")! }
        for i in sample(early, count: 27 * scale) {
            let end = plans[i].admitted.adding(days: random.int(60...300))
            plans[i].end = end
            plans[i].forcedEnd = true
            let back = min(
                end.adding(days: 30 + min(random.days(mean: 120), 300)),
                Pilot2022.peildatum.adding(days: -60)
            )
            let intake = min(back.adding(days: random.int(2...21)), last.adding(days: -1))
            var again = plans[i]
            again.trajectoryId = UUID.timeOrdered()
            again.previous = plans[i].trajectoryId
            again.referred = back
            again.intake = intake
            again.admitted = min(intake.adding(days: random.int(3...30)), last)
            again.latent = exponential()
            again.end = nil
            again.forcedEnd = false
            plans.append(again)
        }
        scheduleOutflows(&plans, count: Pilot2022.outflows * scale)
        assignOutcomes(&plans, durable: Pilot2022.durable * scale, semiDurable: Pilot2022.semiDurable * scale)
        assignHASAs(&plans)

        for plan in plans { each(pilotTrajectory(plan)) }
        for _ in 0..<(Pilot2022.rejectedReferrals * scale) { each(pilotRejection(span: span)) }
    }

    private mutating func exponential() -> Double { -log(1 - Double.random(in: 0..<1, using: &random)) }

    /// `count` indices drawn without replacement, uniformly.
    private mutating func sample(_ indices: [Int], count: Int) -> [Int] {
        weightedSample(indices.map { ($0, 1.0) }, count: count)
    }

    /// `count` items drawn without replacement with probability proportional to weight
    /// (Efraimidis–Spirakis: keep the largest u^(1/w)).
    private mutating func weightedSample(_ items: [(Int, Double)], count: Int) -> [Int] {
        let keyed = items.map { item in
            (item.0, log(Double.random(in: Double.leastNonzeroMagnitude..<1, using: &random)) / item.1)
        }
        return keyed.sorted { $0.1 > $1.1 }.prefix(count).map(\.0)
    }

    /// Chooses the time scale at which exactly `count` trajectories have left before the reference
    /// date; each city keeps its own pace.
    private func scheduleOutflows(_ plans: inout [PilotPlan], count: Int) {
        let forced = plans.filter(\.forcedEnd).count
        func end(_ p: PilotPlan, _ scale: Double) -> Day {
            p.admitted.adding(days: 30 + Int(scale * (Self.pilotPace[p.city] ?? 1) * p.latent))
        }
        func leaving(_ scale: Double) -> Int {
            forced + plans.filter { !$0.forcedEnd && end($0, scale) < Pilot2022.peildatum }.count
        }
        var (low, high) = (1.0, 100_000.0)  // leaving(low) ≥ count > leaving(high)
        for _ in 0..<80 {
            let middle = (low + high) / 2
            if leaving(middle) >= count { low = middle } else { high = middle }
        }
        var free = plans.indices.filter { !plans[$0].forcedEnd && end(plans[$0], low) < Pilot2022.peildatum }
        // Where two trajectories cross the date at the same scale, the later one stays.
        free.sort { end(plans[$0], low) < end(plans[$1], low) }
        for i in free.prefix(count - forced) { plans[i].end = end(plans[i], low) }
    }

    /// Outcome categories for exactly the given numbers, drawn with the evaluation's effects.
    private mutating func assignOutcomes(_ plans: inout [PilotPlan], durable: Int, semiDurable: Int) {
        var weights: [Int: (durable: Double, semi: Double, none: Double)] = [:]
        for i in plans.indices where plans[i].end != nil {
            let p = plans[i]
            var (d, s, n) = (1.0, 1.0, 1.0)
            if p.identity.gender == .female {
                d *= 1.3
                s *= 2.4
            }
            if ["ERI", "AFG"].contains(p.identity.nationality) {
                d *= 1.6
                s *= 1.9
            }
            switch p.city {
            case "LVV Eindhoven": d *= 2.6
            case "LVV Rotterdam":
                d *= 1.2
                n *= 1.6
            case "LVV Utrecht", "LVV Amsterdam", "LVV Groningen": s *= 1.5
            default: break
            }
            weights[i] = (d, s, n)
        }
        let chosenDurable = Set(
            weightedSample(
                weights.map { ($0.key, $0.value.durable / ($0.value.durable + $0.value.semi + $0.value.none)) }.sorted {
                    $0.0 < $1.0
                },
                count: durable
            )
        )
        let rest = weights.filter { !chosenDurable.contains($0.key) }
        let chosenSemi = Set(
            weightedSample(
                rest.map { ($0.key, $0.value.semi / ($0.value.semi + $0.value.none)) }.sorted { $0.0 < $1.0 },
                count: semiDurable
            )
        )
        for i in plans.indices {
            guard plans[i].end != nil else {
                plans[i].perspective = random.weighted([
                    (.legalisation, 42), (.returnToOrigin, 30), (.onwardMigration, 6), (.underInvestigation, 22),
                ])
                continue
            }
            let rotterdam = plans[i].city == "LVV Rotterdam"
            if chosenDurable.contains(i) {
                plans[i].outcome = .durable
                // Rotterdam's durable outflow is mostly departure; Eindhoven's mostly a permit.
                plans[i].reason = random.weighted(
                    rotterdam
                        ? [("permitGranted", 20), ("independentDeparture", 68), ("onwardMigration", 12)]
                        : plans[i].city == "LVV Eindhoven"
                            ? [("permitGranted", 62), ("independentDeparture", 28), ("onwardMigration", 10)]
                            : [("permitGranted", 50), ("independentDeparture", 40), ("onwardMigration", 10)]
                )
                plans[i].perspective =
                    ["permitGranted": .legalisation, "independentDeparture": .returnToOrigin][plans[i].reason!]
                    ?? .onwardMigration
            } else if chosenSemi.contains(i) {
                plans[i].outcome = .semiDurable
                plans[i].reason = random.weighted([("hasaSubmitted", 86), ("article64", 14)])
                plans[i].perspective = .legalisation
            } else {
                plans[i].outcome = OutcomeCategory.none
                plans[i].reason = random.weighted([
                    ("leftUnknown", 40), ("nonCooperation", 18), ("deadlineReached", rotterdam ? 45 : 10),
                    ("removedFromShelter", 8), ("other", 5),
                ])
                plans[i].perspective = random.weighted([
                    (.returnToOrigin, 45), (.legalisation, 25), (.onwardMigration, 5), (.underInvestigation, 25),
                ])
            }
        }
    }

    /// HASAs: granted for every permit, submitted at the semi-durable outflows, and rejected in
    /// three for every seven granted — less often in Utrecht and Amsterdam — among the rest.
    private mutating func assignHASAs(_ plans: inout [PilotPlan]) {
        var granted: [String: Int] = [:]
        for i in plans.indices {
            guard let end = plans[i].end else { continue }
            let admitted = plans[i].admitted
            switch plans[i].reason {
            case "permitGranted":
                let decided = max(admitted.adding(days: 2), end.adding(days: -random.int(0...20)))
                let submitted = max(admitted.adding(days: 1), decided.adding(days: -random.int(30...200)))
                plans[i].hasa = (min(submitted, decided.adding(days: -1)), decided, .granted)
                granted[plans[i].city, default: 0] += 1
            case "hasaSubmitted":
                plans[i].hasa = (max(admitted.adding(days: 1), end.adding(days: -random.int(0...10))), nil, nil)
            default: break
            }
        }
        let last = Pilot2022.peildatum.adding(days: -1)
        let candidates = plans.indices.filter { i in
            plans[i].perspective == .legalisation && plans[i].hasa == nil
                && plans[i].admitted.days(until: plans[i].end ?? last) >= 90
        }
        // Rejections per city for a grant rate of about eight in ten in Utrecht and Amsterdam and
        // six in ten elsewhere, scaled so that nationally seven in ten are granted.
        let favoured: Set<String> = ["LVV Utrecht", "LVV Amsterdam"]
        let total = Int((Double(granted.values.reduce(0, +)) * 3 / 7).rounded())
        let wanted = granted.mapValues { Double($0) * 0.4 / 0.6 }
            .merging(granted.filter { favoured.contains($0.key) }.mapValues { Double($0) * 0.2 / 0.8 }) {
                _,
                favouredShare in favouredShare
            }
        let factor = Double(total) / max(wanted.values.reduce(0, +), 1)
        // Largest remainders, so the cities' rejections add up to the national number exactly.
        var perCity = wanted.mapValues { Int($0 * factor) }
        let short = total - perCity.values.reduce(0, +)
        for city in wanted.keys.sorted(by: {
            (wanted[$0]! * factor).truncatingRemainder(dividingBy: 1)
                > (wanted[$1]! * factor).truncatingRemainder(dividingBy: 1)
        }).prefix(short) {
            perCity[city, default: 0] += 1
        }
        var chosen: [Int] = []
        for city in perCity.keys.sorted() {
            chosen += sample(candidates.filter { plans[$0].city == city }, count: perCity[city]!)
        }
        for i in chosen {
            let stop = plans[i].end ?? last
            let submitted = plans[i].admitted.adding(days: random.int(30...(plans[i].admitted.days(until: stop) - 50)))
            plans[i].hasa = (
                submitted, submitted.adding(days: random.int(20...(submitted.days(until: stop) - 1))), .rejected
            )
        }
        // And some still waiting for the IND on the reference date.
        let chosenSet = Set(chosen)
        for i in candidates where plans[i].end == nil && !chosenSet.contains(i) && random.chance(0.25) {
            plans[i].hasa = (
                plans[i].admitted.adding(days: random.int(20...(plans[i].admitted.days(until: last) - 1))), nil, nil
            )
        }
    }

    /// The events of one planned trajectory.
    private mutating func pilotTrajectory(_ plan: PilotPlan) -> Case {
        let ngo = actors[plan.location]![.ngo]!
        let municipality = actors[plan.location]![.municipality]!
        let ind = actors[plan.location]![.ind]!
        var c = Case(
            trajectoryId: plan.trajectoryId,
            personId: plan.personId,
            locationId: plan.location,
            previousTrajectoryId: plan.previous,
            events: []
        )
        func add(_ change: CaseChange, _ actor: Actor, _ day: Day) { c.events.append((change, actor, moment(day))) }
        // Nothing after the outflow, nothing on or after the reference date.
        let stop = plan.end ?? Pilot2022.peildatum

        let channel: ReferralChannel = random.weighted([
            (.ngo, 60), (.municipality, 20), (.desk, 15), (.selfReferral, 5),
        ])
        add(
            .referred(
                Referral(channel: channel, referredOn: plan.referred, note: nil),
                identity: plan.identity,
                previousTrajectoryId: plan.previous
            ),
            ngo,
            plan.referred
        )
        let evidence = AdmissionEvidence(
            lawfulStay: .no,
            stateReception: .no,
            asylumProcedureCompleted: .yes,
            lastAsylumRejectionOn: plan.intake.adding(days: -random.int(60...2500)),
            willingToCooperate: .yes,
            activeAtOtherLocation: .no,
            inRegionSince: plan.intake.adding(days: -random.int(400...3000)),
            regionalTies: random.chance(0.5) ? [.familyOrNetwork] : [],
            seriousEntryBan: random.chance(0.04),
            criminalRecord: random.chance(0.03),
            biometricallyIdentified: plan.identity.vNumber != nil && random.chance(0.9)
        )
        add(.intakeRecorded(identity: plan.identity, evidence: evidence), ngo, plan.intake)
        let check = AdmissionCheck.evaluate(
            evidence: evidence,
            nationality: plan.identity.nationality,
            rule: .national,
            policy: .national,
            on: plan.admitted,
            activeElsewhere: nil
        )
        let exception = check.verdict != .eligible
        add(
            .admissionDecided(
                AdmissionDecision(
                    outcome: exception ? .admitByException : .admit,
                    decidedOn: plan.admitted,
                    motivation: exception
                        ? "Het LSO besluit tot toelating: perspectief op een duurzame oplossing is reëel." : nil,
                    rejectionReason: nil,
                    check: check
                )
            ),
            municipality,
            plan.admitted
        )

        let shelter: SupportInstrument = random.weighted([
            (.shelter24h, 50), (.shelterNight, 30), (.ownNetworkAllowance, 20),
        ])
        add(
            .supportStarted(
                SupportPeriod(id: UUID(), instrument: shelter, startedOn: plan.admitted, endedOn: nil, note: nil)
            ),
            ngo,
            plan.admitted
        )
        for instrument in [
            SupportInstrument.legalScreening, .socialSupport, .activation, .legalAssistance, .careAccess,
        ] where random.chance(instrument == .legalScreening ? 0.9 : 0.5) {
            let day = plan.admitted.adding(days: random.int(0...40))
            if day < stop {
                add(
                    .supportStarted(
                        SupportPeriod(id: UUID(), instrument: instrument, startedOn: day, endedOn: nil, note: nil)
                    ),
                    ngo,
                    day
                )
            }
        }

        // Under investigation first; the perspective is decided within months, and before the
        // procedure or the outflow that follows from it.
        let room = plan.admitted.days(until: stop)
        if room > 2 {
            let first = plan.admitted.adding(days: min(random.int(7...30), room / 3))
            add(
                .perspectiveSet(PerspectiveDecision(perspective: .underInvestigation, decidedOn: first, note: nil)),
                municipality,
                first
            )
            if plan.perspective != .underInvestigation {
                let limit = plan.hasa.map { $0.submitted } ?? stop
                let decided = min(first.adding(days: random.int(20...150)), limit.adding(days: -1))
                if decided > first {
                    add(
                        .perspectiveSet(
                            PerspectiveDecision(perspective: plan.perspective, decidedOn: decided, note: nil)
                        ),
                        municipality,
                        decided
                    )
                }
            }
        }
        if let hasa = plan.hasa {
            let id = UUID()
            add(
                .procedureSubmitted(
                    Procedure(
                        id: id,
                        kind: .hasa,
                        submittedOn: hasa.submitted,
                        reference: nil,
                        outcome: nil,
                        decidedOn: nil
                    )
                ),
                ngo,
                hasa.submitted
            )
            if let decided = hasa.decided, let outcome = hasa.outcome {
                add(.procedureDecided(id: id, outcome: outcome, decidedOn: decided), ind, decided)
            }
        }
        if plan.reason == "article64", let end = plan.end {
            let day = max(plan.admitted, end.adding(days: -random.int(5...40)))
            add(
                .procedureSubmitted(
                    Procedure(
                        id: UUID(),
                        kind: .article64,
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
        if plan.reason == "independentDeparture", let end = plan.end {
            let day = max(plan.admitted, end.adding(days: -random.int(20...90)))
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
        coordinate(&c, admitted: plan.admitted, until: stop, municipality: municipality, ngo: ngo)
        if let end = plan.end, let reason = plan.reason, let category = plan.outcome {
            add(
                .outflowRecorded(
                    Outflow(
                        leftOn: end,
                        reasonCode: reason,
                        category: category,
                        note: reason == "other" ? "Opgenomen in een zorginstelling." : nil
                    )
                ),
                ngo,
                end
            )
        }
        // Events in the order they happened, as a caseworker would have recorded them.
        c.events = c.events.enumerated().sorted {
            ($0.element.recordedAt, $0.offset) < ($1.element.recordedAt, $1.offset)
        }.map(\.element)
        return c
    }

    /// A referral turned down at admission: a person, but no trajectory.
    private mutating func pilotRejection(span: Int) -> Case {
        let location = random.weighted(locationWeights)
        let identity = makeIdentity(femaleShare: 0.22)
        let ngo = actors[location]![.ngo]!
        let municipality = actors[location]![.municipality]!
        let referred = Pilot2022.start.adding(days: random.int(0...(span - 40)))
        var c = Case(
            trajectoryId: UUID.timeOrdered(),
            personId: UUID.timeOrdered(),
            locationId: location,
            previousTrajectoryId: nil,
            events: []
        )
        func add(_ change: CaseChange, _ actor: Actor, _ day: Day) { c.events.append((change, actor, moment(day))) }
        add(
            .referred(
                Referral(channel: .ngo, referredOn: referred, note: nil),
                identity: identity,
                previousTrajectoryId: nil
            ),
            ngo,
            referred
        )
        let intake = referred.adding(days: random.int(2...21))
        let reason: RejectionReason = random.weighted([
            (.noRegionalTies, 45), (.asylumPending, 15), (.notWilling, 10), (.activeElsewhere, 10), (.lawfulStay, 10),
            (.stateReception, 10),
        ])
        let evidence = AdmissionEvidence(
            lawfulStay: reason == .lawfulStay ? .yes : .no,
            stateReception: reason == .stateReception ? .yes : .no,
            asylumProcedureCompleted: reason == .asylumPending ? .no : .yes,
            lastAsylumRejectionOn: intake.adding(days: -random.int(60...2500)),
            willingToCooperate: reason == .notWilling ? .no : .yes,
            activeAtOtherLocation: reason == .activeElsewhere ? .yes : .no,
            inRegionSince: reason == .noRegionalTies
                ? intake.adding(days: -random.int(10...90)) : intake.adding(days: -random.int(400...3000)),
            regionalTies: [],
            seriousEntryBan: false,
            criminalRecord: false,
            biometricallyIdentified: identity.vNumber != nil
        )
        add(.intakeRecorded(identity: identity, evidence: evidence), ngo, intake)
        let decided = intake.adding(days: random.int(3...30))
        let check = AdmissionCheck.evaluate(
            evidence: evidence,
            nationality: identity.nationality,
            rule: .national,
            policy: .national,
            on: decided,
            activeElsewhere: nil
        )
        add(
            .admissionDecided(
                AdmissionDecision(
                    outcome: .reject,
                    decidedOn: decided,
                    motivation: nil,
                    rejectionReason: reason,
                    check: check
                )
            ),
            municipality,
            decided
        )
        return c
    }
}

extension Pilot2022 {
    /// The pilot's monitor records as the store would make them on the reference date, generated
    /// in memory without a database: for benchmarks at scales no demo database is loaded at.
    public static func records(accounts: [DemoNetwork.Account], scale: Int, seed: UInt64) -> [MonitorRecord] {
        var population = DemoPopulation(accounts: accounts, today: peildatum.adding(days: -1), seed: seed)
        var records: [MonitorRecord] = []
        records.reserveCapacity((trajectories + rejectedReferrals) * scale)
        let asOf = peildatum.adding(days: -1)
        let policies = population.policies
        population.generatePilot(scale: scale) { c in
            let events = c.caseEvents()
            guard let file = CaseFile.fold(events, personId: c.personId, locationId: c.locationId) else { return }
            let policy = policies[c.locationId] ?? .noDeadlines
            records.append(MonitorRecord(file, milestones: Deadlines.milestones(for: file, policy: policy, on: asOf)))
        }
        return records
    }
}
