import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersMonitor

/// The monitor in the web application: the page, the printable report and the downloads.
struct MonitorWebController {
    let service: CaseService
    let k: Int

    func register(on router: RouterGroup<KoersRequestContext>) {
        router.get("/monitor") { request, context in try await page(request, context, printable: false) }
        router.get("/monitor/report") { request, context in try await page(request, context, printable: true) }
        router.get("/monitor/download/:format") { request, context in
            let actor = try context.requireActor()
            let report = try await service.monitor(actor: actor, peildatum: try peildatum(request), k: k)
            let published = PublishedReport(report, language: context.language)
            let name = "koers-monitor-\(report.peildatum)"
            switch context.parameters.get("format") {
            case "csv":
                return download(Array(published.csv().utf8), type: "text/csv; charset=utf-8", filename: name + ".csv")
            case "xlsx":
                return download(
                    published.xlsx(),
                    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    filename: name + ".xlsx"
                )
            case "json":
                return download(Array(try published.json().utf8), type: "application/json", filename: name + ".json")
            default:
                throw AppError.notFound
            }
        }
    }

    func page(_ request: Request, _ context: KoersRequestContext, printable: Bool) async throws -> Response {
        let actor = try context.requireActor()
        let env = PageEnvironment(context, path: "/monitor")
        do {
            let report = try await service.monitor(actor: actor, peildatum: try peildatum(request), k: k)
            return Pages.page(
                env,
                title: env.t("Monitor", "Monitor"),
                MonitorPage.render(env, report: report, printable: printable, today: service.today())
            )
        } catch AppError.invalid(let failure) {
            let report = try await service.monitor(actor: actor, peildatum: nil, k: k)
            var input = FormInput()
            input.set("peildatum", request.uri.queryParameters["peildatum"].map(String.init))
            let state = FormState(input: input, errors: failure.errors)
            return Pages.page(
                env,
                title: env.t("Fout: monitor", "Error: monitor"),
                status: .unprocessableContent,
                MonitorPage.render(env, report: report, printable: false, today: service.today(), form: state)
            )
        }
    }

    func peildatum(_ request: Request) throws -> Day? {
        guard let text = request.uri.queryParameters["peildatum"].map(String.init), !text.isEmpty else { return nil }
        guard let day = Day(text) else {
            throw AppError.invalid(
                ValidationFailure([
                    FieldError(
                        field: "peildatum",
                        code: "invalidDate",
                        message: LocalizedText(
                            nl: "Vul een datum in als JJJJ-MM-DD.",
                            en: "Enter a date as YYYY-MM-DD."
                        )
                    )
                ])
            )
        }
        return day
    }

    func download(_ bytes: [UInt8], type: String, filename: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: type, .contentDisposition: "attachment; filename=\"\(filename)\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
