import Foundation

/// One entry of the processing log as a subject-access document shows it: which organisation did
/// what, when, under which trace.
public struct LoggedProcessing: Sendable, Hashable {
    public let startedAt: Date?
    public let endedAt: Date
    public let activity: ProcessingActivity?
    /// The code as logged, for an activity this version no longer knows.
    public let activityCode: String
    public let status: ProcessingStatus?
    public let organisationName: String
    public let party: Party?
    public let traceId: String
    public let spanId: String
    public let parentSpanId: String?
    public let operation: String?

    public init(
        startedAt: Date?,
        endedAt: Date,
        activityCode: String,
        status: String,
        organisationName: String,
        party: Party?,
        traceId: String,
        spanId: String,
        parentSpanId: String?,
        operation: String?
    ) {
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.activity = ProcessingActivity(rawValue: activityCode)
        self.activityCode = activityCode
        self.status = ProcessingStatus(rawValue: status)
        self.organisationName = organisationName
        self.party = party
        self.traceId = traceId
        self.spanId = spanId
        self.parentSpanId = parentSpanId
        self.operation = operation
    }
}
