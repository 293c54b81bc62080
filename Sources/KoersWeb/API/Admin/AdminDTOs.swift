import Foundation
import KoersCore

// The network as the administration API shows it.

/// A region and how many municipalities it holds.
struct RegionDTO: Codable, Sendable {
    let id: UUID
    let name: String
    let municipalityCount: Int
}

/// What an import of municipalities added.
struct MunicipalityImportDTO: Codable, Sendable {
    let municipalities: Int
    let regions: Int
}

/// An LVV location with the region it serves and its regiobinding rule.
struct AdminLocationDTO: Codable, Sendable {
    let id: UUID
    let name: String
    let regionId: UUID?
    let regionalTiesRule: RegionalTiesRuleDTO
}

/// An organisation: party, rung (escalation bodies), national or the locations it serves.
struct OrganisationDTO: Codable, Sendable {
    let id: UUID
    let name: String
    let party: Party
    let escalationLevel: String?
    let national: Bool
    let locationIds: [UUID]
}

/// An account and its state.
struct AccountDTO: Codable, Sendable {
    let id: UUID
    let email: String
    let name: String
    let organisationId: UUID
    let state: AccountSummary.State
}

/// A one-time invitation: the token goes into `/invitations/{token}`, and is shown only here.
struct InvitationDTO: Codable, Sendable {
    let userId: UUID
    let invitationToken: String
    let validDays: Int
}

/// The parties whose users sign in with a second factor.
struct TwoFactorDTO: Codable, Sendable {
    let parties: [Party]
}

/// One administrative change, with the object before and after as JSON text.
struct AdminChangeDTO: Codable, Sendable {
    let at: Date
    let user: String
    let objectKind: String
    let action: String
    let before: String?
    let after: String?
}

extension RegionDTO {
    init(_ region: Region) {
        self.init(id: region.id, name: region.name, municipalityCount: region.municipalityCount)
    }
}

extension OrganisationDTO {
    init(_ o: OrganisationSummary) {
        self.init(
            id: o.id,
            name: o.name,
            party: o.party,
            escalationLevel: o.escalationLevel,
            national: o.national,
            locationIds: o.locationIds
        )
    }
}

extension AccountDTO {
    init(_ a: AccountSummary) {
        self.init(id: a.id, email: a.email, name: a.displayName, organisationId: a.organisationId, state: a.state)
    }
}

extension AdminChangeDTO {
    init(_ c: AdminChange) {
        self.init(
            at: c.at,
            user: c.userName,
            objectKind: c.objectKind,
            action: c.action,
            before: c.before,
            after: c.after
        )
    }
}

/// One version of the national policy.
struct PolicyVersionDTO: Codable, Sendable {
    let version: Int
    let validFrom: Day
    let freshRejectionDays: Int
    let safeCountries: [String]
    let regionalTies: RegionalTiesRuleDTO
    let monitorK: Int
    let outflowReasons: [OutflowReasonDTO]
    let escalationLadder: [EscalationLevelDTO]
}

extension PolicyVersionDTO {
    init(_ p: NationalPolicy) {
        self.init(
            version: p.version,
            validFrom: p.validFrom,
            freshRejectionDays: p.admission.freshRejectionDays,
            safeCountries: p.admission.safeCountries.sorted(),
            regionalTies: RegionalTiesRuleDTO(p.regionalTies),
            monitorK: p.monitorK,
            outflowReasons: p.outflowReasons.map { OutflowReasonDTO($0) },
            escalationLadder: p.escalationLadder.map { EscalationLevelDTO($0) }
        )
    }
}
