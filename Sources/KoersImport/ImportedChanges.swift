import Foundation
import KoersCore

extension ImportedTrajectory {
    /// The trajectory's facts as Koers's changes, in the order they happened: referral,
    /// admission, perspective, support (and its end), procedure (and its decision), outflow.
    ///
    /// An imported admission was decided outside Koers: its check is made from unknown evidence
    /// under the policy of its day, so the case shows the decision and that nothing was checked
    /// here; the event's source says where it came from.
    public func changes(
        policy: NationalPolicy,
        previousTrajectoryId: UUID?,
        newId: () -> UUID = UUID.init
    ) -> [CaseChange] {
        var changes: [CaseChange] = [
            .referred(referral, identity: identity, previousTrajectoryId: previousTrajectoryId)
        ]
        if let admission {
            let check = AdmissionCheck.evaluate(
                evidence: .unknown,
                nationality: identity.nationality,
                rule: policy.regionalTies,
                policy: policy.admission,
                on: admission.decidedOn,
                activeElsewhere: nil
            )
            changes.append(
                .admissionDecided(
                    AdmissionDecision(
                        outcome: admission.outcome,
                        decidedOn: admission.decidedOn,
                        motivation: nil,
                        rejectionReason: admission.rejectionReason,
                        check: check
                    )
                )
            )
        }
        for perspective in perspectives { changes.append(.perspectiveSet(perspective)) }
        for support in supports {
            let id = newId()
            changes.append(
                .supportStarted(
                    SupportPeriod(
                        id: id,
                        instrument: support.instrument,
                        startedOn: support.startedOn,
                        endedOn: nil,
                        note: nil
                    )
                )
            )
            if let end = support.endedOn { changes.append(.supportEnded(id: id, endedOn: end)) }
        }
        for procedure in procedures {
            let id = newId()
            changes.append(
                .procedureSubmitted(
                    Procedure(
                        id: id,
                        kind: procedure.kind,
                        submittedOn: procedure.submittedOn,
                        reference: nil,
                        outcome: nil,
                        decidedOn: nil
                    )
                )
            )
            if let outcome = procedure.outcome, let decided = procedure.decidedOn {
                changes.append(.procedureDecided(id: id, outcome: outcome, decidedOn: decided))
            }
        }
        if let outflow {
            changes.append(
                .outflowRecorded(
                    Outflow(
                        leftOn: outflow.leftOn,
                        reasonCode: outflow.reason.code,
                        category: outflow.reason.category,
                        note: nil
                    )
                )
            )
        }
        return changes
    }
}
