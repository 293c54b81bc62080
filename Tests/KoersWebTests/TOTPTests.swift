import Foundation
import KoersStore
import Testing

@Suite("One-time codes (RFC 6238)")
struct TOTPTests {
    /// The RFC's SHA-1 secret, "12345678901234567890", in base32.
    static let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

    @Test(
        "The RFC 6238 test vectors, to six digits",
        arguments: [
            (59.0, "287082"), (1_111_111_109, "081804"), (1_111_111_111, "050471"), (1_234_567_890, "005924"),
            (2_000_000_000, "279037"), (20_000_000_000, "353130"),
        ]
    )
    func vectors(_ time: Double, _ expected: String) {
        #expect(TOTP.code(secret: Self.secret, at: Date(timeIntervalSince1970: time)) == expected)
    }

    @Test("A code is accepted one step either side, and not two")
    func window() throws {
        let now = Date(timeIntervalSince1970: 1_234_567_890)
        let code = try #require(TOTP.code(secret: Self.secret, at: now))
        #expect(TOTP.verify(code, secret: Self.secret, at: now.addingTimeInterval(30)))
        #expect(TOTP.verify(code, secret: Self.secret, at: now.addingTimeInterval(-30)))
        #expect(!TOTP.verify(code, secret: Self.secret, at: now.addingTimeInterval(90)))
        #expect(!TOTP.verify("12345", secret: Self.secret, at: now))
    }

    @Test("A new secret is 160 bits in base32, and the URI names it")
    func secrets() {
        let secret = TOTP.newSecret()
        #expect(secret.count == 32)
        #expect(TOTP.uri(secret: secret, account: "anna@lvv.nl").hasPrefix("otpauth://totp/Koers:anna@lvv.nl?secret="))
    }
}
