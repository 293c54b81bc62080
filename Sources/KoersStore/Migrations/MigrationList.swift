import FluentKit

/// Every migration, in the order it was written; never reorder, only append.
enum MigrationList {
    static let all: [any Migration] = [
        CreateLocations(),
        CreateOrganisations(),
        CreateUsers(),
        CreateSessions(),
        CreateAPITokens(),
        CreateLoginFailures(),
        CreatePersons(),
        CreateTrajectories(),
        CreateCaseEvents(),
        CreateOutflowReasons(),
        CreateProcessingLog(),
        AddDeadlinePolicyToLocations(),
        CreateMeetings(),
        CreateTransfers(),
        CreateCommitteeRequests(),
        CreateEscalations(),
        CreateLinkageIndex(),
        AddCaseSummaries(),
        AddPersonSearchIndex(),
        AddMonitorFacts(),
        CreateMonitorOutputs(),
        CreateMonitorFactTable(),
        CreateOpenDeadlines(),
        CreateStageTimeFigures(),
        AddMeetingAgendaCount(),
        CreateAdministration(),
        AddEventSource(),
        CreateImportKeys(),
        CreateImportUploads(),
        CreateReconciliations(),
        AddReviewOrigin(),
    ]
}
