import Foundation

/// An agency list compared with Koers at a location, as kept for the municipality to resolve.
public struct Reconciliation: Sendable {
    public typealias Resolution = ReconciliationResolution

    public struct Line: Sendable, Hashable {
        public init(
            id: UUID,
            number: Int,
            line: ReconciliationLine,
            resolution: Resolution?,
            note: String?,
            resolvedBy: String?,
            resolvedAt: Date?
        ) {
            self.id = id
            self.number = number
            self.line = line
            self.resolution = resolution
            self.note = note
            self.resolvedBy = resolvedBy
            self.resolvedAt = resolvedAt
        }

        public let id: UUID
        public let number: Int
        public let line: ReconciliationLine
        public let resolution: Resolution?
        public let note: String?
        public let resolvedBy: String?
        public let resolvedAt: Date?

        /// Whether the line still waits for the municipality.
        public var isOpen: Bool { line.status != .agrees && resolution == nil }
    }

    public let id: UUID
    public let locationId: UUID
    public let source: AgencySource
    public let fileName: String
    public let userName: String
    public let uploadedAt: Date
    /// The list's lines for V-nummers Koers does not hold at the location: a count, never a list.
    public let unknownVNumbers: Int
    /// The list's rows that could not be read.
    public let rejectedRows: Int
    public let lines: [Line]

    public init(
        id: UUID,
        locationId: UUID,
        source: AgencySource,
        fileName: String,
        userName: String,
        uploadedAt: Date,
        unknownVNumbers: Int,
        rejectedRows: Int,
        lines: [Line]
    ) {
        self.id = id
        self.locationId = locationId
        self.source = source
        self.fileName = fileName
        self.userName = userName
        self.uploadedAt = uploadedAt
        self.unknownVNumbers = unknownVNumbers
        self.rejectedRows = rejectedRows
        self.lines = lines
    }

    /// The lines that agree or were resolved.
    public var reconciled: Int { lines.count { !$0.isOpen } }
}

/// A comparison counted, without its lines: for the list of comparisons and the monitor's share.
public struct ReconciliationSummary: Sendable, Hashable {
    public let id: UUID
    public let locationId: UUID
    public let source: AgencySource
    public let fileName: String
    public let uploadedAt: Date
    public let lines: Int
    /// Lines that differ or that one side lacks, not yet resolved.
    public let open: Int

    public init(
        id: UUID,
        locationId: UUID,
        source: AgencySource,
        fileName: String,
        uploadedAt: Date,
        lines: Int,
        open: Int
    ) {
        self.id = id
        self.locationId = locationId
        self.source = source
        self.fileName = fileName
        self.uploadedAt = uploadedAt
        self.lines = lines
        self.open = open
    }

    public var reconciled: Int { lines - open }
}
