import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersStore
import Plot

extension WebController {
    /// A decision on a possible registration elsewhere; on invalid input the case page again, with the errors at the
    /// form.
    @Sendable func resolveDuplicate(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("id")
        let env = PageEnvironment(context, path: request.uri.path)
        let entry = context.form.string("entryId").flatMap(UUID.init(uuidString:))
        do {
            let file = try await duplicates.resolve(id, input: context.form, actor: actor)
            let anchor = file.stage.isClosed ? "" : "#duplicates"
            return Pages.seeOther(SiteURL.caseFile(id).with([("saved", "1")]) + anchor)
        } catch AppError.invalid(let failure) {
            let form = FormState(input: context.form, errors: failure.errors)
            return try await failedDecision(env, id, actor, form, entry: entry, status: .unprocessableContent)
        } catch AppError.stale(let current) {
            let message = LocalizedText(
                nl:
                    "Iemand anders heeft dit dossier intussen gewijzigd (nu versie \(current)). Bekijk het en beslis "
                    + "opnieuw.",
                en:
                    "Someone else changed this case in the meantime (now version \(current)). Review it and decide "
                    + "again."
            )
            let form = FormState(input: context.form, formMessage: message)
            return try await failedDecision(env, id, actor, form, entry: entry, status: .conflict)
        }
    }

    /// The case page again, with the failed decision's form open at its possible registration.
    private func failedDecision(
        _ env: PageEnvironment,
        _ id: UUID,
        _ actor: Actor,
        _ form: FormState,
        entry: UUID?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let record = try await service.read(id, actor: actor)
        return Pages.page(
            env,
            title: env.t("Fout: ", "Error: ") + caseTitle(record, actor, env),
            status: status,
            try await casePage(
                env,
                record,
                actor,
                noteForm: FormState(),
                message: nil,
                duplicateForm: form,
                duplicateEntry: entry
            )
        )
    }

    /// The municipality's review queue.
    @Sendable func duplicateReviews(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let notice =
            request.uri.queryParameters["decided"] == nil
            ? nil : context.language == .nl ? "De beslissing is vastgelegd." : "The decision is recorded."
        return try await reviewPage(context, failed: nil, notice: notice)
    }

    /// The municipality's decision on a match an import found.
    @Sendable func decideImportMatch(_ request: Request, _ context: KoersRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.id("id")
        do {
            try await duplicates.decideImportMatch(id, input: context.form, actor: actor)
            return Pages.seeOther(SiteURL.duplicates.with([("decided", "1")]))
        } catch AppError.invalid(let failure) {
            let state = FormState(input: context.form, errors: failure.errors)
            return try await reviewPage(context, failed: (id, state), notice: nil, status: .unprocessableContent)
        }
    }

    private func reviewPage(
        _ context: KoersRequestContext,
        failed: (review: UUID, state: FormState)?,
        notice: String?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor()
        let items = try await duplicates.reviewQueue(actor: actor)
        let imports = try await duplicates.importReviews(actor: actor)
        let env = PageEnvironment(context, path: SiteURL.duplicates.path)
        let title = env.t("Dubbele registraties", "Duplicate registrations")
        return Pages.page(
            env,
            title: status == .ok ? title : env.t("Fout: ", "Error: ") + title,
            status: status,
            DuplicatePages.reviewQueue(
                env,
                items: items,
                imports: imports.items,
                importTotal: imports.total,
                failed: failed,
                notice: notice
            )
        )
    }
}
