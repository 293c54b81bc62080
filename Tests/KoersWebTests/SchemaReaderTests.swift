import Foundation
import KoersCore
import OpenAPIKit30
import Testing

@testable import KoersWeb

@Suite("Schemas read from the DTOs")
struct SchemaReaderTests {
    enum Colour: String, Codable, CaseIterable {
        case red, green
    }

    struct InnerDTO: Codable {
        let day: Day
        let note: String?
    }

    struct OuterDTO: Codable {
        let id: UUID
        let count: Int
        let share: Double
        let open: Bool
        let colour: Colour
        let tags: [String]
        let inner: InnerDTO
        let inners: [InnerDTO]?
        let vNumber: VNumber?
        let cells: [[Int?]]
    }

    struct RawOnly: Codable {
        enum Kind: String, Codable {
            case one
        }
        let kind: Kind
    }

    private func name(_ schema: JSONSchema?) -> String? {
        guard case .reference(let reference, _) = schema?.value else { return nil }
        return reference.name
    }

    @Test("A DTO's keys, types, optionality and nested types become named schemas")
    func readsAStruct() throws {
        var reader = SchemaReader()
        let schema = try reader.schema(of: OuterDTO.self)
        #expect(name(schema) == "SchemaReaderTestsOuter")
        let outer = try #require(reader.components["SchemaReaderTestsOuter"]?.objectContext)
        #expect(
            Set(outer.properties.keys) == [
                "id", "count", "share", "open", "colour", "tags", "inner", "inners",
                "vNumber", "cells",
            ]
        )
        #expect(Set(outer.requiredProperties) == ["id", "count", "share", "open", "colour", "tags", "inner", "cells"])
        #expect(outer.properties["id"]?.formatString == "uuid")
        #expect(outer.properties["count"]?.jsonType == .integer)
        #expect(outer.properties["share"]?.jsonType == .number)
        #expect(outer.properties["open"]?.jsonType == .boolean)
        #expect(outer.properties["colour"]?.allowedValues == ["red", "green"])
        #expect(outer.properties["tags"]?.arrayContext?.items?.jsonType == .string)
        #expect(name(outer.properties["inner"]) == "SchemaReaderTestsInner")
        #expect(name(outer.properties["inners"]?.arrayContext?.items) == "SchemaReaderTestsInner")
        #expect(outer.properties["vNumber"]?.jsonType == .string)
        // A suppressed cell is null: an optional element is nullable, not a plain integer.
        let cell = outer.properties["cells"]?.arrayContext?.items?.arrayContext?.items
        #expect(cell?.jsonType == .integer)
        #expect(cell?.nullable == true)
        let inner = try #require(reader.components["SchemaReaderTestsInner"]?.objectContext)
        #expect(inner.requiredProperties == ["day"])
        #expect(inner.properties["day"]?.formatString == "date")
    }

    @Test("A string enum that cannot list its cases is refused, not published as any string")
    func refusesAnUnlistedEnum() {
        var reader = SchemaReader()
        #expect(throws: (any Error).self) { try reader.schema(of: RawOnly.self) }
    }

    @Test("The document built from the code is valid OpenAPI with an answer for every operation")
    func documentIsValid() throws {
        let document = try APIContract.document()
        try document.validate()
        for operation in APIOperation.all {
            let item = try #require(document.paths[OpenAPI.Path(rawValue: operation.path)]?.pathItemValue)
            let built = try #require(item[operation.method], "\(operation.route)")
            #expect(built.responses[.status(code: operation.status)] != nil, "\(operation.route)")
        }
    }
}
