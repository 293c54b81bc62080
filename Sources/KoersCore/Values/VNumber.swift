/// V-nummer: the ten-digit number under which the immigration chain knows a foreign national.
public struct VNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    public let digits: String

    /// Accepts exactly ten digits; spaces and dots people type between groups are ignored.
    public init?(_ text: String) {
        let cleaned = text.filter { $0 != " " && $0 != "." }
        guard cleaned.count == 10, cleaned.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        digits = cleaned
    }

    public var description: String { digits }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = VNumber(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected ten digits")
            )
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(digits)
    }
}
