import Foundation
import KoersCore
import MultipartKit
import NIOCore

/// Parses `application/x-www-form-urlencoded` into a multi-valued ``FormInput``
/// (repeated keys, as check boxes send them, keep every value).
enum FormBody {
    static func parse(_ body: String) -> FormInput {
        var values: [String: [String]] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            values[key, default: []].append(value)
        }
        return FormInput(values)
    }

    /// One `application/x-www-form-urlencoded` component: `+` is a space, then percent-decoding.
    /// Query strings from a GET form are encoded the same way.
    static func decode(_ s: Substring) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// A file sent with a form: its bytes as sent (an XLSX is no text) and its name.
    struct Upload: Sendable {
        let fileName: String
        let data: Data
    }

    /// A `multipart/form-data` body (a form with a file): each part's field name and its content
    /// as text, and the parts that are files as bytes. Nil when the body does not parse.
    static func parseMultipart(_ body: ByteBuffer, contentType: String) -> (FormInput, [String: Upload])? {
        guard let boundary = boundary(contentType) else { return nil }
        let parser = MultipartParser(boundary: boundary)
        var values: [String: [String]] = [:]
        var uploads: [String: Upload] = [:]
        var name: String?
        var fileName: String?
        var content = ByteBuffer()
        parser.onHeader = { header, value in
            guard header.lowercased() == "content-disposition" else { return }
            name = parameter("name", in: value)
            fileName = parameter("filename", in: value)
        }
        parser.onBody = { chunk in content.writeBuffer(&chunk) }
        parser.onPartComplete = {
            if let field = name {
                values[field, default: []].append(String(buffer: content))
                if let fileName, !fileName.isEmpty {
                    uploads[field] = Upload(fileName: fileName, data: Data(content.readableBytesView))
                }
            }
            name = nil
            fileName = nil
            content.clear()
        }
        do {
            try parser.execute(body)
        } catch {
            return nil
        }
        return (FormInput(values), uploads)
    }

    /// The `boundary` of a `multipart/form-data` content type.
    static func boundary(_ contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        return parameter("boundary", in: contentType)
    }

    /// A `name=value` or `name="value"` parameter of a header value.
    private static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            let value = pair[1]
            return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2
                ? String(value.dropFirst().dropLast()) : value
        }
        return nil
    }
}
