import Foundation
import KoersCore

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
}
