import Foundation
import KoersCore

/// The smallest honest XLSX: an Office Open XML workbook with inline strings, in a ZIP archive
/// whose entries are stored (not compressed), so no compression library is needed.
public enum XLSXWriter {
    enum Value {
        case text(String)
        case number(Int)
    }

    static func workbook(_ sheets: [(name: String, rows: [[Value]])]) -> [UInt8] {
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
        return zip(files.map { ($0.0, Array($0.1.utf8)) })
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

    /// A ZIP archive of stored entries (PKWARE APPNOTE 4.3: local headers, central directory, end record).
    static func zip(_ entries: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func le16(_ v: Int, _ b: inout [UInt8]) { b += [UInt8(v & 0xff), UInt8((v >> 8) & 0xff)] }
        func le32(_ v: UInt32, _ b: inout [UInt8]) {
            b += [UInt8(v & 0xff), UInt8((v >> 8) & 0xff), UInt8((v >> 16) & 0xff), UInt8(v >> 24)]
        }
        for (name, data) in entries {
            let nameBytes = Array(name.utf8)
            let crc = crc32(data)
            let offset = UInt32(out.count)
            le32(0x0403_4b50, &out)
            le16(20, &out)
            le16(0x0800, &out)
            le16(0, &out)
            le16(0, &out)
            le16(0x21, &out)
            le32(crc, &out)
            le32(UInt32(data.count), &out)
            le32(UInt32(data.count), &out)
            le16(nameBytes.count, &out)
            le16(0, &out)
            out += nameBytes + data
            le32(0x0201_4b50, &central)
            le16(20, &central)
            le16(20, &central)
            le16(0x0800, &central)
            le16(0, &central)
            le16(0, &central)
            le16(0x21, &central)
            le32(crc, &central)
            le32(UInt32(data.count), &central)
            le32(UInt32(data.count), &central)
            le16(nameBytes.count, &central)
            le16(0, &central)
            le16(0, &central)
            le16(0, &central)
            le16(0, &central)
            le32(0, &central)
            le32(offset, &central)
            central += nameBytes
        }
        let start = UInt32(out.count)
        out += central
        le32(0x0605_4b50, &out)
        le16(0, &out)
        le16(0, &out)
        le16(entries.count, &out)
        le16(entries.count, &out)
        le32(UInt32(central.count), &out)
        le32(start, &out)
        le16(0, &out)
        return out
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1 }
        }
        return ~crc
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
