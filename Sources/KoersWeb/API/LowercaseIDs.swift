/// Ids in the API's JSON in lower case, as in its URLs.
///
/// Foundation encodes a `UUID` in upper case and offers no strategy to change that. This pass over
/// the encoded bytes lowers the hex letters of a string value only where it is an id: a canonical
/// UUID under a key named `id`, or ending in `Id` or `Ids` (the array's elements then). Text a user
/// wrote never stands under such a key, so no note or name is touched. One linear pass, no copy.
enum LowercaseIDs {
    static func apply(_ bytes: inout [UInt8]) {
        // The key each open container's values belong to: an object's latest key, or for an array
        // the key it stands under.
        var keys: [ArraySlice<UInt8>?] = []
        var isArray: [Bool] = []
        var lastString: Range<Int>?
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                var j = i + 1
                while j < bytes.count && bytes[j] != UInt8(ascii: "\"") {
                    j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1
                }
                let string = (i + 1)..<min(j, bytes.count)
                let inArray = isArray.last == true
                // A value: in an array, or after a key in an object.
                if inArray || (lastString == nil && keys.last != nil && keys.last! != nil) {
                    if let key = keys.last ?? nil, isIDKey(key, plural: inArray), isUppercaseUUID(bytes[string]) {
                        for k in string where bytes[k] >= UInt8(ascii: "A") && bytes[k] <= UInt8(ascii: "F") {
                            bytes[k] += 32
                        }
                    }
                    lastString = nil
                } else {
                    lastString = string
                }
                i = j + 1
                continue
            case UInt8(ascii: ":"):
                if let key = lastString, !keys.isEmpty { keys[keys.count - 1] = bytes[key] }
                lastString = nil
            case UInt8(ascii: "{"):
                keys.append(nil)
                isArray.append(false)
            case UInt8(ascii: "["):
                // The array's elements belong to the key it stands under.
                keys.append(keys.last ?? nil)
                isArray.append(true)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                keys.removeLast()
                isArray.removeLast()
                lastString = nil
                if isArray.last == false, !keys.isEmpty { keys[keys.count - 1] = nil }
            case UInt8(ascii: ","):
                lastString = nil
                if isArray.last == false, !keys.isEmpty { keys[keys.count - 1] = nil }
            default:
                break
            }
            i += 1
        }
    }

    private static func isIDKey(_ key: ArraySlice<UInt8>, plural: Bool) -> Bool {
        let text = String(decoding: key, as: UTF8.self)
        return plural ? text.hasSuffix("Ids") || text == "ids" : text == "id" || text.hasSuffix("Id")
    }

    /// A canonical UUID (8-4-4-4-12 hex digits) with at least one upper-case letter.
    private static func isUppercaseUUID(_ text: ArraySlice<UInt8>) -> Bool {
        guard text.count == 36 else { return false }
        var upper = false
        for (offset, byte) in text.enumerated() {
            if [8, 13, 18, 23].contains(offset) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F") {
                upper = true
            } else if !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                return false
            }
        }
        return upper
    }
}
