import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersImport

/// Importeren in the web application: the municipality's or NGO's upload, its dry run and commit.
struct ImportWebController {
    let imports: ImportService

    func register(on router: RouterGroup<KoersRequestContext>) {
        router.get(.imports) { _, context in
            try await form(context, FormState())
        }
        router.get(.importMappingExample) { _, context in
            _ = try await imports.locations(of: try context.requireActor())
            return Response(
                status: .ok,
                headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: ImportMappingSample.json + "\n"))
            )
        }
        router.post(.imports) { _, context in
            let actor = try context.requireActor()
            let env = PageEnvironment(context, path: SiteURL.imports.path)
            let locations = try await imports.locations(of: actor)
            var errors: [FieldError] = []
            let locationId = context.form.string("locationId").flatMap(UUID.init(uuidString:))
            if locationId == nil || !locations.contains(where: { $0.id == locationId }) {
                errors.append(FieldError.required("locationId", nl: "Kies de locatie.", en: "Choose the location."))
            }
            let file = context.uploads["file"]
            if file == nil {
                errors.append(FieldError.required("file", nl: "Kies het bestand.", en: "Choose the file."))
            }
            let mapping = context.uploads["mapping"]
            if mapping == nil {
                errors.append(
                    FieldError.required("mapping", nl: "Kies het koppelbestand.", en: "Choose the mapping file.")
                )
            }
            do {
                guard errors.isEmpty, let locationId, let file, let mapping else {
                    throw AppError.invalid(ValidationFailure(errors))
                }
                let (plan, uploadId) = try await imports.dryRun(
                    file: file.data,
                    named: file.fileName,
                    mapping: mapping.data,
                    at: locationId,
                    actor: actor
                )
                let location = locations.first { $0.id == locationId }?.name ?? ""
                return Pages.page(
                    env,
                    title: env.t("Controle: ", "Check: ") + file.fileName,
                    ImportPages.report(
                        env,
                        ImportReport(plan, language: env.language),
                        fileName: file.fileName,
                        location: location,
                        uploadId: uploadId
                    )
                )
            } catch AppError.invalid(let failure) {
                var input = context.form
                input.set("file", nil)
                input.set("mapping", nil)
                return try await form(
                    context,
                    FormState(input: input, errors: failure.errors),
                    status: .unprocessableContent
                )
            }
        }
        router.post(.commitImport(.routeKey)) { _, context in
            let actor = try context.requireActor()
            let (outcome, _) = try await imports.commit(upload: try context.id("uid"), actor: actor)
            let notice = ImportService.describe(outcome, in: context.language)
            return try await form(context, FormState(), notice: notice)
        }
    }

    private func form(
        _ context: KoersRequestContext,
        _ state: FormState,
        notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor()
        let env = PageEnvironment(context, path: SiteURL.imports.path)
        let locations = try await imports.locations(of: actor)
        let title =
            status == .ok
            ? env.t("Registraties importeren", "Import registrations")
            : env.t("Fout: registraties importeren", "Error: import registrations")
        return Pages.page(
            env,
            title: title,
            status: status,
            ImportPages.form(env, locations: locations, state, notice: notice)
        )
    }
}
