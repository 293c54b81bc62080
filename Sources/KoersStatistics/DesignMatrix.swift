/// Turns table columns into a design matrix the way a formula `y ~ A + B` would: an intercept,
/// numeric columns as they are, and text columns as treatment dummies against their first level
/// in sorted order (named `A[T.level]`, as patsy and statsmodels name them).
public struct DesignMatrix: Sendable {
    public let names: [String]
    public let rows: [[Double]]

    public init(columns: [(name: String, values: [String])], rowCount: Int) {
        var names = ["Intercept"]
        var rows = Array(repeating: [1.0], count: rowCount)
        for column in columns {
            let numbers = column.values.map(Double.init)
            if numbers.allSatisfy({ $0 != nil }) {
                names.append(column.name)
                for i in 0..<rowCount { rows[i].append(numbers[i]!) }
            } else {
                let levels = Array(Set(column.values)).sorted()
                for level in levels.dropFirst() {
                    names.append("\(column.name)[T.\(level)]")
                    for i in 0..<rowCount { rows[i].append(column.values[i] == level ? 1 : 0) }
                }
            }
        }
        self.names = names
        self.rows = rows
    }
}
