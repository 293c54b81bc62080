import Foundation
import KoersCore
import KoersImport
import Testing

@Suite("Reading a city's registrations with a mapping")
struct RegistrationReaderTests {
    let mapping = ImportMapping(
        dateFormat: "dd-MM-yyyy",
        columns: [
            "sourcePersonId": "Clientnr", "sourceTrajectoryId": "Trajectnr", "givenNames": "Voornaam",
            "surname": "Achternaam", "birthDate": "Geboortedatum", "nationality": "Nationaliteit", "gender": "Geslacht",
            "vNumber": "V-nummer", "referredOn": "Aanmelding", "admission": "Toelating",
            "admissionDate": "Datum besluit",
            "rejectionReason": "Reden afwijzing", "perspective": "Perspectief", "perspectiveDate": "Datum perspectief",
            "outflowDate": "Uitstroom", "outflowReason": "Reden uitstroom",
        ],
        codes: [
            "gender": ["M": "male", "V": "female"],
            "admission": ["Ja": "admit", "Nee": "reject", "Uitzondering": "admitByException"],
            "rejectionReason": ["Geen regiobinding": "noRegionalTies"],
            "perspective": ["Terugkeer": "return", "Legalisering": "legalisation"],
            "outflowReason": [
                "Terugkeer": "independentDeparture", "vertrokken met onbekende bestemming": "leftUnknown",
                "Vergunning": "permitGranted",
            ],
        ]
    )
    let header =
        "Clientnr;Trajectnr;Voornaam;Achternaam;Geboortedatum;Nationaliteit;Geslacht;V-nummer;Aanmelding;Toelating;"
        + "Datum besluit;Reden afwijzing;Perspectief;Datum perspectief;Uitstroom;Reden uitstroom"

    func plan(_ lines: [String]) throws -> ImportPlan {
        let table = try TableReader.read(Data(([header] + lines).joined(separator: "\n").utf8))
        return try RegistrationReader(
            mapping: mapping,
            reasons: OutflowReason.nationalDefault,
            today: Day("2026-06-15")!
        ).read(table)
    }

    @Test func rowsBecomeTrajectoriesOfPersonsWithCountsPerStageOutcomeAndYear() throws {
        let plan = try plan([
            "P1;T1;Amal;Haddad;1991;SYR;V;1234567890;03-02-2020;Ja;10-02-2020;;Terugkeer;01-03-2020;"
                + "15-09-2020;Terugkeer",
            "P1;T2;Amal;Haddad;1991;SYR;V;1234567890;05-01-2022;Ja;20-01-2022;;;;;",
            "P2;T3;;Tesfay;12-05-1988;ERI;M;;43900;Nee;10-03-2020;Geen regiobinding;;;;",
        ])
        #expect(plan.reports.allSatisfy { $0.severity == .ok }, "\(plan.reports)")
        #expect(plan.trajectories.map(\.sourceTrajectoryId) == ["T1", "T2", "T3"])
        #expect(plan.persons == 2)
        #expect(plan.countsByStage == [.outflow: 1, .active: 1, .rejected: 1])
        #expect(plan.countsByOutcome == ["admit": 2, "reject": 1])
        #expect(plan.countsByYear == [2020: 2, 2022: 1])
        let tesfay = try #require(plan.trajectories.last)
        // 43900 is Excel's serial for 10 March 2020.
        #expect(tesfay.referral.referredOn == Day("2020-03-10"))
        #expect(tesfay.identity.birthDate == PartialDate(year: 1988, month: 5, day: 12))
        #expect(tesfay.admission?.rejectionReason == .noRegionalTies)
        #expect(plan.trajectories.first?.outflow?.reason.code == "independentDeparture")
    }

    @Test func everyWrongRowIsReportedWithItsFieldAndNothingOfItIsRead() throws {
        let plan = try plan([
            "P1;T1;Amal;Haddad;1991;XXY;Q;123;31-02-2020;Ja;10-02-2020;;;;;",
            "P2;T2;;Tesfay;1988;ERI;M;;01-03-2020;Ja;10-03-2020;;;;01-03-2020;Onbekend",
            "P3;T2;;Ahmadi;1990;AFG;M;;01-03-2020;;;;;;;",
            "P4;T4;;Noor;1990;AFG;M;;01-03-2020;Nee;05-03-2020;;;;;",
            "P5;T5;;Later;1990;AFG;M;;01-03-2030;;;;;;;",
        ])
        let byRow = Dictionary(uniqueKeysWithValues: plan.reports.map { ($0.row, $0) })
        func fields(_ row: Int, _ severity: RowReport.Severity = .error) -> Set<String> {
            Set(byRow[row]?.findings.filter { $0.severity == severity }.map(\.field) ?? [])
        }
        #expect(fields(2) == ["nationality", "gender", "referredOn"])
        #expect(fields(2, .warning) == ["vNumber"])
        #expect(fields(3) == ["outflowReason", "outflowDate"])
        #expect(fields(4) == ["sourceTrajectoryId"])
        #expect(byRow[5]?.severity == .warning && fields(5, .warning) == ["rejectionReason"])
        #expect(fields(6) == ["referredOn"])
        #expect(plan.trajectories.map(\.sourceTrajectoryId) == ["T4"])
        let message = try #require(byRow[3]?.findings.first { $0.field == "outflowDate" }?.message.nl)
        #expect(message.contains("ligt vóór de toelating"))
        let unknown = try #require(byRow[2]?.findings.first { $0.field == "gender" }?.message.nl)
        #expect(unknown.contains("Kolom ‘Geslacht’: ‘Q’ is onbekend"))
    }

    @Test func aMappingOrFileThatDoesNotFitIsRefusedAsAWhole() throws {
        #expect(throws: ValidationFailure.self) {
            try ImportMapping.parse(Data(#"{"dateFormat": "dd-MM-yy", "columns": {"naam": "x"}, "codes": {}}"#.utf8))
        }
        do {
            _ = try ImportMapping.parse(
                Data(#"{"dateFormat": "dd-MM-yy", "columns": {"naam": "x"}, "codes": {}}"#.utf8)
            )
        } catch {
            #expect(Set(error.errors.map(\.code)) == ["unknownField", "missingField", "dateFormat"])
        }
        let table = try TableReader.read(Data("Clientnr;Naam\n1;x\n".utf8))
        #expect(throws: ValidationFailure.self) {
            try RegistrationReader(mapping: mapping, reasons: OutflowReason.nationalDefault, today: Day("2026-06-15")!)
                .read(table)
        }
    }

    @Test func datesInEveryWrittenForm() {
        let dutch = DateReader(format: "dd-MM-yyyy")!
        #expect(dutch.day("03-02-2020") == Day("2020-02-03"))
        #expect(dutch.day("3-2-2020") == Day("2020-02-03"))
        #expect(dutch.day("03-02-2020 00:00") == Day("2020-02-03"))
        #expect(dutch.day("43900") == Day("2020-03-10"))
        #expect(dutch.day("2020-02-03") == nil)
        #expect(dutch.day("31-02-2020") == nil)
        #expect(DateReader(format: "yyyy-MM-dd")!.day("2020-02-03") == Day("2020-02-03"))
        #expect(DateReader(format: "MM/dd/yyyy")!.day("02/03/2020") == Day("2020-02-03"))
        #expect(DateReader(format: "dd-MM-yy") == nil)
    }
}

extension RegistrationReaderTests {
    @Test func furtherRowsOfATrajectoryAddItsPerspectives() throws {
        let plan = try plan([
            "P1;T1;Amal;Haddad;1991;SYR;V;;03-02-2020;Ja;10-02-2020;;Legalisering;01-03-2020;15-09-2020;Terugkeer",
            "P1;T1;Amal;Haddad;1991;SYR;V;;03-02-2020;Ja;10-02-2020;;Terugkeer;01-06-2020;15-09-2020;Terugkeer",
            // The same trajectory id with another referral is no further row but a mistake.
            "P1;T1;Amal;Haddad;1991;SYR;V;;04-02-2020;Ja;10-02-2020;;Terugkeer;01-06-2020;15-09-2020;Terugkeer",
        ])
        #expect(plan.trajectories.count == 1)
        let t1 = try #require(plan.trajectories.first)
        #expect(t1.perspectives.map(\.perspective) == [.legalisation, .returnToOrigin])
        #expect(plan.reports.map(\.severity) == [.ok, .ok, .error])
        #expect(plan.reports.last?.findings.first?.message.nl.contains("ook in rij 2") == true)
        let perspectives = t1.changes(policy: .initial(monitorK: 10), previousTrajectoryId: nil).filter {
            if case .perspectiveSet = $0 { true } else { false }
        }
        #expect(perspectives.count == 2)
    }
}
