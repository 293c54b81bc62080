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
