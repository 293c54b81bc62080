import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersMonitor
import Plot

/// The monitor in the web application: the page, the printable report and the downloads.
struct MonitorWebController {
    let service: CaseService
    let reconciliations: ReconciliationService

    func register(on router: RouterGroup<KoersRequestContext>) {
        router.get(.monitor) { request, context in try await page(request, context, printable: false) }
        router.get(.monitorReport) { request, context in try await page(request, context, printable: true) }
        router.get(.monitorDownload(.csv)) { request, context in
            let actor = try context.requireActor()
            let format = context.parameters.get("format") ?? ""
            let types = [
                "csv": "text/csv; charset=utf-8", "json": "application/json",
                "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ]
            guard let type = types[format] else { throw AppError.notFound }
            let day = try peildatum(request)
            let language = context.language
            let output = try await service.monitorOutput(
                actor: actor,
                peildatum: day,
                variant: "\(format)-\(language.rawValue)"
            ) { report, _ in
                let published = PublishedReport(report, language: language)
                switch format {
                case "csv": return Data(published.csv().utf8)
                case "xlsx": return Data(try published.xlsx())
                default: return Data(try published.json().utf8)
                }
            }
            let name = "koers-monitor-\(day ?? CaseService.latestReferenceDate(before: service.today()))"
            return download(Array(output.body), type: type, filename: name + "." + format)
        }
    }

    func page(_ request: Request, _ context: KoersRequestContext, printable: Bool) async throws -> Response {
        let actor = try context.requireActor()
        let env = PageEnvironment(context, path: SiteURL.monitor.path)
        do {
            let today = service.today()
            let variant = "\(printable ? "report" : "page")-\(env.language.rawValue)-\(today)"
            let output = try await service.monitorOutput(
                actor: actor,
                peildatum: try peildatum(request),
                variant: variant
            ) { report, computedAt in
                let computed: Node<HTML.BodyContext> = .p(
                    .class("meta"),
                    .text(env.t("Cijfers berekend op ", "Figures computed on ") + Labels.dateTime(computedAt, env))
                )
                let body = [computed] + MonitorPage.render(env, report: report, printable: printable, today: today)
                return Data(body.map { $0.render() }.joined().utf8)
            }
            // The share reconciled changes with every resolution, so it is read live, after the
            // cached figures.
            let shares = try await reconciliations.shares()
            return Pages.page(
                env,
                title: env.t("Monitor", "Monitor"),
                [.raw(String(decoding: output.body, as: UTF8.self))]
                    + (printable ? [] : [ReconciliationPages.shares(env, shares)])
            )
        } catch AppError.invalid(let failure) {
            let report = try await service.monitor(actor: actor, peildatum: nil)
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
        try CaseService.refuseFuture(day, today: service.today(), field: "peildatum")
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
