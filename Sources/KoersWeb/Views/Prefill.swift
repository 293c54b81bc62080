import Foundation
import KoersCore

/// Form values for editing what a case already holds.
enum Prefill {
    static func identity(_ i: Identity, into input: inout FormInput) {
        input.set("givenNames", i.givenNames)
        input.set("surname", i.surname)
        input.set("aliases", i.aliases.joined(separator: ", "))
        input.set("birthDate", i.birthDate?.description)
        input.set("nationality", i.nationality)
        input.set("gender", i.gender.rawValue)
        input.set("vNumber", i.vNumber?.digits)
    }

    static func evidence(_ e: AdmissionEvidence, into input: inout FormInput) {
        input.set("lawfulStay", e.lawfulStay.rawValue)
        input.set("stateReception", e.stateReception.rawValue)
        input.set("asylumProcedureCompleted", e.asylumProcedureCompleted.rawValue)
        input.set("lastAsylumRejectionOn", e.lastAsylumRejectionOn?.description)
        input.set("willingToCooperate", e.willingToCooperate.rawValue)
        input.set("activeAtOtherLocation", e.activeAtOtherLocation.rawValue)
        input.set("inRegionSince", e.inRegionSince?.description)
        var values = input.values
        values["regionalTies"] = e.regionalTies.map(\.rawValue)
        input = FormInput(values)
        input.set("seriousEntryBan", e.seriousEntryBan ? "true" : nil)
        input.set("criminalRecord", e.criminalRecord ? "true" : nil)
        input.set("biometricallyIdentified", e.biometricallyIdentified ? "true" : nil)
    }
}
