import Foundation

/// What one user may do to one case, decided once by the access policy so that a page can show
/// exactly the actions and forms the server will accept, without deciding anything itself.
public struct CasePermissions: Sendable {
    /// The actions the policy allows on this case.
    public let allowed: Set<CaseAction>
    /// The note classifications the user may write.
    public let noteClassifications: [NoteClassification]
    /// The parties the user may share a social or medical note with: the others at the case table
    /// and the hardship committee (the writing organisation reads its own notes anyway).
    public let noteSharingParties: [Party]
    /// The notes the user may withhold from subject access: their organisation's own.
    public let withholdableNotes: Set<UUID>

    /// Whether the policy allows this action.
    public func may(_ action: CaseAction) -> Bool { allowed.contains(action) }

    /// The procedure kinds the user may submit or decide.
    public var procedureKinds: [ProcedureKind] {
        ProcedureKind.allCases.filter { allowed.contains(.manageProcedure($0)) }
    }
}

extension AccessPolicy {
    /// Every action of the case vocabulary, asked of the policy for this case.
    public static func permissions(_ actor: Actor, in file: CaseFile) -> CasePermissions {
        var candidates: [CaseAction] = [
            .view, .refer, .recordIntake, .decideAdmission, .decideAdmissionByException, .setPerspective,
            .manageSupport, .recordOutflow, .addNote, .reopen, .manageDeadlines, .assignActionItem,
            .requestTransfer, .requestCommitteeAdvice, .adviseCommittee, .escalate, .decideEscalation,
            .recordBiometrics, .resolveDuplicate, .restrictProcessing, .withholdNote,
        ]
        candidates += ProcedureKind.allCases.map { .manageProcedure($0) }
        candidates += Party.allCases.map { .completeActionItem($0) }
        let allowed = Set(candidates.filter { decide(actor, $0, in: file) == .allowed })
        let classes =
            allowed.contains(.addNote) ? NoteClassification.allCases.filter { mayWrite($0, actor: actor) } : []
        let sharing =
            classes.count > 1
            ? ([.ngo, .municipality, .ind, .dtv, .avim, .committee] as [Party]).filter { $0 != actor.party } : []
        let withholdable =
            allowed.contains(.withholdNote)
            ? Set(file.notes.filter { $0.authorOrganisationId == actor.organisationId }.map(\.id)) : []
        return CasePermissions(
            allowed: allowed,
            noteClassifications: classes,
            noteSharingParties: sharing,
            withholdableNotes: withholdable
        )
    }
}
