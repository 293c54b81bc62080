import FluentKit
import Foundation
import KoersCore
import Testing

@testable import KoersStore
@testable import KoersWeb

/// The progress view's medians count a location's whole history, so they are kept in the
/// database: served again while the location has not changed or the kept ones are young enough.
@Suite("Stored stage times")
struct StageTimeFigureTests {
    @Test(
        "Kept while nothing changed or young enough; computed again after a change once old",
        arguments: TestDatabase.available
    )
    func keptAndRecomputed(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, _ in
            let cases = app.services.cases
            let file = try await app.admitted(surname: "Doorloop")
            let location = file.locationId
            let day = TestApp.today
            let start = Date()
            let first = try await cases.stageTimes(at: location, on: day, maximumAge: 60, now: start)
            // What is kept equals what the database computes now.
            for figure in first.figures {
                let direct = try #require(try await cases.medianDays(of: figure.span, at: location, on: day))
                #expect(figure.cases == direct.cases && figure.medianDays == direct.median)
            }
            #expect(first.figures.first { $0.span == .active }?.cases ?? 0 >= 1)
            // Nothing changed: served as kept, however old.
            let later = try await cases.stageTimes(at: location, on: day, maximumAge: 60, now: start + 3600)
            #expect(later.computedAt == first.computedAt && later.figures == first.figures)
            // A change at the location: still the kept figures while they are young.
            _ = try await app.admitted(surname: "Nieuwkomer")
            let young = try await cases.stageTimes(at: location, on: day, maximumAge: 60, now: start + 30)
            #expect(young.computedAt == first.computedAt)
            // Old and changed: computed again, now counting the new case.
            let fresh = try await cases.stageTimes(at: location, on: day, maximumAge: 60, now: start + 120)
            #expect(fresh.computedAt != first.computedAt)
            let active = { (f: StageTimeFigures) in f.figures.first { $0.span == .active }?.cases ?? 0 }
            #expect(active(fresh) == active(first) + 1)
        }
    }
}
