import Foundation
import KoersCore

/// Monitorregel: one trajectory reduced to the dated facts the monitor counts — no name, no
/// birth date beyond the year, no V-nummer, no notes. Every fact carries its date, so one record
/// answers for any reference date (peildatum) up to the day it was made.
public struct MonitorRecord: Sendable, Hashable, Codable {
    public var trajectoryId: UUID
    public var personId: UUID
    /// Where the trajectory runs now.
    public var locationId: UUID
    /// The location before the latest accepted transfer, and the day it took effect.
    public var transferredFrom: UUID?
    public var transferredOn: Day?
    public var gender: Gender
    public var birthYear: Int?
    public var nationality: String
    public var referredOn: Day
    public var admissionOn: Day?
    public var admission: AdmissionDecision.Outcome?
    public var rejectionReason: RejectionReason?
    public var perspectives: [DatedPerspective]
    /// The first start of each instrument used.
    public var support: [UsedInstrument]
    /// The first HASA (herhaalde asielaanvraag) of the trajectory.
    public var hasaSubmittedOn: Day?
    public var hasaDecidedOn: Day?
    public var hasaOutcome: ProcedureOutcome?
    public var outflowOn: Day?
    public var outcome: OutcomeCategory?
    public var outcomeReason: String?
    public var escalatedOn: [Day]
    /// Milestones (deeltermijnen) as computed when the record was made; skipped ones are left out.
    public var milestones: [MilestoneFact]

    public struct DatedPerspective: Sendable, Hashable, Codable {
        public var on: Day
        public var perspective: Perspective
        public init(on: Day, perspective: Perspective) {
            self.on = on
            self.perspective = perspective
        }
    }

    public struct UsedInstrument: Sendable, Hashable, Codable {
        public var instrument: SupportInstrument
        public var from: Day
        public init(instrument: SupportInstrument, from: Day) {
            self.instrument = instrument
            self.from = from
        }
    }

    public struct MilestoneFact: Sendable, Hashable, Codable {
        public var due: Day
        public var met: Day?
        public init(due: Day, met: Day?) {
            self.due = due
            self.met = met
        }
    }

    public init(
        trajectoryId: UUID,
        personId: UUID,
        locationId: UUID,
        transferredFrom: UUID? = nil,
        transferredOn: Day? = nil,
        gender: Gender,
        birthYear: Int?,
        nationality: String,
        referredOn: Day,
        admissionOn: Day? = nil,
        admission: AdmissionDecision.Outcome? = nil,
        rejectionReason: RejectionReason? = nil,
        perspectives: [DatedPerspective] = [],
        support: [UsedInstrument] = [],
        hasaSubmittedOn: Day? = nil,
        hasaDecidedOn: Day? = nil,
        hasaOutcome: ProcedureOutcome? = nil,
        outflowOn: Day? = nil,
        outcome: OutcomeCategory? = nil,
        outcomeReason: String? = nil,
        escalatedOn: [Day] = [],
        milestones: [MilestoneFact] = []
    ) {
        self.trajectoryId = trajectoryId
        self.personId = personId
        self.locationId = locationId
        self.transferredFrom = transferredFrom
        self.transferredOn = transferredOn
        self.gender = gender
        self.birthYear = birthYear
        self.nationality = nationality
        self.referredOn = referredOn
        self.admissionOn = admissionOn
        self.admission = admission
        self.rejectionReason = rejectionReason
        self.perspectives = perspectives
        self.support = support
        self.hasaSubmittedOn = hasaSubmittedOn
        self.hasaDecidedOn = hasaDecidedOn
        self.hasaOutcome = hasaOutcome
        self.outflowOn = outflowOn
        self.outcome = outcome
        self.outcomeReason = outcomeReason
        self.escalatedOn = escalatedOn
        self.milestones = milestones
    }

    /// The record of a case file; `milestones` are the file's milestones on the day the record is made.
    public init(_ file: CaseFile, milestones: [Milestone]) {
        let transfer = file.transfers.last { $0.status == .accepted }
        let hasa = file.procedures.filter { $0.kind == .hasa }.min { $0.submittedOn < $1.submittedOn }
        var firstUse: [SupportInstrument: Day] = [:]
        for period in file.support where firstUse[period.instrument].map({ period.startedOn < $0 }) ?? true {
            firstUse[period.instrument] = period.startedOn
        }
        self.init(
            trajectoryId: file.id,
            personId: file.personId,
            locationId: file.locationId,
            transferredFrom: transfer?.request.fromLocationId,
            transferredOn: transfer.map { $0.decidedOn ?? $0.request.requestedOn },
            gender: file.identity.gender,
            birthYear: file.identity.birthDate?.year,
            nationality: file.identity.nationality,
            referredOn: file.referral.referredOn,
            admissionOn: file.admission?.decidedOn,
            admission: file.admission?.outcome,
            rejectionReason: file.admission?.rejectionReason,
            perspectives: file.perspectives.map { DatedPerspective(on: $0.decidedOn, perspective: $0.perspective) },
            support: SupportInstrument.allCases.compactMap { i in
                firstUse[i].map { UsedInstrument(instrument: i, from: $0) }
            },
            hasaSubmittedOn: hasa?.submittedOn,
            hasaDecidedOn: hasa?.decidedOn,
            hasaOutcome: hasa?.outcome,
            outflowOn: file.outflow?.leftOn,
            outcome: file.outflow?.category,
            outcomeReason: file.outflow?.reasonCode,
            escalatedOn: file.escalations.map(\.escalation.escalatedOn),
            milestones: Self.facts(of: milestones)
        )
    }

    /// The facts of a case without its milestones, which depend on the day and the location's
    /// policy: what the monitor's read model keeps per trajectory.
    public init(facts file: CaseFile) {
        self.init(file, milestones: [])
    }

    /// What the monitor keeps of milestones: due and met days, skipped ones left out.
    static func facts(of milestones: [Milestone]) -> [MilestoneFact] {
        milestones.compactMap { $0.state == .skipped ? nil : MilestoneFact(due: $0.dueOn, met: $0.metOn) }
    }

    // MARK: As of a reference date

    /// The location the trajectory ran at on `day`.
    public func location(on day: Day) -> UUID {
        if let transferredOn, let transferredFrom, day < transferredOn { return transferredFrom }
        return locationId
    }

    public func admitted(by day: Day) -> Bool {
        guard let admissionOn, let admission, admission != .reject else { return false }
        return admissionOn <= day
    }

    public func rejected(by day: Day) -> Bool {
        guard let admissionOn, admission == .reject else { return false }
        return admissionOn <= day
    }

    public func leftBy(_ day: Day) -> Bool { outflowOn.map { $0 <= day } ?? false }

    /// Admitted and not yet left: in a trajectory on the reference date.
    public func active(on day: Day) -> Bool { admitted(by: day) && !leftBy(day) }

    public func perspective(on day: Day) -> Perspective? {
        perspectives.filter { $0.on <= day }.max { $0.on < $1.on }?.perspective
    }
}

extension MonitorRecord {
    /// The earliest day from which two versions of a trajectory's facts count differently: a report
    /// on a reference date after it may change, one on or before it cannot. Nil when they are equal;
    /// the referral day when an attribute that counts on every date (gender, age, nationality)
    /// differs; `new.referredOn` for a trajectory that had no facts before.
    public static func earliestDifference(_ old: MonitorRecord?, _ new: MonitorRecord) -> Day? {
        guard let old else { return new.referredOn }
        guard old != new else { return nil }
        var days: [Day] = []
        func when(_ differs: Bool, _ dates: Day?...) { if differs { days += dates.compactMap { $0 } } }
        let attributes =
            old.personId != new.personId || old.gender != new.gender || old.birthYear != new.birthYear
            || old.nationality != new.nationality || old.referredOn != new.referredOn
        when(attributes, old.referredOn, new.referredOn)
        let moved =
            old.locationId != new.locationId || old.transferredFrom != new.transferredFrom
            || old.transferredOn != new.transferredOn
        when(moved, old.transferredOn ?? old.referredOn, new.transferredOn ?? new.referredOn)
        when(
            old.admissionOn != new.admissionOn || old.admission != new.admission
                || old.rejectionReason != new.rejectionReason,
            old.admissionOn,
            new.admissionOn
        )
        let perspectives = Set(old.perspectives).symmetricDifference(new.perspectives)
        days += perspectives.map(\.on)
        days += Set(old.support).symmetricDifference(new.support).map(\.from)
        when(
            old.hasaSubmittedOn != new.hasaSubmittedOn || old.hasaDecidedOn != new.hasaDecidedOn
                || old.hasaOutcome != new.hasaOutcome,
            old.hasaSubmittedOn,
            new.hasaSubmittedOn,
            old.hasaDecidedOn,
            new.hasaDecidedOn
        )
        when(
            old.outflowOn != new.outflowOn || old.outcome != new.outcome || old.outcomeReason != new.outcomeReason,
            old.outflowOn,
            new.outflowOn
        )
        days += Set(old.escalatedOn).symmetricDifference(new.escalatedOn)
        // A difference not dated above counts from the referral: never too late.
        return days.min() ?? min(old.referredOn, new.referredOn)
    }
}

extension MonitorRecord {
    /// The record cut from its person when retention erases them: another id, and a birth year that
    /// stands for the age group at outflow (the only use the monitor makes of it), so every published
    /// figure stays as it was while the exact year is gone.
    public func anonymised(as personId: UUID) -> MonitorRecord {
        var record = self
        record.personId = personId
        record.birthYear = MonitorAnalyses.ageGroupIndex(self).flatMap { group in
            outflowOn.map { $0.year - MonitorAnalyses.representativeAges[group] }
        }
        return record
    }
}
