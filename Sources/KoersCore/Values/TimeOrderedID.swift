import Foundation

extension UUID {
    /// A version 7 UUID (RFC 9562): the Unix time in milliseconds, then random bits. Ids made one
    /// after another sort next to each other, so the indexes of a national database grow at their
    /// end instead of taking a random page for every new case, event or person.
    public static func timeOrdered(at date: Date = Date()) -> UUID {
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var random = SystemRandomNumberGenerator()
        let a = random.next() as UInt64
        let b = random.next() as UInt64
        func byte(_ value: UInt64, _ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: value >> shift) }
        return UUID(
            uuid: (
                byte(milliseconds, 40), byte(milliseconds, 32), byte(milliseconds, 24), byte(milliseconds, 16),
                byte(milliseconds, 8), byte(milliseconds, 0),
                0x70 | (byte(a, 0) & 0x0F), byte(a, 8),
                0x80 | (byte(a, 16) & 0x3F), byte(a, 24), byte(a, 32), byte(a, 40), byte(a, 48), byte(a, 56),
                byte(b, 0), byte(b, 8)
            )
        )
    }
}

extension UUID {
    /// Eight hex digits that tell ids apart on a page or in a neutral reference ("Dossier
    /// 5e0c9a1f"): the last ones, which are random, since the first of a time-ordered id are the
    /// moment it was made.
    public var shortReference: String {
        String(uuidString.lowercased().suffix(8))
    }
}
