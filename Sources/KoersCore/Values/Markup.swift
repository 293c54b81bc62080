/// Escaping for text Koers writes into markup by hand: the monitor's SVG charts, the XLSX
/// workbook's XML, and any HTML not built by Plot (which escapes its own text nodes). One rule
/// for all three, so that a label is safe wherever it lands.
public enum Markup {
    /// Text or an attribute value with `&`, `<`, `>`, `"` and `'` replaced by entities: valid in
    /// HTML, XML and SVG content and in double- or single-quoted attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
