import Foundation
import KoersCore
import ZIPFoundation

/// The smallest honest XLSX: an Office Open XML workbook with inline strings, in a deflated ZIP
/// archive (ZIPFoundation).
public enum XLSXWriter {
    enum Value {
        case text(String)
        case number(Int)
    }

    static func workbook(_ sheets: [(name: String, rows: [[Value]])]) throws -> [UInt8] {
        var files: [(String, String)] = []
        let overrides = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        files.append(("[Content_Types].xml", OOXML.contentTypes(overrides: overrides)))
        files.append(("_rels/.rels", OOXML.packageRelationships))
        let sheetList = sheets.enumerated().map {
            "<sheet name=\"\(Markup.escape(String($1.name.prefix(31))))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>"
        }.joined()
        files.append(("xl/workbook.xml", OOXML.workbook(sheets: sheetList)))
        let rels = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" "
                + "Type=\"\(OOXML.relationshipTypes)/worksheet\" "
                + "Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        files.append(("xl/_rels/workbook.xml.rels", OOXML.workbookRelationships(rels)))
        for (i, sheet) in sheets.enumerated() {
            var xml = OOXML.declaration + "<worksheet xmlns=\"\(OOXML.spreadsheetML)\"><sheetData>"
            for (r, row) in sheet.rows.enumerated() {
                xml += "<row r=\"\(r + 1)\">"
                for (c, value) in row.enumerated() {
                    let ref = column(c) + String(r + 1)
                    switch value {
                    case .number(let n): xml += "<c r=\"\(ref)\"><v>\(n)</v></c>"
                    case .text(let t): xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(Markup.escape(t))</t></is></c>"
                    }
                }
                xml += "</row>"
            }
            files.append(("xl/worksheets/sheet\(i + 1).xml", xml + "</sheetData></worksheet>"))
        }
        return try zip(files.map { ($0.0, Array($0.1.utf8)) })
    }

    static func column(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            n -= 1
            name = String(UnicodeScalar(UInt8(65 + n % 26))) + name
            n /= 26
        }
        return name
    }

    /// The package's parts in a ZIP archive, deflated, written by ZIPFoundation in memory.
    static func zip(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(
                with: path,
                type: .file,
                uncompressedSize: Int64(data.count),
                compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        return Array(archive.data ?? Data())
    }
}

/// The fixed parts of an Office Open XML workbook package.
enum OOXML {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
    static let spreadsheetML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipsNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypesNS = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let officeDocument = "application/vnd.openxmlformats-officedocument"

    static func contentTypes(overrides: String) -> String {
        declaration + "<Types xmlns=\"\(contentTypesNS)\">"
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(officeDocument).spreadsheetml.sheet.main+xml\"/>"
            + overrides + "</Types>"
    }

    static let packageRelationships =
        declaration + "<Relationships xmlns=\"\(packageRelationshipsNS)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipTypes)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbook(sheets: String) -> String {
        declaration + "<workbook xmlns=\"\(spreadsheetML)\" xmlns:r=\"\(relationshipTypes)\"><sheets>" + sheets
            + "</sheets></workbook>"
    }

    static func workbookRelationships(_ rels: String) -> String {
        declaration + "<Relationships xmlns=\"\(packageRelationshipsNS)\">" + rels + "</Relationships>"
    }
}
