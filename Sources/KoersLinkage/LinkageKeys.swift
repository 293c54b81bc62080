import Crypto
import Foundation

/// The keys of the encodings: one per field and one for the blocking keys, each derived with
/// HKDF-SHA256 from the network's linkage secret.
///
/// The secret lives in the locations' configuration (`KOERS_LINKAGE_SECRET`), never in the index:
/// whoever holds only the index cannot recompute an encoding from a guessed name.
public struct LinkageKeys: Sendable {
    let givenName: FieldKey
    let surname: FieldKey
    let vNumber: FieldKey
    let birthYear: FieldKey
    let birthMonth: FieldKey
    let birthDay: FieldKey
    let gender: FieldKey
    let nationality: FieldKey
    let blocking: FieldKey
    let nameSet: FieldKey
    let extras: [FieldKey]

    /// Derives the field keys from the secret; `extraFields` names the further text fields, each
    /// with its own key.
    public init(secret: [UInt8], extraFields: [String] = []) {
        let master = SymmetricKey(data: secret)
        func key(_ label: String) -> FieldKey {
            let derived = HKDF<SHA256>.deriveKey(
                inputKeyMaterial: master,
                salt: Array("koers-linkage-v1".utf8),
                info: Array(label.utf8),
                outputByteCount: 32
            )
            return FieldKey(derived)
        }
        givenName = key("givenName")
        surname = key("surname")
        vNumber = key("vNumber")
        birthYear = key("birthYear")
        birthMonth = key("birthMonth")
        birthDay = key("birthDay")
        gender = key("gender")
        nationality = key("nationality")
        blocking = key("blocking")
        nameSet = key("nameSet")
        extras = extraFields.map { key("extra:" + $0) }
    }

    /// The first 16 bytes of HMAC(key, value) as two words.
    @inline(__always)
    static func mac(_ key: FieldKey, _ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        // A copy of the keyed state: the key's padding blocks are hashed once, not per value.
        var h = key.keyed.state
        h.update(data: bytes)
        let code = h.finalize()
        return code.withUnsafeBytes { raw in
            (
                raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            )
        }
    }

    /// A keyed 64-bit token of a value.
    static func token(_ key: FieldKey, _ value: String) -> UInt64 {
        var value = value
        return value.withUTF8 { mac(key, UnsafeRawBufferPointer($0)).0 }
    }

    /// A keyed 64-bit token of a value's UTF-8 bytes: the same token as of the string.
    static func token(_ key: FieldKey, bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { mac(key, $0).0 }
    }
}

extension LinkageKeys: CustomStringConvertible, CustomDebugStringConvertible {
    /// Never the keys: whoever read them in a log could recompute an encoding from a guessed name.
    public var description: String { "LinkageKeys(\(10 + extras.count) field keys, redacted)" }

    public var debugDescription: String { description }
}

/// One field's derived HMAC key, with the HMAC state already keyed.
struct FieldKey: Sendable {
    let keyed: KeyedState

    init(_ key: SymmetricKey) {
        keyed = KeyedState(state: HMAC<SHA256>(key: key))
    }
}

/// The keyed HMAC state, only ever copied after initialisation: each use mutates its own copy
/// (the digest context is copied on write), so sharing it across threads is safe.
final class KeyedState: @unchecked Sendable {
    let state: HMAC<SHA256>

    init(state: HMAC<SHA256>) {
        self.state = state
    }
}
