import Foundation
import KoersMonitor

/// Charts drawn on the server as SVG: no script, readable without colour (every bar is labelled
/// with its number), and each one followed on the page by its data table for screen readers.
enum MonitorCharts {
    static let palette = ["#1d5e8c", "#6aa84f", "#c27c0e", "#8e44ad", "#555555"]

    /// Horizontal bars, one per label; a suppressed value draws no bar and says "x".
    static func bars(id: String, title: String, labels: [String], values: [Int?]) -> String {
        let width = 720, rowHeight = 26, left = 270, top = 8
        let height = top * 2 + rowHeight * labels.count
        let maximum = max(values.compactMap { $0 }.max() ?? 1, 1)
        var svg = svgOpen(id: id, title: title, width: width, height: height)
        for (i, label) in labels.enumerated() {
            let y = top + i * rowHeight
            svg += "<text x=\"\(left - 8)\" y=\"\(y + 17)\" text-anchor=\"end\" font-size=\"13\">\(XLSXWriter.escape(label))</text>"
            if let value = values[i] {
                let w = Int(Double(width - left - 70) * Double(value) / Double(maximum))
                svg += "<rect x=\"\(left)\" y=\"\(y + 4)\" width=\"\(max(w, value > 0 ? 1 : 0))\" height=\"\(rowHeight - 8)\" fill=\"\(palette[0])\"/>"
                svg += "<text x=\"\(left + w + 6)\" y=\"\(y + 17)\" font-size=\"13\">\(value)</text>"
            } else {
                svg += "<text x=\"\(left + 6)\" y=\"\(y + 17)\" font-size=\"13\" font-style=\"italic\">x</text>"
            }
        }
        return svg + "</svg>"
    }

    /// One 100% bar per group, split into segments (shares of the published parts); a group with
    /// a suppressed part is drawn as "x", since its shares would not be exact.
    static func stacked(id: String, title: String, groups: [String], segments: [String], values: [[Int?]]) -> String {
        let width = 720, rowHeight = 30, left = 270, top = 8, legend = 26
        let height = top * 2 + rowHeight * groups.count + legend
        let span = Double(width - left - 20)
        var svg = svgOpen(id: id, title: title, width: width, height: height)
        for (g, group) in groups.enumerated() {
            let y = top + g * rowHeight
            svg += "<text x=\"\(left - 8)\" y=\"\(y + 19)\" text-anchor=\"end\" font-size=\"13\">\(XLSXWriter.escape(group))</text>"
            let parts = values[g]
            guard parts.allSatisfy({ $0 != nil }), let total = Optional(parts.compactMap { $0 }.reduce(0, +)), total > 0 else {
                svg += "<text x=\"\(left + 6)\" y=\"\(y + 19)\" font-size=\"13\" font-style=\"italic\">x</text>"
                continue
            }
            var x = Double(left)
            for (s, part) in parts.enumerated() {
                let w = span * Double(part!) / Double(total)
                svg += "<rect x=\"\(format(x))\" y=\"\(y + 4)\" width=\"\(format(w))\" height=\"\(rowHeight - 8)\" fill=\"\(palette[s % palette.count])\"/>"
                if w > 34 {
                    svg += "<text x=\"\(format(x + 4))\" y=\"\(y + 19)\" font-size=\"12\" fill=\"#ffffff\">\(Int((100 * Double(part!) / Double(total)).rounded()))%</text>"
                }
                x += w
            }
        }
        var x = left
        for (s, segment) in segments.enumerated() {
            let y = top + groups.count * rowHeight + 6
            svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"12\" height=\"12\" fill=\"\(palette[s % palette.count])\"/><text x=\"\(x + 16)\" y=\"\(y + 11)\" font-size=\"12\">\(XLSXWriter.escape(segment))</text>"
            x += 24 + segment.count * 7
        }
        return svg + "</svg>"
    }

    static func svgOpen(id: String, title: String, width: Int, height: Int) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(id)-title\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" class=\"chart\"><title id=\"\(id)-title\">\(XLSXWriter.escape(title))</title>"
    }

    static func format(_ v: Double) -> String { String(format: "%.1f", v) }
}
