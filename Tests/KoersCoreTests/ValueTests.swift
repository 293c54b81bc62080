import Foundation
import KoersCore
import Testing

@Suite("Values")
struct ValueTests {
    @Test func partialDatesAcceptYearMonthOrDay() {
        #expect(PartialDate("1990")?.description == "1990")
        #expect(PartialDate("1990-05")?.description == "1990-05")
        #expect(PartialDate("1990-05-17")?.description == "1990-05-17")
        #expect(PartialDate("1990-13") == nil)
        #expect(PartialDate("1990-02-30") == nil)
        #expect(PartialDate("90") == nil)
        #expect(PartialDate("1990-5-1") == nil)
    }

    @Test("Date fields: a case's from 2000, a person's history from 1900, at most five years ahead")
    func dateRange() {
        let today = Day("2026-11-30")!
        func codes(_ text: String, allowFuture: Bool, historic: Bool = false) -> [String] {
            let form = Form(historic ? .historicDay("d") : .day("d", allowFuture: allowFuture))
            var p = Parser(FormInput(single: ["d": text]), form: form, today: today)
            _ = p.day("d")
            return p.errors.map(\.code)
        }
        #expect(codes("4979-11-18", allowFuture: true) == ["tooFarAhead"])
        #expect(codes("2031-12-01", allowFuture: true) == ["tooFarAhead"])
        #expect(codes("2031-11-30", allowFuture: true) == [])
        #expect(codes("1999-12-31", allowFuture: false) == ["tooEarly"])
        #expect(codes("1919-09-18", allowFuture: true) == ["tooEarly"])
        #expect(codes("2000-01-01", allowFuture: false) == [])
        #expect(codes("1899-12-31", allowFuture: false, historic: true) == ["tooEarly"])
        #expect(codes("1900-01-01", allowFuture: false, historic: true) == [])
        #expect(codes("2026-12-01", allowFuture: false) == ["inFuture"])
    }

    @Test func vNumbersHaveTenDigits() {
        #expect(VNumber("1234567890")?.digits == "1234567890")
        #expect(VNumber("12 3456 7890")?.digits == "1234567890")
        #expect(VNumber("123456789") == nil)
        #expect(VNumber("12345678901") == nil)
        #expect(VNumber("12345678a0") == nil)
    }

    @Test func dayArithmeticRoundTrips() {
        let day = Day("2024-02-29")!
        #expect(Day(ordinal: day.ordinal) == day)
        #expect(day.adding(days: 1) == Day("2024-03-01"))
        #expect(day.adding(months: 12) == Day("2025-02-28"))
        #expect(Day("2026-01-01")!.days(until: Day("2026-12-31")!) == 364)
        #expect(Day("1970-01-01")!.ordinal == 0)
    }

    @Test func countriesIncludeStatelessAndUnknown() {
        #expect(Country.named("eri")?.code == "ERI")
        #expect(Country.named("XXA") != nil)
        #expect(Country.named("XXX") != nil)
        #expect(Country.named("ZZZ") == nil)
        #expect(Country.all.count == 251)
    }

    @Test("One escaping rule for HTML, XML and SVG text and attributes")
    func markup() {
        #expect(
            Markup.escape(#"<b title="x">Tom & 'Jerry'</b>"#)
                == "&lt;b title=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
        )
        #expect(Markup.escape("Gül Öztürk — 12%") == "Gül Öztürk — 12%")
        #expect(Markup.escape("&amp;") == "&amp;amp;", "escaping twice is visible, not silently undone")
    }
}

@Suite("Time-ordered ids")
struct TimeOrderedIDTests {
    @Test func versionSevenAndOrderedByTime() {
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        let ids = (0..<200).map { UUID.timeOrdered(at: start.addingTimeInterval(Double($0) * 0.002)) }
        for id in ids {
            let bytes = withUnsafeBytes(of: id.uuid) { Array($0) }
            #expect(bytes[6] >> 4 == 7, "version 7")
            #expect(bytes[8] >> 6 == 0b10, "RFC 9562 variant")
        }
        // Made in later milliseconds, they sort later, as text and as bytes.
        #expect(ids.map(\.uuidString) == ids.map(\.uuidString).sorted())
        #expect(Set(ids).count == ids.count)
        // The first 48 bits are the milliseconds.
        let bytes = withUnsafeBytes(of: ids[0].uuid) { Array($0) }
        let ms = bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(ms == 1_767_225_600_000)
    }
}
