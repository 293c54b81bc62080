import Crypto
import Foundation

/// Random tokens and their stored digests; tokens themselves are never stored.
public enum Secrets {
    /// A URL-safe random token of 32 bytes.
    public static func token() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var rng = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(
                of: "=",
                with: ""
            )
    }

    /// Hex SHA-256 of a token, as stored.
    public static func digest(_ token: String) -> String {
        Hex.string(SHA256.hash(data: Data(token.utf8)))
    }

    /// Hex HMAC-SHA256 of a value under a key, used to pseudonymise data subjects.
    public static func pseudonym(_ value: String, key: SymmetricKey) -> String {
        Hex.string(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: key))
    }

    /// Lower-cased, diacritics-folded text for search.
    public static func searchable(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
    }
}
