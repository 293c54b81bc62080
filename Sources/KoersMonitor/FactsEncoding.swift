import Foundation
import KoersCore

/// The binary form of ``TrajectoryFacts``: a version byte, then each field in a fixed order. Days
/// are their ordinal, absent values a marker, and enumerations their raw value as text, so adding
/// a case to an enumeration never changes how stored rows read. A change of layout raises the
/// version, and `koers projections rebuild` writes every row again.
public enum FactsEncoding {
    public static let version: UInt8 = 1

    public enum Failure: Error, Equatable {
        case truncated
        case unknownVersion(UInt8)
        case unknownValue(String)
    }

    public static func encode(_ facts: TrajectoryFacts) -> [UInt8] {
        var w = Writer()
        let r = facts.record
        w.byte(version)
        w.uuid(r.trajectoryId)
        w.uuid(r.personId)
        w.uuid(r.locationId)
        w.optionalUUID(r.transferredFrom)
        w.day(r.transferredOn)
        w.text(r.gender.rawValue)
        w.int(r.birthYear)
        w.text(r.nationality)
        w.day(r.referredOn)
        w.day(r.admissionOn)
        w.text(r.admission?.rawValue)
        w.text(r.rejectionReason?.rawValue)
        w.count(r.perspectives.count)
        for p in r.perspectives {
            w.day(p.on)
            w.text(p.perspective.rawValue)
        }
        w.count(r.support.count)
        for s in r.support {
            w.text(s.instrument.rawValue)
            w.day(s.from)
        }
        w.day(r.hasaSubmittedOn)
        w.day(r.hasaDecidedOn)
        w.text(r.hasaOutcome?.rawValue)
        w.day(r.outflowOn)
        w.text(r.outcome?.rawValue)
        w.text(r.outcomeReason)
        w.count(r.escalatedOn.count)
        for d in r.escalatedOn { w.day(d) }
        let d = facts.deadlines
        w.day(d.admittedOn)
        w.day(d.leftOn)
        w.day(d.firstPerspectiveOn)
        w.count(d.reviews.count)
        for day in d.reviews { w.day(day) }
        w.count(d.adjustments.count)
        for a in d.adjustments {
            w.text(a.key)
            w.text(a.kind.rawValue)
            w.day(a.on)
            w.day(a.until)
        }
        w.count(d.actionItems.count)
        for item in d.actionItems {
            w.uuid(item.id)
            w.text(item.party.rawValue)
            w.day(item.dueOn)
            w.day(item.assignedOn)
            w.day(item.completedOn)
        }
        return w.bytes
    }

    public static func decode(_ bytes: some Collection<UInt8>) throws -> TrajectoryFacts {
        try Array(bytes).withUnsafeBytes { try decode($0) }
    }

    /// Decodes in place, without a copy: the monitor's first computation reads a million rows.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws -> TrajectoryFacts {
        do {
            var r = Reader(buffer: bytes.assumingMemoryBound(to: UInt8.self))
            let v = try r.byte()
            guard v == version else { throw Failure.unknownVersion(v) }
            var record = MonitorRecord(
                trajectoryId: try r.uuid(),
                personId: try r.uuid(),
                locationId: try r.uuid(),
                transferredFrom: try r.optionalUUID(),
                transferredOn: try r.day(),
                gender: try r.value(Gender.self),
                birthYear: try r.int(),
                nationality: try r.requiredText(),
                referredOn: try r.requiredDay()
            )
            record.admissionOn = try r.day()
            record.admission = try r.optionalValue(AdmissionDecision.Outcome.self)
            record.rejectionReason = try r.optionalValue(RejectionReason.self)
            record.perspectives = try r.list {
                MonitorRecord.DatedPerspective(on: try $0.requiredDay(), perspective: try $0.value(Perspective.self))
            }
            record.support = try r.list {
                MonitorRecord.UsedInstrument(
                    instrument: try $0.value(SupportInstrument.self),
                    from: try $0.requiredDay()
                )
            }
            record.hasaSubmittedOn = try r.day()
            record.hasaDecidedOn = try r.day()
            record.hasaOutcome = try r.optionalValue(ProcedureOutcome.self)
            record.outflowOn = try r.day()
            record.outcome = try r.optionalValue(OutcomeCategory.self)
            record.outcomeReason = try r.text()
            record.escalatedOn = try r.list { try $0.requiredDay() }
            var deadlines = DeadlineFacts(admittedOn: try r.day(), leftOn: try r.day(), firstPerspectiveOn: try r.day())
            deadlines.reviews = try r.list { try $0.requiredDay() }
            deadlines.adjustments = try r.list {
                MilestoneAdjustment(
                    key: try $0.requiredText(),
                    kind: try $0.value(MilestoneAdjustment.Kind.self),
                    on: try $0.requiredDay(),
                    until: try $0.day(),
                    reason: nil
                )
            }
            deadlines.actionItems = try r.list {
                ActionItem(
                    id: try $0.uuid(),
                    party: try $0.value(Party.self),
                    text: "",
                    dueOn: try $0.requiredDay(),
                    assignedOn: try $0.requiredDay(),
                    meetingId: nil,
                    completedOn: try $0.day()
                )
            }
            guard r.atEnd else { throw Failure.truncated }
            return TrajectoryFacts(record: record, deadlines: deadlines)
        }
    }

    // MARK: Primitives

    /// Absent days and numbers are `Int32.min`; absent text is length 0xFFFF.
    private static let absent = Int32.min
    private static let noText: UInt16 = 0xFFFF

    private struct Writer {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(160) }

        mutating func byte(_ b: UInt8) { bytes.append(b) }

        mutating func int32(_ v: Int32) {
            withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func int(_ v: Int?) { int32(v.map { Int32(clamping: $0) } ?? absent) }
        mutating func day(_ d: Day?) { int32(d.map { Int32(clamping: $0.ordinal) } ?? absent) }

        mutating func count(_ n: Int) {
            withUnsafeBytes(of: UInt16(clamping: n).littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func uuid(_ u: UUID) {
            withUnsafeBytes(of: u.uuid) { bytes.append(contentsOf: $0) }
        }

        mutating func optionalUUID(_ u: UUID?) {
            if let u {
                byte(1)
                uuid(u)
            } else {
                byte(0)
            }
        }

        mutating func text(_ s: String?) {
            guard let s else {
                withUnsafeBytes(of: noText.littleEndian) { bytes.append(contentsOf: $0) }
                return
            }
            let utf8 = Array(s.utf8.prefix(Int(noText) - 1))
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    private struct Reader {
        let buffer: UnsafeBufferPointer<UInt8>
        var offset = 0

        init(buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

        var atEnd: Bool { offset == buffer.count }

        mutating func take(_ n: Int) throws -> UnsafeBufferPointer<UInt8> {
            guard offset + n <= buffer.count else { throw Failure.truncated }
            defer { offset += n }
            return UnsafeBufferPointer(rebasing: buffer[offset..<offset + n])
        }

        mutating func byte() throws -> UInt8 { try take(1)[0] }

        mutating func int32() throws -> Int32 {
            let b = try take(4)
            return Int32(bitPattern: UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24)
        }

        mutating func uint16() throws -> UInt16 {
            let b = try take(2)
            return UInt16(b[0]) | UInt16(b[1]) << 8
        }

        mutating func int() throws -> Int? {
            let v = try int32()
            return v == absent ? nil : Int(v)
        }

        mutating func day() throws -> Day? { try int().map { Day(ordinal: $0) } }

        mutating func requiredDay() throws -> Day {
            guard let d = try day() else { throw Failure.truncated }
            return d
        }

        mutating func uuid() throws -> UUID {
            let b = try take(16)
            return UUID(
                uuid: (
                    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                    b[15]
                )
            )
        }

        mutating func optionalUUID() throws -> UUID? { try byte() == 0 ? nil : try uuid() }

        mutating func text() throws -> String? {
            let n = try uint16()
            if n == noText { return nil }
            return String(decoding: try take(Int(n)), as: UTF8.self)
        }

        mutating func requiredText() throws -> String {
            guard let s = try text() else { throw Failure.truncated }
            return s
        }

        mutating func value<T: RawRepresentable<String>>(_: T.Type) throws -> T {
            let raw = try requiredText()
            guard let value = T(rawValue: raw) else { throw Failure.unknownValue(raw) }
            return value
        }

        mutating func optionalValue<T: RawRepresentable<String>>(_: T.Type) throws -> T? {
            guard let raw = try text() else { return nil }
            guard let value = T(rawValue: raw) else { throw Failure.unknownValue(raw) }
            return value
        }

        mutating func list<T>(_ element: (inout Reader) throws -> T) throws -> [T] {
            let n = Int(try uint16())
            var result: [T] = []
            result.reserveCapacity(n)
            for _ in 0..<n { result.append(try element(&self)) }
            return result
        }
    }
}
