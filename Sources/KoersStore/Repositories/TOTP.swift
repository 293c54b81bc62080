import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238, on HOTP of RFC 4226): six digits from HMAC-SHA1 of
/// the 30-second step, as authenticator apps compute them.
public enum TOTP {
    public static let digits = 6
    public static let step: TimeInterval = 30

    /// A new random secret of 20 bytes (160 bits, as RFC 4226 recommends), in base32.
    public static func newSecret() -> String {
        var rng = SystemRandomNumberGenerator()
        return base32((0..<20).map { _ in UInt8.random(in: 0...255, using: &rng) })
    }

    /// The code for a moment.
    public static func code(secret: String, at date: Date) -> String? {
        guard let key = decodeBase32(secret) else { return nil }
        return code(key: key, counter: UInt64(date.timeIntervalSince1970 / step))
    }

    /// Whether `code` is right now, or one step before or after (a clock off by up to 30 s).
    public static func verify(_ code: String, secret: String, at date: Date) -> Bool {
        matchingStep(code, secret: secret, at: date) != nil
    }

    /// The time step whose code `code` is, now or one step either side; nil when it is none. A
    /// caller that keeps the last step used refuses the same code twice (RFC 6238, 5.2).
    public static func matchingStep(_ code: String, secret: String, at date: Date) -> Int64? {
        let typed = code.filter { !$0.isWhitespace }
        guard typed.count == digits, let key = decodeBase32(secret) else { return nil }
        let counter = Int64(date.timeIntervalSince1970 / step)
        return [counter, counter - 1, counter + 1].first { candidate in
            candidate >= 0 && Self.code(key: key, counter: UInt64(candidate)) == typed
        }
    }

    /// The `otpauth://` URI an authenticator app reads (usually as a QR code).
    public static func uri(secret: String, account: String, issuer: String = "Koers") -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~@:"))
        let label = "\(issuer):\(account)".addingPercentEncoding(withAllowedCharacters: allowed) ?? account
        let issuerParameter = issuer.addingPercentEncoding(withAllowedCharacters: allowed) ?? issuer
        return "otpauth://totp/\(label)?secret=\(secret)&issuer=\(issuerParameter)&digits=\(digits)&period=30"
    }

    static func code(key: [UInt8], counter: UInt64) -> String {
        let message = withUnsafeBytes(of: counter.bigEndian) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        // Dynamic truncation (RFC 4226, 5.3).
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        let value = binary % 1_000_000
        let text = String(value)
        return String(repeating: "0", count: digits - text.count) + text
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func base32(_ bytes: [UInt8]) -> String {
        var output = ""
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return output
    }

    static func decodeBase32(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer = 0
        var bits = 0
        for character in text.uppercased() where character != "=" && character != " " {
            guard let index = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | index
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> (bits - 8)) & 0xff))
                bits -= 8
            }
        }
        return bytes.isEmpty ? nil : bytes
    }
}
