import KoersCore

// The admission section as the API shows it: the intake's evidence, the check and the decision.
// Own types, with today's field names, so that stored events and the API can change apart.

/// What the intake established for the admission check (toelatingstoets).
struct AdmissionEvidenceDTO: Codable, Sendable {
    let lawfulStay: Answer
    let stateReception: Answer
    let asylumProcedureCompleted: Answer
    let lastAsylumRejectionOn: Day?
    let willingToCooperate: Answer
    let activeAtOtherLocation: Answer
    let inRegionSince: Day?
    let regionalTies: [RegionalTie]
    let seriousEntryBan: Bool
    let criminalRecord: Bool
    let biometricallyIdentified: Bool
    /// The CBS code of the municipality the person stays in, when recorded.
    let municipalityOfStay: String?
}

extension AdmissionEvidenceDTO {
    init(_ evidence: AdmissionEvidence) {
        self.init(
            lawfulStay: evidence.lawfulStay,
            stateReception: evidence.stateReception,
            asylumProcedureCompleted: evidence.asylumProcedureCompleted,
            lastAsylumRejectionOn: evidence.lastAsylumRejectionOn,
            willingToCooperate: evidence.willingToCooperate,
            activeAtOtherLocation: evidence.activeAtOtherLocation,
            inRegionSince: evidence.inRegionSince,
            regionalTies: evidence.regionalTies,
            seriousEntryBan: evidence.seriousEntryBan,
            criminalRecord: evidence.criminalRecord,
            biometricallyIdentified: evidence.biometricallyIdentified,
            municipalityOfStay: evidence.municipalityOfStay
        )
    }
}

/// One criterion of the admission check: met, not met or unknown, with the reason in words.
struct CriterionResultDTO: Codable, Sendable {
    let criterion: Criterion
    let status: CriterionResult.Status
    let reason: LocalizedTextDTO
}

extension CriterionResultDTO {
    init(_ result: CriterionResult) {
        self.init(criterion: result.criterion, status: result.status, reason: LocalizedTextDTO(result.reason))
    }
}

/// A flag the case meeting must weigh, and why it was raised.
struct FlagResultDTO: Codable, Sendable {
    let flag: AdmissionFlag
    let reason: LocalizedTextDTO
}

extension FlagResultDTO {
    init(_ result: FlagResult) {
        self.init(flag: result.flag, reason: LocalizedTextDTO(result.reason))
    }
}

/// The admission check: every criterion with its reason, the flags, and the verdict.
/// `GET /trajectories/{id}/admission-check` answers it, and each admission decision carries the
/// check as it stood when the decision was taken.
struct AdmissionCheckDTO: Codable, Sendable {
    let criteria: [CriterionResultDTO]
    let flags: [FlagResultDTO]
    let verdict: AdmissionVerdict
    /// The location's regiobinding deviation, so that local rules stay visible.
    let localDeviation: LocalizedTextDTO?
}

extension AdmissionCheckDTO {
    init(_ check: AdmissionCheck) {
        self.init(
            criteria: check.criteria.map { CriterionResultDTO($0) },
            flags: check.flags.map { FlagResultDTO($0) },
            verdict: check.verdict,
            localDeviation: check.localDeviation.map { LocalizedTextDTO($0) }
        )
    }
}

/// The admission decision (toelatingsbesluit), with the check it was taken on.
struct AdmissionDecisionDTO: Codable, Sendable {
    let outcome: AdmissionDecision.Outcome
    let decidedOn: Day
    /// Why the case meeting made an exception, or why a rejection with reason "other".
    let motivation: String?
    let rejectionReason: RejectionReason?
    let check: AdmissionCheckDTO
}

extension AdmissionDecisionDTO {
    init(_ decision: AdmissionDecision) {
        self.init(
            outcome: decision.outcome,
            decidedOn: decision.decidedOn,
            motivation: decision.motivation,
            rejectionReason: decision.rejectionReason,
            check: AdmissionCheckDTO(decision.check)
        )
    }
}

/// How a location defines regiobinding: the national definition, with its local deviation.
struct RegionalTiesRuleDTO: Codable, Sendable {
    /// Months of demonstrable stay in the region that suffice on their own.
    let minimumMonthsInRegion: Int
    /// Ties that suffice on their own, whatever the length of stay.
    let acceptedTies: [RegionalTie]
    /// Absent when the location follows the national definition.
    let deviation: LocalizedTextDTO?
}

extension RegionalTiesRuleDTO {
    init(_ rule: RegionalTiesRule) {
        self.init(
            minimumMonthsInRegion: rule.minimumMonthsInRegion,
            acceptedTies: rule.acceptedTies,
            deviation: rule.deviation.map { LocalizedTextDTO($0) }
        )
    }
}
