import Foundation
import Hummingbird
import KoersCore
import NIOCore

/// Reads a JSON object body into the same ``FormInput`` the web forms produce, so both go
/// through one parser per command: strings as they are, numbers and booleans as text,
/// arrays as repeated values.
enum JSONInput {
    /// A JSON value, decoded without losing the difference between booleans and numbers.
    enum Value: Decodable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case array([Value])
        case object
        case null

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
            } else if let b = try? c.decode(Bool.self) {
                self = .bool(b)
            } else if let n = try? c.decode(Double.self) {
                self = .number(n)
            } else if let s = try? c.decode(String.self) {
                self = .string(s)
            } else if let a = try? c.decode([Value].self) {
                self = .array(a)
            } else {
                self = .object
            }
        }

        var text: String? {
            switch self {
            case .string(let s): s
            case .bool(let b): b ? "true" : "false"
            case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
            default: nil
            }
        }
    }

    static func read(_ request: Request) async throws -> FormInput {
        let buffer = try await request.body.collect(upTo: 1_000_000)
        if buffer.readableBytes == 0 { return FormInput() }
        guard let object = try? JSONDecoder().decode([String: Value].self, from: Data(buffer.readableBytesView)) else {
            throw AppError.invalid(
                ValidationFailure([
                    FieldError(
                        field: "body",
                        code: "invalidJSON",
                        message: .init(
                            nl: "De body is geen geldig JSON-object.",
                            en: "The body is not a valid JSON object."
                        )
                    )
                ])
            )
        }
        var values: [String: [String]] = [:]
        var errors: [FieldError] = []
        for (key, value) in object {
            switch value {
            case .null: continue
            case .array(let items): values[key] = items.compactMap(\.text)
            case .object:
                errors.append(
                    FieldError(
                        field: key,
                        code: "invalidType",
                        message: .init(
                            nl: "Verwacht een tekst, getal, ja/nee of lijst.",
                            en: "Expected a string, number, boolean or list."
                        )
                    )
                )
            default: values[key] = value.text.map { [$0] }
            }
        }
        if !errors.isEmpty { throw AppError.invalid(ValidationFailure(errors)) }
        return FormInput(values)
    }
}
