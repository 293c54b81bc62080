import Foundation
import KoersCore

/// The dry run of an import: every row's report, the trajectories that would be written, and
/// the counts they would add.
public struct ImportPlan: Sendable {
    public let reports: [RowReport]
    /// The rows without errors, each person's trajectories in date order.
    public let trajectories: [ImportedTrajectory]

    /// How many trajectories the import adds per stage, per admission outcome and per year of
    /// referral; and how many persons.
    public var countsByStage: [Stage: Int] { Dictionary(grouping: trajectories, by: \.stage).mapValues(\.count) }
    public var countsByOutcome: [String: Int] {
        Dictionary(grouping: trajectories) { $0.admission?.outcome.rawValue ?? "none" }.mapValues(\.count)
    }
    public var countsByYear: [Int: Int] {
        Dictionary(grouping: trajectories) { $0.referral.referredOn.year }.mapValues(\.count)
    }
    public var persons: Int { Set(trajectories.map(\.sourcePersonId)).count }
    public var errorRows: Int { reports.filter { $0.severity == .error }.count }
    public var warningRows: Int { reports.filter { $0.severity == .warning }.count }
}

/// Reads a table with a mapping into trajectories, reporting every row: ok, warning or error,
/// each finding with its field and a reason a person can act on.
public struct RegistrationReader: Sendable {
    let mapping: ImportMapping
    let dates: DateReader
    /// The outflow code list in force: a reason must be on it.
    let reasons: [OutflowReason]
    let today: Day

    public init(mapping: ImportMapping, reasons: [OutflowReason], today: Day) {
        self.mapping = mapping
        self.dates = DateReader(format: mapping.dateFormat) ?? DateReader(format: "yyyy-MM-dd")!
        self.reasons = reasons
        self.today = today
    }

    /// Reads every row. A table without the mapping's columns is refused as a whole.
    public func read(_ table: Table) throws(ValidationFailure) -> ImportPlan {
        let missing = mapping.missingColumns(in: table)
        guard missing.isEmpty else {
            throw ValidationFailure([
                FieldError(
                    field: "file",
                    code: "missingColumns",
                    message: LocalizedText(
                        nl: "Het bestand mist de kolommen \(missing.map { "‘\($0)’" }.joined(separator: ", ")).",
                        en: "The file lacks the columns \(missing.map { "‘\($0)’" }.joined(separator: ", "))."
                    )
                )
            ])
        }
        var reports: [RowReport] = []
        var read: [ImportedTrajectory] = []
        var seen: [String: Int] = [:]
        var persons: [String: ImportedTrajectory] = [:]
        let extra = Set(table.rowsWithExtraCells)
        for row in table.rows {
            var context = RowContext(row: row, table: table, mapping: mapping, dates: dates, today: today)
            if extra.contains(row.number) {
                context.warn(
                    "file",
                    nl: "Cellen voorbij de laatste kolom zijn genegeerd.",
                    en: "Cells past the last column were ignored."
                )
            }
            var trajectory = self.trajectory(&context)
            var continues: Int?
            if let id = trajectory?.sourceTrajectoryId ?? context.text(.sourceTrajectoryId) {
                if let first = seen[id] {
                    // A further row of a trajectory read before: it adds perspectives, support and
                    // procedures; its other facts must be the first row's.
                    if let trajectory, let index = read.firstIndex(where: { $0.sourceTrajectoryId == id }),
                        read[index].sameTrajectory(as: trajectory)
                    {
                        continues = index
                    } else {
                        context.fail(
                            .sourceTrajectoryId,
                            nl: "Trajectnummer ‘\(id)’ staat ook in rij \(first), met een andere persoon, aanmelding, "
                                + "toelating of uitstroom.",
                            en: "Trajectory id ‘\(id)’ is also in row \(first), with another person, referral, "
                                + "admission or outflow."
                        )
                    }
                } else {
                    seen[id] = row.number
                }
            }
            if let index = continues, let more = trajectory, context.findings.allSatisfy({ $0.severity != .error }) {
                read[index].add(more)
                trajectory = nil
                reports.append(
                    RowReport(row: row.number, sourceTrajectoryId: more.sourceTrajectoryId, findings: context.findings)
                )
                continue
            }
            if let trajectory, let earlier = persons[trajectory.sourcePersonId],
                earlier.identity.surname != trajectory.identity.surname
                    || earlier.identity.birthDate != trajectory.identity.birthDate
            {
                context.warn(
                    .sourcePersonId,
                    nl: "Dezelfde persoon als rij \(earlier.row), met een andere naam of geboortedatum.",
                    en: "The same person as row \(earlier.row), with another name or birth date."
                )
            }
            let report = RowReport(
                row: row.number,
                sourceTrajectoryId: context.text(.sourceTrajectoryId),
                findings: context.findings
            )
            reports.append(report)
            if let trajectory, report.severity != .error {
                read.append(trajectory)
                if persons[trajectory.sourcePersonId] == nil { persons[trajectory.sourcePersonId] = trajectory }
            }
        }
        let ordered = read.sorted {
            ($0.sourcePersonId, $0.referral.referredOn, $0.row) < ($1.sourcePersonId, $1.referral.referredOn, $1.row)
        }
        return ImportPlan(reports: reports, trajectories: ordered)
    }

    /// One row's trajectory, or nil when a required fact is missing or wrong.
    private func trajectory(_ c: inout RowContext) -> ImportedTrajectory? {
        let personId = c.required(.sourcePersonId)
        let trajectoryId = c.required(.sourceTrajectoryId)
        let surname = c.required(.surname)
        let nationality = c.code(.nationality).flatMap { code -> String? in
            guard let country = Country.named(code.uppercased()) else {
                c.fail(.nationality, nl: "Onbekende landcode ‘\(code)’.", en: "Unknown country code ‘\(code)’.")
                return nil
            }
            return country.code
        }
        if c.text(.nationality) == nil { c.missing(.nationality) }
        let gender: Gender? = c.choice(.gender, required: true)
        let birthDate = c.text(.birthDate).flatMap { text -> PartialDate? in
            if let partial = PartialDate(text) { return partial }
            if let day = dates.day(text) { return PartialDate(year: day.year, month: day.month, day: day.day) }
            c.warn(
                .birthDate,
                nl: "‘\(text)’ is geen (gedeeltelijke) geboortedatum; leeg gelaten.",
                en: "‘\(text)’ is no (partial) birth date; left empty."
            )
            return nil
        }
        let vNumber = c.text(.vNumber).flatMap { text -> VNumber? in
            if let v = VNumber(text) { return v }
            c.warn(
                .vNumber,
                nl: "‘\(text)’ is geen V-nummer van 10 cijfers; leeg gelaten.",
                en: "‘\(text)’ is no 10-digit V-number; left empty."
            )
            return nil
        }
        let referredOn = c.day(.referredOn, required: true)
        let channel: ReferralChannel = c.choice(.channel) ?? .ngo

        // Admission, its reason, and what follows from it.
        var admission: ImportedTrajectory.Admission?
        if let outcome: AdmissionDecision.Outcome = c.choice(.admission) {
            let decided = c.day(.admissionDate, required: true)
            var reason: RejectionReason?
            if outcome == .reject {
                reason = c.choice(.rejectionReason)
                if reason == nil && c.text(.rejectionReason) == nil {
                    c.warn(
                        .rejectionReason,
                        nl: "Afwijzing zonder reden: vastgelegd als ‘anders’.",
                        en: "A rejection without a reason: recorded as ‘other’."
                    )
                    reason = .other
                }
            }
            if let decided, let referredOn, decided < referredOn {
                c.fail(
                    .admissionDate,
                    nl: "De toelating (\(decided)) ligt vóór de aanmelding (\(referredOn)).",
                    en: "The admission (\(decided)) is dated before the referral (\(referredOn))."
                )
            }
            if let decided { admission = .init(outcome: outcome, decidedOn: decided, rejectionReason: reason) }
        } else if c.text(.admissionDate) != nil {
            c.fail(.admission, nl: "Een toelatingsdatum zonder besluit.", en: "An admission date without a decision.")
        }
        let admitted = admission.flatMap { $0.outcome == .reject ? nil : $0.decidedOn }

        let perspective: PerspectiveDecision? = c.choice(.perspective).flatMap { (p: Perspective) in
            guard let day = c.day(.perspectiveDate, required: true) else { return nil }
            c.notBefore(day, admitted, .perspectiveDate, what: (nl: "het perspectief", en: "the perspective"))
            return PerspectiveDecision(perspective: p, decidedOn: day, note: nil)
        }
        let support: ImportedTrajectory.Support? = c.choice(.supportInstrument).flatMap { (s: SupportInstrument) in
            guard let start = c.day(.supportStart, required: true) else { return nil }
            c.notBefore(start, admitted, .supportStart, what: (nl: "de begeleiding", en: "the support"))
            let end = c.day(.supportEnd)
            if let end, end < start {
                c.fail(.supportEnd, nl: "Het einde ligt vóór het begin.", en: "The end is dated before the start.")
            }
            return .init(instrument: s, startedOn: start, endedOn: end)
        }
        let procedure: ImportedTrajectory.ProcedureFacts? = c.choice(.procedure).flatMap { (kind: ProcedureKind) in
            guard let submitted = c.day(.procedureSubmitted, required: true) else { return nil }
            let outcome: ProcedureOutcome? = c.choice(.procedureOutcome)
            let decided = c.day(.procedureDecided, required: outcome != nil)
            if let decided, decided < submitted {
                c.fail(
                    .procedureDecided,
                    nl: "Het besluit ligt vóór de indiening.",
                    en: "The decision is dated before the submission."
                )
            }
            return .init(
                kind: kind,
                submittedOn: submitted,
                outcome: outcome,
                decidedOn: outcome == nil ? nil : decided
            )
        }
        var outflow: ImportedTrajectory.OutflowFacts?
        if let day = c.day(.outflowDate) {
            let reasonText = c.code(.outflowReason)
            let reason = reasonText.flatMap { code in reasons.first { $0.code.lowercased() == code.lowercased() } }
            if reasonText == nil {
                c.missing(.outflowReason)
            } else if reason == nil {
                c.fail(
                    .outflowReason,
                    nl: "‘\(c.text(.outflowReason) ?? "")’ staat niet in de lijst van uitstroomredenen.",
                    en: "‘\(c.text(.outflowReason) ?? "")’ is not in the list of outflow reasons."
                )
            }
            if let admitted, day < admitted {
                c.fail(
                    .outflowDate,
                    nl: "De uitstroom (\(day)) ligt vóór de toelating (\(admitted)).",
                    en: "The outflow (\(day)) is dated before the admission (\(admitted))."
                )
            } else if admitted == nil {
                c.fail(
                    .outflowDate,
                    nl: "Uitstroom zonder toelating: vul de toelating in, of laat de uitstroom weg.",
                    en: "An outflow without an admission: fill in the admission, or leave the outflow out."
                )
            }
            if let reason { outflow = .init(leftOn: day, reason: reason) }
        }
        guard c.findings.allSatisfy({ $0.severity != .error }), let personId, let trajectoryId, let surname,
            let nationality, let gender, let referredOn
        else { return nil }
        return ImportedTrajectory(
            sourcePersonId: personId,
            sourceTrajectoryId: trajectoryId,
            row: c.row.number,
            identity: Identity(
                givenNames: c.text(.givenNames),
                surname: surname,
                birthDate: birthDate,
                nationality: nationality,
                gender: gender,
                vNumber: vNumber
            ),
            referral: Referral(channel: channel, referredOn: referredOn, note: nil),
            admission: admission,
            perspectives: perspective.map { [$0] } ?? [],
            supports: support.map { [$0] } ?? [],
            procedures: procedure.map { [$0] } ?? [],
            outflow: outflow
        )
    }
}
