import Foundation
import Testing

/// Checks on rendered HTML that every page with forms must pass.
enum PageChecks {
    /// Every `id="…"` on the page.
    static func ids(_ html: String) -> [String] {
        matches(#" id="([^"]+)""#, in: html)
    }

    /// Ids that occur more than once.
    static func duplicateIds(_ html: String) -> [String] {
        Dictionary(grouping: ids(html), by: { $0 }).filter { $0.value.count > 1 }.map(\.key).sorted()
    }

    /// The error summaries' links: (target id, link text).
    static func summaryLinks(_ html: String) -> [(id: String, text: String)] {
        var links: [(String, String)] = []
        for summary in blocks(#"<div class="error-summary".*?</div>"#, in: html) {
            let regex = try! NSRegularExpression(pattern: ##"<a href="#([^"]+)">([^<]*)</a>"##)
            for m in regex.matches(in: summary, range: NSRange(summary.startIndex..., in: summary)) {
                links.append(
                    (
                        String(summary[Range(m.range(at: 1), in: summary)!]),
                        String(summary[Range(m.range(at: 2), in: summary)!])
                    )
                )
            }
        }
        return links
    }

    /// The visible name of a field: its `<label for>` or, for a fieldset, its legend; without the
    /// required marker.
    static func fieldName(_ id: String, in html: String) -> String? {
        let escaped = NSRegularExpression.escapedPattern(for: id)
        let name =
            matches(#"<label for=""# + escaped + #""[^>]*>([^<]*)</label>"#, in: html).first
            ?? matches(#"<fieldset[^>]*id=""# + escaped + #""[^>]*><legend>([^<]*)</legend>"#, in: html).first
            ?? matches(#"<fieldset><legend>([^<]*)</legend>(?:(?!</fieldset>).)*?id=""# + escaped + #"""#, in: html)
            .first
        return name.map { $0.hasSuffix(" *") ? String($0.dropLast(2)) : $0 }
    }

    /// Expects each error summary link to point at a field on the page and to begin with that
    /// field's own label, in the words the field uses.
    static func expectSummaryUsesFieldLabels(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let links = summaryLinks(html)
        #expect(!links.isEmpty, "no error summary links", sourceLocation: sourceLocation)
        for link in links {
            guard let name = fieldName(link.id, in: html) else {
                Issue.record(
                    "summary links to #\(link.id), which has no label on the page",
                    sourceLocation: sourceLocation
                )
                continue
            }
            #expect(
                link.text.hasPrefix(unescape(name) + ": "),
                "summary ‘\(link.text)’ against field ‘\(name)’",
                sourceLocation: sourceLocation
            )
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
    }

    static func count(_ needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    static func blocks(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range, in: text)!])
        }
    }
}
