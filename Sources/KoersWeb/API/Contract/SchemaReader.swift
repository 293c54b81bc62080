import Foundation
import KoersCore
import OpenAPIKit30

/// A type that states its own JSON Schema and a value to stand for it, because its `init(from:)`
/// reads a string it then checks (a day, a V-number) and would refuse any placeholder.
protocol SchemaDescribed {
    /// What the API sends for it.
    static var jsonSchema: JSONSchema { get }
    /// Any valid value: the reader hands it to the type that holds one.
    static var schemaSample: Self { get }
}

/// Derives the JSON Schema of a response from the DTO's own `Decodable` conformance: the reader
/// plays a decoder, and records every key the type asks for, with its type and whether it is
/// optional. So the published schema is the type the route encodes, and cannot drift from it.
///
/// Every struct becomes a named schema in `components`, referred to where it is used. Enums with
/// string raw values must be `CaseIterable`, so their values can be listed.
struct SchemaReader {
    /// The named schemas found so far.
    private(set) var components: OrderedDictionary<String, JSONSchema> = [:]
    /// Which Swift type each name was given to, so two types never share one.
    private var owners: [String: ObjectIdentifier] = [:]

    enum ReaderError: Error, CustomStringConvertible {
        case unsupported(String)
        case nameTaken(String)

        var description: String {
            switch self {
            case .unsupported(let what): "The schema reader cannot describe \(what)"
            case .nameTaken(let name): "Two types would be published as the schema \(name)"
            }
        }
    }

    /// The schema of `type`: a reference for a struct, an inline schema for anything else.
    mutating func schema<T: Decodable>(of type: T.Type) throws -> JSONSchema {
        try read(type).schema
    }

    /// The schema of `type` and a value of it, so the type that holds it can go on decoding.
    mutating func read<T: Decodable>(_ type: T.Type) throws -> (schema: JSONSchema, value: T) {
        if let optional = type as? any OptionalValue.Type {
            // An element that may be missing, as a suppressed cell in a table: null is a value here.
            let wrapped = try optional.readWrapped(&self)
            let nullable = wrapped.isReference ? JSONSchema.all(of: [wrapped]) : wrapped
            return (nullable.nullableSchemaObject(), optional.none as! T)
        }
        if let described = type as? any SchemaDescribed.Type {
            return (described.jsonSchema, described.schemaSample as! T)
        }
        if let primitive = Self.primitive(type) { return primitive }
        if let choice = try Self.choice(type) { return choice }
        let decoder = ShapeDecoder(reader: self)
        let value = try T(from: decoder)
        self = decoder.reader
        guard let shape = decoder.shape else { throw ReaderError.unsupported("\(T.self), which reads nothing") }
        switch shape {
        case .object(let properties, let required):
            let name = Self.name(of: type)
            if let owner = owners[name], owner != ObjectIdentifier(type) { throw ReaderError.nameTaken(name) }
            owners[name] = ObjectIdentifier(type)
            var marked = properties
            for (key, schema) in properties {
                marked[key] = required.contains(key) ? schema.requiredSchemaObject() : schema.optionalSchemaObject()
            }
            components[name] = .object(properties: marked)
            return (.reference(.component(named: name)), value)
        case .array(let items):
            return (.array(items: items), value)
        case .single(let schema):
            return (schema, value)
        }
    }

    /// The component's name: the type's path without the module, `DTO` or `APIController`, and
    /// without saying a word twice, so `CaseDTO.EventDTO` is `CaseEvent` and
    /// `MeetingAPIController.MeetingDTO` is `Meeting`.
    static func name(of type: Any.Type) -> String {
        var words: [String] = []
        for part in String(reflecting: type).split(separator: ".").dropFirst() {
            var word = String(part)
            for suffix in ["DTO", "APIController"] where word.hasSuffix(suffix) { word.removeLast(suffix.count) }
            if !word.isEmpty, word != words.last { words.append(word) }
        }
        return words.joined()
    }

    private static func primitive<T>(_ type: T.Type) -> (schema: JSONSchema, value: T)? {
        switch type {
        case is String.Type: (.string, "" as! T)
        case is Bool.Type: (.boolean, false as! T)
        case is Int.Type: (.integer, 0 as! T)
        case is Double.Type: (.number(format: .double), 0.0 as! T)
        case is UUID.Type: (.string(format: .extended(.uuid)), UUID() as! T)
        case is Date.Type: (.string(format: .dateTime), Date(timeIntervalSince1970: 0) as! T)
        default: nil
        }
    }

    private static func allCases<C: CaseIterable>(of type: C.Type) -> [Any] { C.allCases.map { $0 } }

    /// A string enum: its raw values, and its first case to stand for it.
    private static func choice<T>(_ type: T.Type) throws -> (schema: JSONSchema, value: T)? {
        guard let cases = type as? any CaseIterable.Type else {
            if type is any RawRepresentable.Type {
                throw ReaderError.unsupported("\(T.self), an enum that does not list its cases (CaseIterable)")
            }
            return nil
        }
        let values = allCases(of: cases)
        let raw = values.compactMap { ($0 as? any RawRepresentable)?.rawValue as? String }
        guard let first = values.first as? T, raw.count == values.count else {
            throw ReaderError.unsupported("\(T.self), a case-iterable type without string raw values")
        }
        return (.string(allowedValues: raw.map(AnyCodable.init)), first)
    }
}

/// An optional read as a value of its own (in a list), not through `decodeIfPresent`.
private protocol OptionalValue {
    static func readWrapped(_ reader: inout SchemaReader) throws -> JSONSchema
    /// `Optional.none` is the witness.
    static var none: Self { get }
}

extension Optional: OptionalValue where Wrapped: Decodable {
    fileprivate static func readWrapped(_ reader: inout SchemaReader) throws -> JSONSchema {
        try reader.schema(of: Wrapped.self)
    }
}

/// What a type asked its decoder for.
private enum Shape {
    case object(OrderedDictionary<String, JSONSchema>, required: Set<String>)
    case array(JSONSchema)
    case single(JSONSchema)
}

/// The decoder the reader hands to a type's `init(from:)`.
private final class ShapeDecoder: Decoder {
    var reader: SchemaReader
    var shape: Shape?
    let codingPath: [any CodingKey] = []
    let userInfo: [CodingUserInfoKey: Any] = [:]

    init(reader: SchemaReader) { self.reader = reader }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        shape = .object([:], required: [])
        return KeyedDecodingContainer(KeyedReader<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { ItemsReader(decoder: self) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { ValueReader(decoder: self) }

    /// Records one property of the object.
    func property<T: Decodable>(_ key: some CodingKey, _ type: T.Type, required: Bool) throws -> T {
        let (schema, value) = try reader.read(type)
        guard case .object(var properties, var requiredKeys) = shape else {
            throw SchemaReader.ReaderError.unsupported("\(T.self) outside an object")
        }
        properties[key.stringValue] = schema
        if required { requiredKeys.insert(key.stringValue) }
        shape = .object(properties, required: requiredKeys)
        return value
    }

    func value<T: Decodable>(_ type: T.Type, array: Bool) throws -> T {
        let (schema, value) = try reader.read(type)
        shape = array ? .array(schema) : .single(schema)
        return value
    }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: ShapeDecoder
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.property(key, type, required: true)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        _ = try decoder.property(key, type, required: false)
        return nil
    }

    // The typed overloads route through the generic one, which knows the primitives.
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try decoder.property(key, type, required: true)
    }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.property(key, type, required: true) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.property(key, type, required: true) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try decoder.property(key, type, required: true)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        _ = try decoder.property(key, type, required: false)
        return nil
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        _ = try decoder.property(key, type, required: false)
        return nil
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        _ = try decoder.property(key, type, required: false)
        return nil
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        _ = try decoder.property(key, type, required: false)
        return nil
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        throw SchemaReader.ReaderError.unsupported("a nested container under \(key.stringValue)")
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw SchemaReader.ReaderError.unsupported("a nested list under \(key.stringValue)")
    }

    func superDecoder() throws -> any Decoder { throw SchemaReader.ReaderError.unsupported("a super decoder") }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        throw SchemaReader.ReaderError.unsupported("a super decoder")
    }
}

/// A list: the first element's schema is every element's; then the list says it has ended.
private struct ItemsReader: UnkeyedDecodingContainer {
    let decoder: ShapeDecoder
    var codingPath: [any CodingKey] { [] }
    var count: Int? { nil }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex > 0 }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        currentIndex += 1
        return try decoder.value(type, array: true)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        throw SchemaReader.ReaderError.unsupported("an object nested in a list by hand")
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw SchemaReader.ReaderError.unsupported("a list nested in a list by hand")
    }

    mutating func superDecoder() throws -> any Decoder { throw SchemaReader.ReaderError.unsupported("a super decoder") }
}

private struct ValueReader: SingleValueDecodingContainer {
    let decoder: ShapeDecoder
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(type, array: false) }
    func decode(_ type: String.Type) throws -> String { try decoder.value(type, array: false) }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.value(type, array: false) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.value(type, array: false) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.value(type, array: false) }
}

extension Day: SchemaDescribed {
    static var jsonSchema: JSONSchema { .string(format: .date) }
    static var schemaSample: Day { Day(year: 2000, month: 1, day: 1)! }
}

extension PartialDate: SchemaDescribed {
    static var jsonSchema: JSONSchema {
        .string(description: "YYYY, YYYY-MM or YYYY-MM-DD", pattern: "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
    }
    static var schemaSample: PartialDate { PartialDate(year: 2000)! }
}

extension VNumber: SchemaDescribed {
    static var jsonSchema: JSONSchema { .string(description: "V-nummer: ten digits", pattern: "^[0-9]{10}$") }
    static var schemaSample: VNumber { VNumber("1234567890")! }
}
