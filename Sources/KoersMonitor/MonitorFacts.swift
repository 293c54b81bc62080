import Foundation
import KoersCore

/// Monitor records as plain CSV files — one for the trajectories and one per list of dated facts —
/// so another tool (DuckDB in the benchmark) can compute the monitor's tables from exactly the
/// data Koers counts. The files hold what a record holds: no names, birth dates or V-nummers.
public enum MonitorFacts {
    public static let trajectoryColumns = [
        "trajectory_id", "person_id", "location_id", "transferred_from", "transferred_on", "gender", "birth_year",
        "nationality",
        "referred_on", "admission_on", "admission", "rejection_reason", "hasa_submitted_on", "hasa_decided_on",
        "hasa_outcome",
        "outflow_on", "outcome", "outcome_reason",
    ]

    public enum Failure: Error, CustomStringConvertible {
        case malformed(file: String, line: Int)
        public var description: String {
            switch self {
            case .malformed(let file, let line): "\(file), line \(line): not a monitor fact"
            }
        }
    }

    /// Writes `locations.csv`, `trajectories.csv`, `perspectives.csv`, `support.csv`,
    /// `milestones.csv` and `escalations.csv` into `directory`.
    public static func write(_ records: [MonitorRecord], locations: [MonitorLocation], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var out = "id,name\n"
        for l in locations { out += "\(l.id.uuidString),\(l.name)\n" }
        try out.write(to: directory.appendingPathComponent("locations.csv"), atomically: true, encoding: .utf8)

        var trajectories = [UInt8]()
        var perspectives = [UInt8]()
        var support = [UInt8]()
        var milestones = [UInt8]()
        var escalations = [UInt8]()
        trajectories.append(contentsOf: Array((trajectoryColumns.joined(separator: ",") + "\n").utf8))
        perspectives.append(contentsOf: Array("trajectory_id,on,perspective\n".utf8))
        support.append(contentsOf: Array("trajectory_id,instrument,from\n".utf8))
        milestones.append(contentsOf: Array("trajectory_id,due,met\n".utf8))
        escalations.append(contentsOf: Array("trajectory_id,on\n".utf8))
        for r in records {
            let id = r.trajectoryId.uuidString
            let fields: [String] = [
                id, r.personId.uuidString, r.locationId.uuidString, r.transferredFrom?.uuidString ?? "",
                text(r.transferredOn), r.gender.rawValue,
                r.birthYear.map(String.init) ?? "", r.nationality, text(r.referredOn), text(r.admissionOn),
                r.admission?.rawValue ?? "",
                r.rejectionReason?.rawValue ?? "", text(r.hasaSubmittedOn), text(r.hasaDecidedOn),
                r.hasaOutcome?.rawValue ?? "",
                text(r.outflowOn), r.outcome?.rawValue ?? "", r.outcomeReason ?? "",
            ]
            line(&trajectories, fields)
            for p in r.perspectives { line(&perspectives, [id, text(p.on), p.perspective.rawValue]) }
            for s in r.support { line(&support, [id, s.instrument.rawValue, text(s.from)]) }
            for m in r.milestones { line(&milestones, [id, text(m.due), text(m.met)]) }
            for e in r.escalatedOn { line(&escalations, [id, text(e)]) }
        }
        for (name, bytes) in [
            ("trajectories", trajectories), ("perspectives", perspectives), ("support", support),
            ("milestones", milestones), ("escalations", escalations),
        ] {
            try Data(bytes).write(to: directory.appendingPathComponent(name + ".csv"))
        }
    }

    /// Reads what `write` wrote.
    public static func read(from directory: URL) throws -> (records: [MonitorRecord], locations: [MonitorLocation]) {
        let locations = try rows(directory, "locations").map { f in
            MonitorLocation(id: try uuid(f[0], "locations"), name: String(decoding: f[1], as: UTF8.self))
        }
        var index: [UUID: Int] = [:]
        var records: [MonitorRecord] = []
        for (n, f) in try rows(directory, "trajectories").enumerated() {
            guard f.count == trajectoryColumns.count, let gender = Gender(rawValue: string(f[5])),
                let referred = day(f[8])
            else {
                throw Failure.malformed(file: "trajectories.csv", line: n + 2)
            }
            let id = try uuid(f[0], "trajectories")
            index[id] = records.count
            records.append(
                MonitorRecord(
                    trajectoryId: id,
                    personId: try uuid(f[1], "trajectories"),
                    locationId: try uuid(f[2], "trajectories"),
                    transferredFrom: f[3].isEmpty ? nil : try uuid(f[3], "trajectories"),
                    transferredOn: day(f[4]),
                    gender: gender,
                    birthYear: Int(string(f[6])),
                    nationality: string(f[7]),
                    referredOn: referred,
                    admissionOn: day(f[9]),
                    admission: AdmissionDecision.Outcome(rawValue: string(f[10])),
                    rejectionReason: RejectionReason(rawValue: string(f[11])),
                    hasaSubmittedOn: day(f[12]),
                    hasaDecidedOn: day(f[13]),
                    hasaOutcome: ProcedureOutcome(rawValue: string(f[14])),
                    outflowOn: day(f[15]),
                    outcome: OutcomeCategory(rawValue: string(f[16])),
                    outcomeReason: f[17].isEmpty ? nil : string(f[17])
                )
            )
        }
        func owner(_ field: ArraySlice<UInt8>, _ file: String, _ n: Int) throws -> Int {
            guard let i = index[try uuid(field, file)] else {
                throw Failure.malformed(file: file + ".csv", line: n + 2)
            }
            return i
        }
        for (n, f) in try rows(directory, "perspectives").enumerated() {
            guard f.count == 3, let on = day(f[1]), let p = Perspective(rawValue: string(f[2])) else {
                throw Failure.malformed(file: "perspectives.csv", line: n + 2)
            }
            records[try owner(f[0], "perspectives", n)].perspectives.append(.init(on: on, perspective: p))
        }
        for (n, f) in try rows(directory, "support").enumerated() {
            guard f.count == 3, let i = SupportInstrument(rawValue: string(f[1])), let from = day(f[2]) else {
                throw Failure.malformed(file: "support.csv", line: n + 2)
            }
            records[try owner(f[0], "support", n)].support.append(.init(instrument: i, from: from))
        }
        for (n, f) in try rows(directory, "milestones").enumerated() {
            guard f.count == 3, let due = day(f[1]) else {
                throw Failure.malformed(file: "milestones.csv", line: n + 2)
            }
            records[try owner(f[0], "milestones", n)].milestones.append(.init(due: due, met: day(f[2])))
        }
        for (n, f) in try rows(directory, "escalations").enumerated() {
            guard f.count == 2, let on = day(f[1]) else {
                throw Failure.malformed(file: "escalations.csv", line: n + 2)
            }
            records[try owner(f[0], "escalations", n)].escalatedOn.append(on)
        }
        return (records, locations)
    }

    // MARK: Plain, fast CSV: no field holds a comma, a quote or a line break.

    private static func text(_ day: Day?) -> String {
        guard let day else { return "" }
        let digits: [UInt8] = [
            UInt8(48 + day.year / 1000), UInt8(48 + day.year / 100 % 10), UInt8(48 + day.year / 10 % 10),
            UInt8(48 + day.year % 10), 45,
            UInt8(48 + day.month / 10), UInt8(48 + day.month % 10), 45, UInt8(48 + day.day / 10),
            UInt8(48 + day.day % 10),
        ]
        return String(decoding: digits, as: UTF8.self)
    }

    private static func line(_ out: inout [UInt8], _ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(44) }
            out.append(contentsOf: field.utf8)
        }
        out.append(10)
    }

    private static func rows(_ directory: URL, _ name: String) throws -> [[ArraySlice<UInt8>]] {
        let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name + ".csv")))
        return bytes.split(separator: 10, omittingEmptySubsequences: true).dropFirst().map {
            $0.split(separator: 44, omittingEmptySubsequences: false)
        }
    }

    private static func string(_ field: ArraySlice<UInt8>) -> String { String(decoding: field, as: UTF8.self) }

    private static func uuid(_ field: ArraySlice<UInt8>, _ file: String) throws -> UUID {
        guard let id = UUID(uuidString: string(field)) else { throw Failure.malformed(file: file + ".csv", line: 0) }
        return id
    }

    private static func day(_ field: ArraySlice<UInt8>) -> Day? {
        guard field.count == 10 else { return nil }
        let b = Array(field)
        func digits(_ range: Range<Int>) -> Int? {
            var v = 0
            for i in range {
                guard (48...57).contains(b[i]) else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard b[4] == 45, b[7] == 45, let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else {
            return nil
        }
        return Day(year: y, month: m, day: d)
    }
}
