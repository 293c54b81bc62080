import Foundation

/// The values erased with a person, gathered from everything Koers recorded about them: names,
/// aliases, V-nummers and birth dates known to the day or month.
struct ErasedValues {
    private(set) var texts: Set<String> = []

    /// Values shorter than this are not searched for in free text, where they would cut into other
    /// words; the fields that hold them are erased anyway.
    static let shortest = 3

    mutating func add(_ value: String?) {
        guard let value = value?.trimmingCharacters(in: .whitespaces), value.count >= Self.shortest,
            value != Erasure.placeholder
        else { return }
        texts.insert(value)
    }

    /// Collects the identity fields of a stored JSON document: every object holding a surname is an
    /// identity; every `vNumber` is one.
    mutating func collect(json: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) else {
            return
        }
        collect(object)
    }

    private mutating func collect(_ value: Any) {
        if let dictionary = value as? [String: Any] {
            if dictionary["surname"] != nil {
                add(dictionary["surname"] as? String)
                add(dictionary["givenNames"] as? String)
                for alias in dictionary["aliases"] as? [String] ?? [] { add(alias) }
                if let birth = dictionary["birthDate"] as? String, birth.count > 4 { add(birth) }
            }
            if let v = dictionary["vNumber"] as? String { add(v) }
            for (_, nested) in dictionary { collect(nested) }
        } else if let array = value as? [Any] {
            for nested in array { collect(nested) }
        }
    }
}

/// Erasure (vernietiging) of a person's values from a stored JSON document: identities lose their
/// names, aliases, V-nummer and day and month of birth; notes lose their text; every other text
/// loses any occurrence of an erased value. What stays decodes as before.
enum Erasure {
    static let placeholder = "[gewist]"

    /// The document without the values. `vNumberKept` replaces a V-nummer that a document must
    /// hold (a reconciliation line) instead of removing it.
    static func erase(_ json: String, _ values: ErasedValues, vNumberKept: String? = nil) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        let erased = walk(object, values.texts.sorted { $0.count > $1.count }, vNumberKept)
        let data = try JSONSerialization.data(withJSONObject: erased, options: [.fragmentsAllowed, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Free text without the values.
    static func erase(text: String, _ values: ErasedValues) -> String {
        erase(value: text, values.texts.sorted { $0.count > $1.count })
    }

    /// A value equal to an erased one is replaced; in text (a value with a space) every occurrence
    /// is. Codes, ids and dates hold no space, so a name is never cut out of one of them.
    private static func erase(value: String, _ values: [String]) -> String {
        if values.contains(where: { $0.caseInsensitiveCompare(value) == .orderedSame }) { return placeholder }
        guard value.contains(where: \.isWhitespace) else { return value }
        var text = value
        for erased in values {
            text = text.replacingOccurrences(of: erased, with: placeholder, options: .caseInsensitive)
        }
        return text
    }

    private static func walk(_ value: Any, _ values: [String], _ vNumberKept: String?) -> Any {
        if var dictionary = value as? [String: Any] {
            if dictionary["surname"] != nil {
                dictionary["surname"] = placeholder
                dictionary.removeValue(forKey: "givenNames")
                dictionary["aliases"] = [String]()
                if let birth = dictionary["birthDate"] as? String { dictionary["birthDate"] = String(birth.prefix(4)) }
            }
            if dictionary["classification"] != nil, dictionary["authorOrganisationId"] != nil,
                dictionary["text"] is String
            {
                dictionary["text"] = ""
            }
            if dictionary["vNumber"] is String {
                if let vNumberKept {
                    dictionary["vNumber"] = vNumberKept
                } else {
                    dictionary.removeValue(forKey: "vNumber")
                }
            }
            return dictionary.mapValues { walk($0, values, vNumberKept) }
        }
        if let array = value as? [Any] { return array.map { walk($0, values, vNumberKept) } }
        if let text = value as? String { return erase(value: text, values) }
        return value
    }
}
