/// How a name is written down before it is encoded: folded to plain lower-case letters, and reduced
/// to a transliteration skeleton that the usual spellings of one name share.
///
/// Names from Eritrea, Afghanistan, Iran or Somalia reach the LVVs in several Latin spellings
/// ("Mohammed", "Muhammad", "Mohamed"; "Abd al-Rahman", "Abdelrahman"). The folded form keeps what
/// was written; the skeleton drops what transliterations disagree on: particles, vowels after the
/// first letter, doubled letters and a few consonant pairs.
public enum NameFolding {
    /// Lower-case ASCII letters and single spaces: diacritics removed (é → e, ö → o, ß → ss),
    /// hyphens and other separators as spaces, apostrophes and digits dropped.
    public static func fold(_ text: String) -> String {
        fold(text, keepDigits: false)
    }

    /// ``fold(_:)`` keeping the digits 0–9, for text fields such as an address or a postcode.
    public static func foldKeepingDigits(_ text: String) -> String {
        fold(text, keepDigits: true)
    }

    static func fold(_ text: String, keepDigits: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(_ byte: UInt8) {
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                switch v {
                case 0x41...0x5A: append(UInt8(v + 0x20))
                case 0x61...0x7A: append(UInt8(v))
                case 0x27, 0x60: continue  // apostrophes join: Abd'allah → abdallah
                case 0x30...0x39 where keepDigits: append(UInt8(v))
                default: pendingSpace = true
                }
            } else if let replacement = special[v] {
                for byte in replacement.utf8 { append(byte) }
            } else if let base = latinBase(scalar) {
                for byte in base { append(byte) }
            } else if scalar.properties.isAlphabetic {
                continue  // letters of other scripts are not encoded; the Latin spelling is
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Letters that have no plain Latin letter in their Unicode name.
    private static let special: [UInt32: String] = [
        0xDF: "ss", 0x131: "i", 0xFE: "th", 0xDE: "th", 0xF0: "d", 0xD0: "d",
        0x2BF: "", 0x2BE: "", 0x2019: "", 0x2018: "",  // ayn, hamza and curly apostrophes
    ]

    /// The plain letters under a Latin letter with diacritics, read from its Unicode name:
    /// "LATIN SMALL LETTER E WITH ACUTE" → `e`, "LATIN CAPITAL LETTER AE" → `ae`.
    private static func latinBase(_ scalar: Unicode.Scalar) -> [UInt8]? {
        guard let name = scalar.properties.name else { return nil }
        let prefix =
            name.hasPrefix("LATIN SMALL LETTER ")
            ? "LATIN SMALL LETTER " : name.hasPrefix("LATIN CAPITAL LETTER ") ? "LATIN CAPITAL LETTER " : nil
        guard let prefix else { return nil }
        let letters = name.dropFirst(prefix.count).prefix { $0 != " " }
        guard (1...2).contains(letters.count), letters.allSatisfy({ $0 >= "A" && $0 <= "Z" }) else { return nil }
        return letters.utf8.map { $0 + 0x20 }
    }

    /// Particles that transliterations add or leave out: al-Hassan, el Sayed, bin, ould.
    static let particles: Set<String> = [
        "al", "el", "ul", "il", "ad", "ed", "as", "es", "at", "ar", "an", "az", "bin", "ben", "ibn", "bint", "ould",
        "wuld", "abu", "abou", "aboo",
    ]

    /// The transliteration skeleton of a name: particles dropped, the first letter's vowel written
    /// as `a`, later vowels dropped, consonant variants merged and doubled letters collapsed.
    /// "Mohammed", "Muhammad" and "Mohamed" all become `mhmd`.
    public static func skeleton(_ text: String) -> String {
        skeleton(folded: fold(text))
    }

    /// ``skeleton(_:)`` of text that is already folded.
    public static func skeleton(folded: String) -> String {
        let words = folded.split(separator: " ").filter { !particles.contains(String($0)) }
        var joined = Array(words.joined().utf8)
        if joined.isEmpty { joined = Array(folded.utf8).filter { $0 != 0x20 } }
        // Abdel-, Abdul-, Abdal- are Abd al-: the particle sits inside the word.
        if joined.count > 6, joined.starts(with: Array("abd".utf8)),
            [Array("el".utf8), Array("ul".utf8), Array("al".utf8)].contains(Array(joined[3..<5]))
        {
            joined.removeSubrange(3..<5)
        }
        var out: [UInt8] = []
        out.reserveCapacity(joined.count)
        var i = 0
        while i < joined.count {
            var c = joined[i]
            let next: UInt8? = i + 1 < joined.count ? joined[i + 1] : nil
            // Consonant pairs that one transliteration writes with one letter and another with two.
            // 0x68 is "h".
            if let next, next == 0x68, [0x6B, 0x67, 0x64, 0x74, 0x70, 0x73, 0x7A, 0x63].contains(c) {
                // kh→k, gh→g, dh→d, th→t, ph→f, sh→s, zh→z, ch→c
                c = c == 0x70 ? 0x66 : c
                i += 1
            }
            switch c {
            case 0x71: c = 0x6B  // q → k
            case 0x6A: c = 0x79  // j → y (Yohannes, Johannes)
            case 0x77: c = 0x76  // w → v
            case 0x63: c = 0x6B  // c → k
            case 0x7A: c = 0x73  // z → s
            default: break
            }
            let isVowel = [0x61, 0x65, 0x69, 0x6F, 0x75, 0x79].contains(c)
            if out.isEmpty {
                out.append(isVowel ? 0x61 : c)
            } else if !isVowel && out.last != c {
                out.append(c)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
