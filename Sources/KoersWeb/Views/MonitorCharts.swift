import Foundation
import KoersCore
import KoersMonitor

/// Charts drawn on the server as SVG: no script, readable without colour (every bar is labelled
/// with its number), and each one followed on the page by its data table for screen readers.
enum MonitorCharts {
    static let palette = ["#1d5e8c", "#6aa84f", "#c27c0e", "#8e44ad", "#555555"]

    /// Horizontal bars, one per label; a suppressed value draws no bar and says "x".
    static func bars(id: String, title: String, labels: [String], values: [Int?]) -> String {
        let width = 720
        let rowHeight = 26
        let left = 270
        let top = 8
        let height = top * 2 + rowHeight * labels.count
        let maximum = max(values.compactMap { $0 }.max() ?? 1, 1)
        var svg = svgOpen(id: id, title: title, width: width, height: height)
        for (i, label) in labels.enumerated() {
            let y = top + i * rowHeight
            svg +=
                "<text x=\"\(left - 8)\" y=\"\(y + 17)\" text-anchor=\"end\" "
                + "font-size=\"13\">\(Markup.escape(label))</text>"
            if let value = values[i] {
                let w = Int(Double(width - left - 70) * Double(value) / Double(maximum))
                svg +=
                    "<rect x=\"\(left)\" y=\"\(y + 4)\" width=\"\(max(w, value > 0 ? 1 : 0))\" "
                    + "height=\"\(rowHeight - 8)\" fill=\"\(palette[0])\"/>"
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
        let width = 720
        let rowHeight = 30
        let left = 270
        let top = 8
        let legend = 26
        let height = top * 2 + rowHeight * groups.count + legend
        let span = Double(width - left - 20)
        var svg = svgOpen(id: id, title: title, width: width, height: height)
        for (g, group) in groups.enumerated() {
            let y = top + g * rowHeight
            svg +=
                "<text x=\"\(left - 8)\" y=\"\(y + 19)\" text-anchor=\"end\" "
                + "font-size=\"13\">\(Markup.escape(group))</text>"
            let parts = values[g]
            guard parts.allSatisfy({ $0 != nil }), let total = Optional(parts.compactMap { $0 }.reduce(0, +)), total > 0
            else {
                svg += "<text x=\"\(left + 6)\" y=\"\(y + 19)\" font-size=\"13\" font-style=\"italic\">x</text>"
                continue
            }
            var x = Double(left)
            for (s, part) in parts.enumerated() {
                let w = span * Double(part!) / Double(total)
                svg +=
                    "<rect x=\"\(format(x))\" y=\"\(y + 4)\" width=\"\(format(w))\" height=\"\(rowHeight - 8)\" "
                    + "fill=\"\(palette[s % palette.count])\"/>"
                if w > 34 {
                    svg +=
                        "<text x=\"\(format(x + 4))\" y=\"\(y + 19)\" font-size=\"12\" "
                        + "fill=\"#ffffff\">\(Int((100 * Double(part!) / Double(total)).rounded()))%</text>"
                }
                x += w
            }
        }
        var x = left
        for (s, segment) in segments.enumerated() {
            let y = top + groups.count * rowHeight + 6
            svg +=
                "<rect x=\"\(x)\" y=\"\(y)\" width=\"12\" height=\"12\" fill=\"\(palette[s % palette.count])\"/><text "
                + "x=\"\(x + 16)\" y=\"\(y + 11)\" font-size=\"12\">\(Markup.escape(segment))</text>"
            x += 24 + segment.count * 7
        }
        return svg + "</svg>"
    }

    /// A line per series over months since admission, with its 95% interval as a light band and
    /// each published point labelled as a percentage.
    /// Every line starts at month 0 from `origin` (1 for a share still in a trajectory, 0 for incidence).
    static func lines(
        id: String,
        title: String,
        series: [(name: String, points: [MonitorAnalyses.Point])],
        axis: String,
        origin: Double
    ) -> String {
        let width = 720
        let left = 56
        let right = 20
        let top = 14
        let bottom = 40
        let legend = 24
        let height = 260 + legend
        let months = max(series.flatMap { $0.points.map(\.months) }.max() ?? 12, 12)
        func x(_ m: Int) -> Double { Double(left) + Double(width - left - right) * Double(m) / Double(months) }
        func y(_ v: Double) -> Double { Double(top) + Double(height - legend - top - bottom) * (1 - v) }
        var svg = svgOpen(id: id, title: title, width: width, height: height)
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg +=
                "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(format(y(tick)))\" y2=\"\(format(y(tick)))\" "
                + "stroke=\"#dddddd\"/>"
            svg +=
                "<text x=\"\(left - 6)\" y=\"\(format(y(tick) + 4))\" text-anchor=\"end\" "
                + "font-size=\"12\">\(Int(tick * 100))%</text>"
        }
        for m in Set(series.flatMap { $0.points.map(\.months) } + [0]).sorted() {
            svg +=
                "<text x=\"\(format(x(m)))\" y=\"\(height - legend - bottom + 16)\" text-anchor=\"middle\" "
                + "font-size=\"12\">\(m)</text>"
        }
        svg +=
            "<text x=\"\(format(x(months / 2)))\" y=\"\(height - legend - 8)\" text-anchor=\"middle\" "
            + "font-size=\"12\">\(Markup.escape(axis))</text>"
        var legendX = left
        for (s, line) in series.enumerated() where !line.points.isEmpty {
            let colour = palette[s % palette.count]
            let start = MonitorAnalyses.Point(months: 0, value: origin, lower: origin, upper: origin, atRisk: 0)
            let points = [start] + line.points
            svg +=
                "<rect x=\"\(legendX)\" y=\"\(height - legend + 6)\" width=\"12\" height=\"12\" "
                + "fill=\"\(colour)\"/><text x=\"\(legendX + 16)\" y=\"\(height - legend + 17)\" "
                + "font-size=\"12\">\(Markup.escape(line.name))</text>"
            legendX += 40 + line.name.count * 7
            let band =
                points.map { "\(format(x($0.months))),\(format(y($0.upper)))" }
                + points.reversed().map { "\(format(x($0.months))),\(format(y($0.lower)))" }
            svg += "<polygon points=\"\(band.joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.15\"/>"
            let polyline = points.map { "\(format(x($0.months))),\(format(y($0.value)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(polyline)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            for point in line.points {
                svg +=
                    "<circle cx=\"\(format(x(point.months)))\" cy=\"\(format(y(point.value)))\" r=\"3\" "
                    + "fill=\"\(colour)\"/>"
                // With several lines the labels would collide; the table below has every value.
                guard series.count == 1 else { continue }
                svg +=
                    "<text x=\"\(format(x(point.months)))\" y=\"\(format(y(point.value) - 7))\" "
                    + "text-anchor=\"middle\" font-size=\"11\" "
                    + "fill=\"\(colour)\">\(Int((point.value * 100).rounded()))%</text>"
            }
        }
        return svg + "</svg>"
    }

    /// Odds ratios with their 95% intervals on a log scale, a line at 1.
    static func forest(
        id: String,
        title: String,
        rows: [(label: String, ratio: Double, lower: Double, upper: Double)]
    ) -> String {
        let width = 720
        let rowHeight = 24
        let left = 270
        let right = 90
        let top = 8
        let bottom = 26
        let height = top + bottom + rowHeight * rows.count
        let low = log(max(min(rows.map(\.lower).min() ?? 0.5, 0.5), 0.01))
        let high = log(min(max(rows.map(\.upper).max() ?? 2, 2), 100))
        func x(_ v: Double) -> Double {
            Double(left) + Double(width - left - right) * (log(min(max(v, 0.01), 100)) - low) / (high - low)
        }
        var svg = svgOpen(id: id, title: title, width: width, height: height)
        svg +=
            "<line x1=\"\(format(x(1)))\" x2=\"\(format(x(1)))\" y1=\"\(top)\" y2=\"\(height - bottom)\" "
            + "stroke=\"#888888\" stroke-dasharray=\"4 3\"/>"
        for tick in [0.25, 0.5, 1, 2, 4, 8] where log(tick) >= low && log(tick) <= high {
            svg +=
                "<text x=\"\(format(x(tick)))\" y=\"\(height - 8)\" text-anchor=\"middle\" "
                + "font-size=\"12\">\(tick < 1 ? String(tick) : String(Int(tick)))</text>"
        }
        for (i, row) in rows.enumerated() {
            let y = top + i * rowHeight + rowHeight / 2
            svg +=
                "<text x=\"\(left - 8)\" y=\"\(y + 4)\" text-anchor=\"end\" "
                + "font-size=\"12\">\(Markup.escape(row.label))</text>"
            svg +=
                "<line x1=\"\(format(x(row.lower)))\" x2=\"\(format(x(row.upper)))\" y1=\"\(y)\" y2=\"\(y)\" "
                + "stroke=\"\(palette[0])\" stroke-width=\"2\"/>"
            svg +=
                "<rect x=\"\(format(x(row.ratio) - 4))\" y=\"\(y - 4)\" width=\"8\" height=\"8\" "
                + "fill=\"\(palette[0])\"/>"
            svg +=
                "<text x=\"\(width - right + 8)\" y=\"\(y + 4)\" "
                + "font-size=\"12\">\(String(format: "%.2f", row.ratio))</text>"
        }
        return svg + "</svg>"
    }

    static func svgOpen(id: String, title: String, width: Int, height: Int) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(id)-title\" viewBox=\"0 0 "
            + "\(width) \(height)\" width=\"100%\" class=\"chart\"><title "
            + "id=\"\(id)-title\">\(Markup.escape(title))</title>"
    }

    static func format(_ v: Double) -> String { String(format: "%.1f", v) }
}
