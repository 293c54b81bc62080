import KoersCore
import KoersStore

/// Which population `koers demo` generates.
public enum DemoScenario: Sendable, Equatable {
    /// A realistic population of `persons` people referred over the three years up to today.
    case standard(persons: Int)
    /// The LVV pilot up to 1 July 2022 as the evaluation describes it, `scale` times over.
    case pilot2022(scale: Int)

    /// The day the scenario's world stops, when it is not the real today.
    var today: Day? {
        switch self {
        case .standard: nil
        case .pilot2022: Pilot2022.peildatum.adding(days: -1)
        }
    }
}
