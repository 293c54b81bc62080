import Foundation
import KoersCore

// The identity section as the API shows it. Each DTO copies its core type's fields and their JSON
// today; it is a type of its own so that the stored events' format can change without changing
// the API, and the API's without migrating stored events.

/// How and when a person was referred (aanmelding).
struct ReferralDTO: Codable, Sendable {
    let channel: ReferralChannel
    let referredOn: Day
    /// The referrer's note; absent when the user may not read it.
    let note: String?
}

extension ReferralDTO {
    init(_ referral: Referral) {
        self.init(channel: referral.channel, referredOn: referral.referredOn, note: referral.note)
    }
}

/// Who the person is, as far as the registration knows.
struct IdentityDTO: Codable, Sendable {
    let givenNames: String?
    let surname: String
    let aliases: [String]
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: many people know only their birth year.
    let birthDate: PartialDate?
    /// ISO 3166-1 alpha-3, or the codes for stateless and unknown (`Country.stateless`, `Country.unknown`).
    let nationality: String
    let gender: Gender
    /// Ten digits.
    let vNumber: VNumber?
}

extension IdentityDTO {
    init(_ identity: Identity) {
        self.init(
            givenNames: identity.givenNames,
            surname: identity.surname,
            aliases: identity.aliases,
            birthDate: identity.birthDate,
            nationality: identity.nationality,
            gender: identity.gender,
            vNumber: identity.vNumber
        )
    }
}

/// The AVIM's biometric identification, and what it said about the V-nummer.
struct BiometricIdentificationDTO: Codable, Sendable {
    /// False records that the identification could not (yet) be done.
    let identified: Bool
    let on: Day
    let vNumberCheck: BiometricIdentification.VNumberCheck?
    /// The V-nummer as the identification gave it (confirmed or corrected).
    let vNumber: VNumber?
    let note: String?
}

extension BiometricIdentificationDTO {
    init(_ biometrics: BiometricIdentification) {
        self.init(
            identified: biometrics.identified,
            on: biometrics.on,
            vNumberCheck: biometrics.vNumberCheck,
            vNumber: biometrics.vNumber,
            note: biometrics.note
        )
    }
}

/// What the location decided about a possible registration of the same person elsewhere.
struct DuplicateResolutionDTO: Codable, Sendable {
    let id: UUID
    /// The other registration's entry in the linkage index.
    let entryId: UUID
    let otherLocationId: UUID
    /// `high` or `medium`.
    let strength: String
    let kind: DuplicateResolution.Kind
    let on: Day
    let note: String?
}

extension DuplicateResolutionDTO {
    init(_ resolution: DuplicateResolution) {
        self.init(
            id: resolution.id,
            entryId: resolution.entryId,
            otherLocationId: resolution.otherLocationId,
            strength: resolution.strength,
            kind: resolution.kind,
            on: resolution.on,
            note: resolution.note
        )
    }
}
