import Crypto
import Foundation

/// The heads of every chain on a day, signed with a key kept outside the database (Ed25519), for
/// the hosting party to keep elsewhere. Checked against them, `koers audit verify` also catches a
/// chain rewritten and hashed again, and a tail cut off.
public struct SignedHeads: Codable, Sendable {
    public let createdAt: String
    public let chains: [String: ChainHeads.Head]
    /// The signing key's public half, base64.
    public let publicKey: String
    /// Ed25519 over ``signedText``, base64.
    public let signature: String

    /// What is signed: the moment and every chain's head, one per line, in the order of their names.
    static func signedText(createdAt: String, chains: [String: ChainHeads.Head]) -> String {
        "koers-audit-heads 1\n" + createdAt + "\n"
            + chains.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.seq) \($0.value.hash)\n" }.joined()
    }

    /// Signs the heads with the key.
    public static func sign(
        _ chains: [String: ChainHeads.Head],
        with key: AuditKey,
        at date: Date = Date()
    ) throws
        -> SignedHeads
    {
        let createdAt = ISO8601DateFormatter().string(from: date)
        let text = signedText(createdAt: createdAt, chains: chains)
        let signature = try key.privateKey.signature(for: Data(text.utf8))
        return SignedHeads(
            createdAt: createdAt,
            chains: chains,
            publicKey: key.publicKeyBase64,
            signature: signature.base64EncodedString()
        )
    }

    /// Whether the file is signed by this public key (base64) and unchanged since.
    public func isSigned(by publicKeyBase64: String) -> Bool {
        guard let keyData = Data(base64Encoded: publicKeyBase64),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyData),
            let signatureData = Data(base64Encoded: signature)
        else { return false }
        return key.isValidSignature(
            signatureData,
            for: Data(Self.signedText(createdAt: createdAt, chains: chains).utf8)
        )
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> SignedHeads {
        try JSONDecoder().decode(SignedHeads.self, from: data)
    }
}

/// The key that signs the exported heads: an Ed25519 private key, base64, in a file outside the
/// database (`KOERS_AUDIT_KEY`).
public struct AuditKey: Sendable {
    let raw: Data

    var privateKey: Curve25519.Signing.PrivateKey {
        // The raw bytes were checked when the key was read.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    }

    public var publicKeyBase64: String { privateKey.publicKey.rawRepresentation.base64EncodedString() }

    /// A new key, as the text of its file.
    public static func generate() -> String {
        Curve25519.Signing.PrivateKey().rawRepresentation.base64EncodedString() + "\n"
    }

    /// The key in a file written by ``generate()``.
    public init(file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let data = Data(base64Encoded: text), (try? Curve25519.Signing.PrivateKey(rawRepresentation: data)) != nil
        else { throw StoreError.conflict("\(file.path) does not hold an audit key (koers audit key --out FILE)") }
        raw = data
    }
}
