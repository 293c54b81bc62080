import Foundation

/// Reads a file that should hold a table: XLSX when it is a ZIP archive, CSV when it is text.
public enum TableReader {
    /// Rows beyond this are refused: a national history is well under it, a mistake is not.
    public static let maxRows = 1_000_000

    public static func read(_ data: Data) throws(TableError) -> Table {
        guard !data.isEmpty else { throw TableError.empty }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXTableReader.read(data) }
        guard let text = decodeText(data) else { throw TableError.notATable }
        return try CSVTableReader.read(text)
    }

    /// The file as text: UTF-8 (with or without a byte-order mark), else Windows-1252, as older
    /// spreadsheets save it. Bytes no text file holds (NUL, most control codes) make it no text.
    static func decodeText(_ data: Data) -> String? {
        let controls = data.prefix(65536).contains { $0 < 0x09 || (0x0E...0x1F).contains($0) }
        guard !controls else { return nil }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        return String(data: bytes, encoding: .windowsCP1252)
    }
}
