import KoersStatistics
import Testing

@Suite("A researcher's CSV")
struct CSVTableTests {
    @Test func quotedFieldsBlankLinesAndRaggedRows() throws {
        let table = try CSVTable(
            parsing: "id,note\r\n1,\"twee\nregels, en \"\"aanhalingstekens\"\"\"\r\n\r\n2,kort\r\n"
        )
        #expect(table.header == ["id", "note"])
        #expect(try table.column("note") == ["twee\nregels, en \"aanhalingstekens\"", "kort"])
        #expect(throws: CSVTable.Failure.empty) { try CSVTable(parsing: "") }
        #expect(throws: CSVTable.Failure.raggedRow(line: 3, expected: 2, found: 3)) {
            try CSVTable(parsing: "a,b\n1,2\n1,2,3\n")
        }
        #expect(throws: CSVTable.Failure.unknownColumn("c")) { try CSVTable(parsing: "a,b\n1,2\n").column("c") }
    }
}
