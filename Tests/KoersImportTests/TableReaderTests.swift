import Foundation
import KoersImport
import PropertyBased
import Testing
import ZIPFoundation

@Suite("Reading CSV and XLSX files")
struct TableReaderTests {
    @Test func utf8WithByteOrderMarkSemicolonsAndAQuotedNewline() throws {
        let text = "\u{FEFF}Client nr;Naam;Opmerking\r\n1;Haddad;\"eerste regel\ntweede; regel\"\r\n\r\n2;Öztürk;\r\n"
        let table = try TableReader.read(Data(text.utf8))
        #expect(table.header == ["Client nr", "Naam", "Opmerking"])
        #expect(table.rows.map(\.cells) == [["1", "Haddad", "eerste regel\ntweede; regel"], ["2", "Öztürk", ""]])
        #expect(table.rows.map(\.number) == [2, 4])
        #expect(table.column("client NR ") == 0)
    }

    @Test func windows1252AndTrailingColumns() throws {
        // "Hélène" in Windows-1252 is not valid UTF-8.
        var data = Data("nr,naam,,\n1,H".utf8)
        data.append(contentsOf: [0xE9])
        data.append(contentsOf: Array("l".utf8))
        data.append(contentsOf: [0xE8])
        data.append(contentsOf: Array("ne,,extra\n".utf8))
        let table = try TableReader.read(data)
        #expect(table.header == ["nr", "naam"])
        #expect(table.rows.first?.cells == ["1", "Hélène"])
        #expect(table.rowsWithExtraCells == [2])
    }

    @Test func emptyAndNonTableFilesAreNamed() {
        #expect(throws: TableError.empty) { try TableReader.read(Data()) }
        #expect(throws: TableError.notATable) { try TableReader.read(Data([0x00, 0x01, 0x02, 0xFF, 0x10])) }
        #expect(throws: TableError.noHeader) { try TableReader.read(Data(",,\n1,2\n".utf8)) }
    }

    @Test func xlsxWithSharedAndInlineStringsAndSkippedCells() throws {
        let data = try Self.xlsx(
            sheet: """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
                <row r="2"><c r="A2"><v>17</v></c><c r="C2"><v>43831</v></c></row>
                <row r="4"><c r="A4" t="inlineStr"><is><t>18</t></is></c><c r="B4" t="s"><v>3</v></c></row>
                </sheetData></worksheet>
                """,
            strings: ["Client nr", "Naam", "Aanmelddatum", "Tesfay & zn"]
        )
        let table = try TableReader.read(data)
        #expect(table.header == ["Client nr", "Naam", "Aanmelddatum"])
        #expect(table.rows.map(\.number) == [2, 4])
        #expect(table.rows.map(\.cells) == [["17", "", "43831"], ["18", "Tesfay & zn", ""]])
    }

    /// Over 10 MB of worksheet: libxml2 refuses that as one chunk, so the reader streams it.
    @Test func aWorksheetOverTenMegabytes() throws {
        var sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
        sheet.reserveCapacity(12_500_000)
        for row in 2...200_001 {
            sheet += "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"inlineStr\"><is><t>nummer \(row)</t></is></c></row>"
        }
        sheet += "</sheetData></worksheet>"
        #expect(sheet.utf8.count > 10_000_000)
        let table = try TableReader.read(try Self.xlsx(sheet: sheet, strings: ["nr"]))
        #expect(table.rows.count == 200_000 && table.rows.last?.cells == ["nummer 200001"])
    }

    /// A byte that is no UTF-8 in an element's name trapped FoundationXML; it is refused first.
    @Test func aWorksheetThatIsNoUTF8IsNamed() throws {
        let data = try Self.xlsx(
            sheet: "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>",
            strings: [],
            replacingInSheet: (Array("worksheet".utf8), [0x77, 0xDF, 0x6F, 0x72, 0x6B, 0x73, 0x68, 0x65, 0x65, 0x74])
        )
        #expect(throws: TableError.unreadableXLSX("a part of the archive is not UTF-8")) { try TableReader.read(data) }
    }

    @Test func aZipThatIsNoWorkbookIsNamed() throws {
        let archive = try Archive(accessMode: .create)
        let content = Data("hallo".utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(content.count)) {
            position,
            size in content.subdata(in: Int(position)..<Int(position) + size)
        }
        #expect(throws: TableError.unreadableXLSX("no worksheet")) { try TableReader.read(archive.data!) }
    }

    /// Random bytes, and a good file with bytes changed, never crash the readers: they give a
    /// table or a named error.
    @Test func randomAndMutatedFilesGiveATableOrANamedError() async throws {
        await propertyCheck(count: 300, input: Gen.int(in: 0...255).array(of: 0...400)) { values in
            _ = try? TableReader.read(Data(values.map { UInt8($0) }))
        }
        let good = Array("nr;naam;datum\n1;\"Haddad\";01-02-2020\n2;Tesfay;2020-03-04\n".utf8)
        await propertyCheck(count: 300, input: Gen.int(in: 0...(good.count - 1)), Gen.int(in: 0...255)) { index, byte in
            var mutated = good
            mutated[index] = UInt8(byte)
            _ = try? TableReader.read(Data(mutated))
        }
        let workbook = try Self.xlsx(
            sheet: "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>",
            strings: ["nr"]
        )
        await propertyCheck(count: 200, input: Gen.int(in: 0...(workbook.count - 1)), Gen.int(in: 0...255)) {
            index,
            byte in
            var mutated = workbook
            mutated[index] = UInt8(byte)
            _ = try? TableReader.read(mutated)
        }
    }

    /// A minimal workbook: the sheet and its shared strings, deflated as Excel writes them.
    static func xlsx(
        sheet: String,
        strings: [String],
        replacingInSheet replacement: ([UInt8], [UInt8])? = nil
    ) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let shared =
            "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + strings.map { "<si><t>\($0.replacingOccurrences(of: "&", with: "&amp;"))</t></si>" }.joined()
            + "</sst>"
        for (path, text) in [("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", shared)] {
            var bytes = Array(text.utf8)
            if let (old, new) = replacement, path.hasPrefix("xl/worksheets"),
                let range = bytes.firstRange(of: old)
            {
                bytes.replaceSubrange(range, with: new)
            }
            let content = Data(bytes)
            try archive.addEntry(
                with: path,
                type: .file,
                uncompressedSize: Int64(content.count),
                compressionMethod: .deflate
            ) { position, size in content.subdata(in: Int(position)..<Int(position) + size) }
        }
        return archive.data!
    }
}
