import Foundation
import HTTPTypes
import Hummingbird
import KoersCore

/// Afstemmen in the web application: the municipality uploads an agency's list, sees it beside
/// Koers and resolves each line that differs.
struct ReconciliationWebController {
    let reconciliations: ReconciliationService

    func register(on router: RouterGroup<KoersRequestContext>) {
        router.get(.reconciliations) { _, context in
            try await index(context, FormState())
        }
        router.post(.reconciliations) { _, context in
            let actor = try context.requireActor()
            let locations = try await reconciliations.locations(of: actor)
            var errors: [FieldError] = []
            let locationId = context.form.string("locationId").flatMap(UUID.init(uuidString:))
            if locationId == nil || !locations.contains(where: { $0.id == locationId }) {
                errors.append(FieldError.required("locationId", nl: "Kies de locatie.", en: "Choose the location."))
            }
            let source = context.form.string("source").flatMap(AgencySource.init(rawValue:))
            if source == nil {
                errors.append(
                    FieldError.required("source", nl: "Kies van wie de lijst is.", en: "Choose whose list it is.")
                )
            }
            let file = context.uploads["file"]
            if file == nil {
                errors.append(FieldError.required("file", nl: "Kies het bestand.", en: "Choose the file."))
            }
            do {
                guard errors.isEmpty, let locationId, let source, let file else {
                    throw AppError.invalid(ValidationFailure(errors))
                }
                let id = try await reconciliations.upload(
                    file: file.data,
                    named: file.fileName,
                    source: source,
                    at: locationId,
                    actor: actor
                )
                return Pages.seeOther(SiteURL.reconciliation(id).path)
            } catch AppError.invalid(let failure) {
                var input = context.form
                input.set("file", nil)
                return try await index(
                    context,
                    FormState(input: input, errors: failure.errors),
                    status: .unprocessableContent
                )
            }
        }
        router.get(.reconciliation(.routeKey)) { request, context in
            let notice = request.uri.queryParameters["resolved"].map {
                context.language == .nl ? "Regel \($0) is afgehandeld." : "Line \($0) is resolved."
            }
            return try await page(context, failed: nil, notice: notice)
        }
        router.post(.reconciliationLine(.routeKey, line: .routeKey)) { _, context in
            let actor = try context.requireActor()
            let id = try context.id("id")
            let lineId = try context.id("line")
            do {
                let number = try await reconciliations.resolve(id, line: lineId, input: context.form, actor: actor)
                return Pages.seeOther(SiteURL.reconciliation(id).with([("resolved", String(number))]))
            } catch AppError.invalid(let failure) {
                let state = FormState(input: context.form, errors: failure.errors)
                return try await page(context, failed: (lineId, state), notice: nil, status: .unprocessableContent)
            }
        }
    }

    private func index(
        _ context: KoersRequestContext,
        _ state: FormState,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor()
        let env = PageEnvironment(context, path: SiteURL.reconciliations.path)
        let locations = try await reconciliations.locations(of: actor)
        let runs = try await reconciliations.reconciliations(actor: actor)
        let title =
            status == .ok
            ? env.t("Afstemmen met IND en DT&V", "Reconcile with the IND and DT&V")
            : env.t("Fout: afstemmen", "Error: reconcile")
        return Pages.page(
            env,
            title: title,
            status: status,
            ReconciliationPages.index(env, locations: locations, runs: runs, state)
        )
    }

    private func page(
        _ context: KoersRequestContext,
        failed: (line: UUID, state: FormState)?,
        notice: String?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("id")
        let env = PageEnvironment(context, path: SiteURL.reconciliation(id).path)
        let run = try await reconciliations.reconciliation(id, actor: actor)
        let location = try await reconciliations.locations(of: actor).first { $0.id == run.locationId }?.name ?? ""
        let title = "\(run.source.agencyName): \(run.fileName)"
        return Pages.page(
            env,
            title: (status == .ok ? env.t("Afstemming ", "Reconciliation ") : env.t("Fout: ", "Error: ")) + title,
            status: status,
            ReconciliationPages.reconciliation(env, run, location: location, failed: failed, notice: notice)
        )
    }
}
