import Foundation

/// Afstemming met de ketenpartners: compares an agency's list with what Koers holds at one
/// location. Pure: the store reads the facts, this decides what agrees.
public enum Reconciler {
    /// The outflow reasons that are departures, which DT&V's list holds and Koers must too.
    public static let departureCodes: Set<String> = ["independentDeparture", "onwardMigration"]

    /// Compares `list` with `registered`, Koers's facts of the same kind for the V-nummers it holds
    /// at the location (`known`).
    ///
    /// Each list line is paired with the unpaired fact of the same V-nummer nearest in date.
    /// Facts left unpaired are reported only within the list's own period (its first to last
    /// date), since the list says nothing about the time outside it, and for DT&V only when they
    /// are departures.
    public static func compare(
        _ list: [AgencyFact],
        with registered: [RegisteredFact],
        known: Set<VNumber>,
        source: AgencySource
    ) -> ReconciliationResult {
        var remaining = Dictionary(grouping: registered, by: \.vNumber)
        var lines: [ReconciliationLine] = []
        var unknown = 0
        for fact in list.sorted(by: { ($0.date, $0.row) < ($1.date, $1.row) }) {
            guard known.contains(fact.vNumber) else {
                unknown += 1
                continue
            }
            var candidates = remaining[fact.vNumber] ?? []
            guard
                let index = candidates.indices.min(by: {
                    distance(candidates[$0].date, fact.date) < distance(candidates[$1].date, fact.date)
                })
            else {
                lines.append(
                    .init(status: .notInKoers, vNumber: fact.vNumber, listed: fact, registered: nil, differences: [])
                )
                continue
            }
            let match = candidates.remove(at: index)
            remaining[fact.vNumber] = candidates
            let differences = Self.differences(fact, match, source: source)
            lines.append(
                .init(
                    status: differences.isEmpty ? .agrees : .differs,
                    vNumber: fact.vNumber,
                    listed: fact,
                    registered: match,
                    differences: differences
                )
            )
        }
        if let first = list.map(\.date).min(), let last = list.map(\.date).max() {
            let unpaired = remaining.values.joined().filter { fact in
                first <= fact.date && fact.date <= last
                    && (source == .ind || departureCodes.contains(fact.reasonCode ?? ""))
            }
            for fact in unpaired.sorted(by: { ($0.date, $0.vNumber.digits) < ($1.date, $1.vNumber.digits) }) {
                lines.append(
                    .init(status: .notInList, vNumber: fact.vNumber, listed: nil, registered: fact, differences: [])
                )
            }
        }
        return ReconciliationResult(lines: lines, unknownVNumbers: unknown)
    }

    private static func distance(_ a: Day, _ b: Day) -> Int { abs(a.days(until: b)) }

    static func differences(
        _ listed: AgencyFact,
        _ registered: RegisteredFact,
        source: AgencySource
    )
        -> [ReconciliationLine.Difference]
    {
        var out: [ReconciliationLine.Difference] = []
        func compare(_ field: String, _ koers: String?, _ list: String?) {
            if koers != list { out.append(.init(field: field, koers: koers ?? "—", list: list ?? "—")) }
        }
        switch source {
        case .ind:
            compare("submittedOn", registered.date.description, listed.date.description)
            compare("decidedOn", registered.decidedOn?.description, listed.decidedOn?.description)
            compare("outcome", registered.outcome?.rawValue, listed.outcome?.rawValue)
        case .dtv:
            compare("leftOn", registered.date.description, listed.date.description)
            compare("reason", registered.reasonCode, listed.reasonCode)
        }
        return out
    }
}
