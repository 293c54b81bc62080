import Foundation
import Hummingbird
import KoersCore
import NIOCore

/// Reads a JSON object body into the same ``FormInput`` the web forms produce, so both go
/// through one parser per command, by the command's ``Form``: each value must have its field's
/// JSON type, and is then handed to the parser as text.
enum JSONInput {
    /// The largest body read: room for the longest field any form allows, even with every character
    /// written as a `\\u` escape.
    static let maxBytes = 1_000_000
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
    }

    /// Reads a JSON object body by the command's form: each field must have its spec's JSON type
    /// (a string, a boolean for a flag, an integer for a number, an array of strings for a list),
    /// or be absent or null. Every mistyped field is reported at once; fields the form does not
    /// know are ignored, as the document allows.
    static func read(_ request: Request, form: Form) async throws -> FormInput {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // A field error like any other, so the client learns which limit it passed.
            throw AppError.invalid(
                ValidationFailure([
                    FieldError(
                        field: "body",
                        code: "tooLarge",
                        message: .init(
                            nl: "De body is groter dan \(maxBytes / 1000) kB.",
                            en: "The body is larger than \(maxBytes / 1000) kB."
                        )
                    )
                ])
            )
        }
        if buffer.readableBytes == 0 {
            // Read as `{}`, so a form's required fields are named; a form without any (the parties
            // that need a second factor, possibly none) would otherwise take a missing body as a choice.
            guard form.fields.contains(where: \.required) else {
                throw AppError.invalid(
                    ValidationFailure([
                        FieldError(
                            field: "body",
                            code: "missingBody",
                            message: .init(nl: "Er ontbreekt een JSON-object.", en: "A JSON object is missing.")
                        )
                    ])
                )
            }
            return FormInput()
        }
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
        var input = FormInput()
        for spec in form.fields {
            guard let value = object[spec.name] else { continue }
            if case .null = value { continue }
            if let texts = Self.texts(value, for: spec) {
                input.set(spec.name, texts)
            } else {
                input.reject(FieldError(field: spec.name, code: "invalidType", message: Self.expected(spec)))
            }
        }
        return input
    }

    /// The value as the form's text values, or nil when its JSON type is not the spec's.
    private static func texts(_ value: Value, for spec: FieldSpec) -> [String]? {
        switch (spec.kind, value) {
        case (.flag, .bool(let b)): return [b ? "true" : "false"]
        case (.integer, .number(let n)) where n == n.rounded() && abs(n) < 1e15: return [String(Int64(n))]
        // A list of texts arrives as an array and is read as the form's one text, a line each.
        case (.texts, .array(let items)):
            let texts = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
            return texts.count == items.count ? [texts.joined(separator: "\n")] : nil
        case (.choices, .array(let items)), (.uuids, .array(let items)):
            let texts = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
            return texts.count == items.count ? texts : nil
        case (.flag, _), (.integer, _), (.texts, _), (.choices, _), (.uuids, _): return nil
        // Free text is trimmed by the parser; a code, a date or an id must be exactly one.
        case (.text, .string(let s)): return [s]
        case (_, .string(let s)) where !s.isEmpty && s == s.trimmingCharacters(in: .whitespacesAndNewlines): return [s]
        default: return nil
        }
    }

    private static func expected(_ spec: FieldSpec) -> LocalizedText {
        switch spec.kind {
        case .flag: LocalizedText(nl: "Verwacht true of false.", en: "Expected true or false.")
        case .integer: LocalizedText(nl: "Verwacht een heel getal.", en: "Expected a whole number.")
        case .texts, .choices, .uuids:
            LocalizedText(nl: "Verwacht een lijst van teksten.", en: "Expected a list of strings.")
        case .text: LocalizedText(nl: "Verwacht een tekst.", en: "Expected a string.")
        default:
            LocalizedText(
                nl: "Verwacht een tekst (een code, datum of id) zonder spaties eromheen.",
                en: "Expected a string (a code, date or id) without surrounding spaces."
            )
        }
    }
}
