import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersStore

/// Transfer routes in the web application.
struct TransferWebController {
    let transfers: TransferService
    let service: CaseService

    func register(on router: RouterGroup<KoersRequestContext>) {
        router.get(.caseStep(.routeKey, .transfer)) { request, context in
            let actor = try context.requireActor()
            let id = try context.id("id")
            _ = try await service.authorize(actor, .requestTransfer, id)
            let record = try await service.read(id, actor: actor)
            let env = PageEnvironment(context, path: request.uri.path)
            return Pages.page(
                env,
                title: env.t("Overdracht", "Transfer"),
                TransferPages.requestForm(
                    env,
                    FormState(),
                    record: record,
                    locations: try await service.directory.locations()
                )
            )
        }
        router.post(.caseStep(.routeKey, .transfer)) { request, context in
            let actor = try context.requireActor()
            let id = try context.id("id")
            do {
                _ = try await transfers.request(id, input: context.form, actor: actor)
                return Pages.seeOther(SiteURL.transfers.at("h-outgoing"), done: .transferRequested)
            } catch AppError.invalid(let failure) {
                let record = try await service.read(id, actor: actor)
                let env = PageEnvironment(context, path: request.uri.path)
                return Pages.page(
                    env,
                    title: env.t("Fout: overdracht", "Error: transfer"),
                    status: .unprocessableContent,
                    TransferPages.requestForm(
                        env,
                        FormState(input: context.form, errors: failure.errors),
                        record: record,
                        locations: try await service.directory.locations()
                    )
                )
            }
        }
        router.get(.transfers) { _, context in try await list(context, errors: [:]) }
        router.post(.transferDecision(.routeKey)) { _, context in
            let actor = try context.requireActor()
            let id = try context.id("tid")
            do {
                let transfer = try await transfers.decide(id, input: context.form, actor: actor)
                return Pages.seeOther(
                    transfer.status == .accepted
                        ? SiteURL.caseFile(transfer.trajectoryId).path
                        : SiteURL.transfers.path,
                    done: .transferDecided
                )
            } catch AppError.invalid(let failure) {
                return try await list(
                    context,
                    errors: [id: FormState(input: context.form, errors: failure.errors)],
                    status: .unprocessableContent
                )
            }
        }
    }

    func list(
        _ context: KoersRequestContext,
        errors: [UUID: FormState],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.requireActor()
        let page = try await transfers.page(actor: actor)
        let names = Dictionary(uniqueKeysWithValues: try await service.directory.locations().map { ($0.id, $0.name) })
        let env = PageEnvironment(context, path: SiteURL.transfers.path)
        return Pages.page(
            env,
            title: env.t("Overdrachten", "Transfers"),
            status: status,
            TransferPages.list(env, page: page, names: names, errors: errors)
        )
    }
}
