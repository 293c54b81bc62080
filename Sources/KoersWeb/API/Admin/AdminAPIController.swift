import Foundation
import Hummingbird
import KoersCore

/// `/api/v1/admin`: the same administration as the web application's *Beheer*, for the
/// administrator only; every other party gets 404, as for anything outside its sight.
struct AdminAPIController {
    let admin: AdminService

    func register(on group: RouterGroup<KoersRequestContext>) {
        group.get("admin/regions") { _, context in
            try json(try await admin.page(actor: try context.requireActor()).regions.map(RegionDTO.init))
        }
        group.post("admin/regions") { request, context in
            let actor = try context.requireActor()
            let input = try await read(request, actor, AdminCommands.regionForm)
            let id = try await admin.createRegion(input, actor: actor)
            let region = try await admin.page(actor: actor).regions.first { $0.id == id }
            return try created(RegionDTO(try unwrap(region)))
        }
        group.post("admin/municipalities") { request, context in
            let actor = try context.requireActor()
            let input = try await read(request, actor, AdminCommands.municipalitiesForm)
            let result = try await admin.importMunicipalities(input, actor: actor)
            return try json(MunicipalityImportDTO(municipalities: result.municipalities, regions: result.regions))
        }
        group.get("admin/locations") { _, context in
            try json(try await admin.page(actor: try context.requireActor()).locations.map(Self.location))
        }
        group.post("admin/locations") { request, context in
            let actor = try context.requireActor()
            let input = try await read(request, actor, AdminCommands.locationForm)
            let id = try await admin.createLocation(input, actor: actor)
            let location = try await admin.page(actor: actor).locations.first { $0.location.id == id }
            return try created(Self.location(try unwrap(location)))
        }
        group.get("admin/organisations") { _, context in
            try json(try await admin.page(actor: try context.requireActor()).organisations.map(OrganisationDTO.init))
        }
        group.post("admin/organisations") { request, context in
            let actor = try context.requireActor()
            let input = try await read(request, actor, AdminCommands.organisationForm)
            let id = try await admin.createOrganisation(input, actor: actor)
            let organisation = try await admin.page(actor: actor).organisations.first { $0.id == id }
            return try created(OrganisationDTO(try unwrap(organisation)))
        }
        group.get("admin/accounts") { _, context in
            try json(try await admin.page(actor: try context.requireActor()).accounts.map(AccountDTO.init))
        }
        group.post("admin/accounts") { request, context in
            let actor = try context.requireActor()
            let input = try await read(request, actor, AdminCommands.inviteForm)
            let invitation = try await admin.invite(input, actor: actor)
            return try created(
                InvitationDTO(userId: invitation.userId, invitationToken: invitation.token, validDays: 7)
            )
        }
        group.post("admin/accounts/:uid/reset") { _, context in
            let actor = try context.requireActor()
            let id = try context.id("uid")
            let token = try await admin.change(account: id, action: "reset", FormInput(), actor: actor)
            return try json(InvitationDTO(userId: id, invitationToken: try unwrap(token), validDays: 7))
        }
        group.post("admin/accounts/:uid/disable") { _, context in
            try await account(context, action: "disable", FormInput())
        }
        group.post("admin/accounts/:uid/enable") { _, context in
            try await account(context, action: "enable", FormInput())
        }
        group.post("admin/accounts/:uid/move") { request, context in
            let input = try await read(request, try context.requireActor(), AdminCommands.moveForm)
            return try await account(context, action: "move", input)
        }
        group.get("admin/two-factor") { _, context in
            let page = try await admin.page(actor: try context.requireActor())
            return try json(TwoFactorDTO(parties: Party.allCases.filter(page.twoFactorParties.contains)))
        }
        group.put("admin/two-factor") { request, context in
            let actor = try context.requireActor()
            let input = try await read(request, actor, AdminCommands.twoFactorForm)
            try await admin.setTwoFactor(input, actor: actor)
            let page = try await admin.page(actor: actor)
            return try json(TwoFactorDTO(parties: Party.allCases.filter(page.twoFactorParties.contains)))
        }
        group.get("admin/policy-versions") { _, context in
            try json(try await admin.page(actor: try context.requireActor()).policies.map(PolicyVersionDTO.init))
        }
        group.post("admin/policy-versions") { request, context in
            let actor = try context.requireActor()
            let input = try await read(request, actor, NationalPolicy.form)
            return try created(PolicyVersionDTO(try await admin.addPolicy(input, actor: actor)))
        }
        group.get("admin/changes") { request, context in
            let actor = try context.requireActor()
            // Ask the policy before reading the query, so other parties get 404 whatever they send.
            _ = try await admin.page(actor: actor)
            guard let text = request.uri.queryParameters["objectId"], let id = UUID(uuidString: String(text)) else {
                throw AppError.invalid(
                    ValidationFailure([
                        FieldError(
                            field: "objectId",
                            code: "invalidId",
                            message: LocalizedText(nl: "Geen geldige verwijzing.", en: "Not a valid reference.")
                        )
                    ])
                )
            }
            return try json(try await admin.history(of: id, actor: actor).map(AdminChangeDTO.init))
        }
    }

    /// The body by its form, after the policy: another party learns nothing from a wrong body.
    private func read(_ request: Request, _ actor: Actor, _ form: Form) async throws -> FormInput {
        guard AccessPolicy.mayAdminister(actor) else { throw AppError.notFound }
        return try await JSONInput.read(request, form: form)
    }

    private func account(_ context: KoersRequestContext, action: String, _ input: FormInput) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("uid")
        _ = try await admin.change(account: id, action: action, input, actor: actor)
        let account = try await admin.page(actor: actor).accounts.first { $0.id == id }
        return try json(AccountDTO(try unwrap(account)))
    }

    private func created<T: Encodable>(_ value: T) throws -> Response {
        var response = try json(value)
        response.status = .created
        return response
    }

    private func unwrap<T>(_ value: T?) throws -> T {
        guard let value else { throw AppError.notFound }
        return value
    }

    static func location(_ row: AdminPage.LocationRow) -> AdminLocationDTO {
        AdminLocationDTO(
            id: row.location.id,
            name: row.location.name,
            regionId: row.regionId,
            regionalTiesRule: RegionalTiesRuleDTO(row.location.regionalTiesRule)
        )
    }
}
