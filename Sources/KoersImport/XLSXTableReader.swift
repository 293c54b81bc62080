import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the first worksheet of an XLSX file: the archive with ZIPFoundation, the shared strings
/// and the sheet with Foundation's event-driven `XMLParser`, which keeps no tree of the sheet.
/// Numbers come as the sheet stores them: a date is its Excel serial number, which the mapping's
/// date reader accepts.
enum XLSXTableReader {
    static func read(_ data: Data) throws(TableError) -> Table {
        // From a file, not from memory: ZIPFoundation 0.9.20's in-memory archive traps when a
        // damaged entry points past the end of the data (the property tests found it); reading a
        // file, the same damage is a thrown error.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("koers-import-\(UUID()).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let archive: Archive
        do {
            try data.write(to: url)
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw TableError.unreadableXLSX("not a ZIP archive")
        }
        let strings = try sharedStrings(in: archive)
        guard let sheet = try firstSheet(in: archive) else { throw TableError.unreadableXLSX("no worksheet") }
        let reader = SheetReader(sharedStrings: strings)
        // From a stream: given the whole sheet at once, FoundationXML hands libxml2 one chunk,
        // which refuses more than 10 MB ("huge input lookup"); a stream goes in pieces.
        let parser = XMLParser(stream: InputStream(data: try contents(of: sheet, in: archive)))
        parser.delegate = reader
        let parsed = parser.parse()
        if reader.tooLarge { throw TableError.tooLarge(limit: TableReader.maxRows) }
        guard parsed else { throw TableError.unreadableXLSX("the worksheet is not valid XML") }
        return try Table.make(records: reader.records)
    }

    /// A part of the archive, which must be UTF-8 as XML parts are: FoundationXML traps on an
    /// element name that is not (the property tests found it), so such a part is refused first.
    static func contents(of entry: Entry, in archive: Archive) throws(TableError) -> Data {
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw TableError.unreadableXLSX("a part of the archive is damaged")
        }
        guard isUTF8(data) else { throw TableError.unreadableXLSX("a part of the archive is not UTF-8") }
        return data
    }

    static func isUTF8(_ data: Data) -> Bool {
        var bytes = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    static func sharedStrings(in archive: Archive) throws(TableError) -> [String] {
        guard let entry = archive["xl/sharedStrings.xml"] else { return [] }
        let reader = SharedStringsReader()
        let parser = XMLParser(stream: InputStream(data: try contents(of: entry, in: archive)))
        parser.delegate = reader
        guard parser.parse() else { throw TableError.unreadableXLSX("the shared strings are not valid XML") }
        return reader.strings
    }

    /// The workbook's first sheet: `sheet1.xml` as Excel and LibreOffice name it, else the first
    /// worksheet part in the archive.
    static func firstSheet(in archive: Archive) throws(TableError) -> Entry? {
        if let entry = archive["xl/worksheets/sheet1.xml"] { return entry }
        return archive.filter { $0.path.hasPrefix("xl/worksheets/") && $0.path.hasSuffix(".xml") }
            .min { $0.path < $1.path }
    }

    /// The column index of a cell reference: "A1" → 0, "AB12" → 27.
    static func column(of reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }
}

/// Collects `<si>` texts, joining rich-text runs.
private final class SharedStringsReader: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false

    func parser(
        _ parser: XMLParser,
        didStartElement element: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if element == "si" { current = "" }
        if element == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "t" { inText = false }
        if element == "si" { strings.append(current) }
    }
}

/// Collects the sheet's rows as text cells, placed by their references, so skipped empty cells
/// and rows keep their positions.
private final class SheetReader: NSObject, XMLParserDelegate {
    let sharedStrings: [String]
    var records: [(number: Int, cells: [String])] = []
    var tooLarge = false
    private var row: [String] = []
    private var rowNumber = 0
    private var cellColumn = 0
    private var cellType = ""
    private var value = ""
    private var inValue = false

    init(sharedStrings: [String]) {
        self.sharedStrings = sharedStrings
    }

    func parser(
        _ parser: XMLParser,
        didStartElement element: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            row = []
        case "c":
            cellColumn = attributes["r"].flatMap(XLSXTableReader.column(of:)) ?? row.count
            cellType = attributes["t"] ?? "n"
            value = ""
        case "v", "t":
            inValue = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "v", "t":
            inValue = false
        case "c":
            var text = value
            if cellType == "s" {
                text = Int(value).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? ""
            }
            if cellType == "b" { text = value == "1" ? "TRUE" : "FALSE" }
            if cellColumn >= row.count { row += Array(repeating: "", count: cellColumn - row.count + 1) }
            row[cellColumn] = text
        case "row":
            records.append((rowNumber, row))
            if records.count > TableReader.maxRows + 1 {
                tooLarge = true
                parser.abortParsing()
            }
        default:
            break
        }
    }
}
