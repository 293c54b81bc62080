import Foundation
import HTTPTypes
import Hummingbird
import KoersCore
import KoersStore
import Logging
import ServiceLifecycle

/// The store, services and configuration one running Koers shares across requests.
public struct KoersServices: Sendable {
    public let database: KoersDatabase
    public let directory: DirectoryStore
    public let cases: CaseStore
    public let service: CaseService
    public let meetings: MeetingService
    public let transfers: TransferService
    public let duplicates: DuplicateService
    /// Setting up the network (the administrator).
    public let administration: AdministrationStore
    /// The national policy's versions.
    public let policies: PolicyStore
    /// Bringing the cities' registrations in.
    public let imports: ImportService
    /// Comparing the agencies' lists with Koers.
    public let reconciliations: ReconciliationService
    let admin: AdminService
    /// The privacy officer's work: access requests and restriction.
    let privacy: PrivacyService
    /// The processing register the administrator maintains.
    public let register: ProcessingRegisterStore
    /// Retention: destruction lists and erasure.
    public let retention: RetentionService
    public let configuration: KoersConfiguration

    /// Opens the database (without migrating) and builds the stores on it.
    public init(_ configuration: KoersConfiguration, logger: Logger, schema: String? = nil) throws {
        self.configuration = configuration
        database = try KoersDatabase(
            url: configuration.databaseURL,
            logger: logger,
            schema: schema,
            synchronous: configuration.sqliteSynchronous
        )
        directory = DirectoryStore(database: database, bcryptCost: configuration.bcryptCost)
        cases = CaseStore(
            database: database,
            log: ProcessingLog(secret: configuration.secret),
            linkage: LinkageStore(database: database, secret: configuration.linkageKeyMaterial)
        )
        let notifier = Notifier(
            mailer: configuration.smtp.map(SMTPMailer.init),
            directory: directory,
            publicURL: configuration.publicURL ?? "http://\(configuration.host):\(configuration.port)",
            logger: logger
        )
        policies = PolicyStore(database: database, initialMonitorK: configuration.monitorK)
        service = CaseService(
            cases: cases,
            directory: directory,
            today: configuration.today,
            policies: policies,
            notifier: notifier
        )
        transfers = TransferService(cases: cases, directory: directory, service: service)
        duplicates = DuplicateService(cases: cases, directory: directory, service: service)
        administration = AdministrationStore(database: database, directory: directory)
        register = ProcessingRegisterStore(database: database)
        retention = RetentionService(
            store: RetentionStore(cases: cases, register: register),
            configuration: configuration
        )
        privacy = PrivacyService(
            store: SubjectAccessStore(cases: cases),
            register: register,
            cases: cases,
            today: configuration.today
        )
        admin = AdminService(
            admin: administration,
            directory: directory,
            policies: policies,
            register: register,
            retention: retention,
            today: configuration.today,
            notifier: notifier
        )
        imports = ImportService(
            store: RegistrationImportStore(cases: cases, directory: directory),
            uploads: ImportUploadStore(database: database),
            policies: policies,
            directory: directory,
            today: configuration.today
        )
        reconciliations = ReconciliationService(
            store: ReconciliationStore(cases: cases),
            directory: directory,
            policies: policies,
            today: configuration.today
        )
        meetings = MeetingService(
            policies: policies,
            meetings: MeetingStore(database: database),
            cases: cases,
            directory: directory,
            today: configuration.today
        )
    }
}

/// The one place where Koers is wired: routes, middleware and services. The CLI's `serve`
/// and the tests both call it.
///
/// The database runs as a service beside the server and closes when the application stops, after
/// the server has answered the requests it accepted; the application owns it from here on.
///
/// - Parameter observability: the exporter of traces when tracing is on (``KoersTracing``); it runs
///   beside the server and, stopped after it, sends the last spans.
public func buildApplication(
    _ services: KoersServices,
    logger: Logger,
    observability: (any Service)? = nil
) -> some ApplicationProtocol {
    let router = buildRouter(services)
    return Application(
        router: router,
        configuration: .init(
            address: .hostname(services.configuration.host, port: services.configuration.port),
            serverName: "Koers"
        ),
        services: [observability, services.database, Housekeeping(services: services, logger: logger)]
            .compactMap { $0 },
        logger: logger
    )
}

/// The routes table.
public func buildRouter(_ services: KoersServices) -> Router<KoersRequestContext> {
    let router = Router(context: KoersRequestContext.self)
    // First, so every log line of a request, the request log included, carries its trace: the
    // tracer's span when tracing is on (a no-op otherwise), then its ids in the logs.
    router.add(middleware: QuerylessTracingMiddleware())
    router.add(middleware: TraceContextMiddleware())
    router.add(middleware: RequestLogMiddleware())
    // Requests by route template (never an id), method and status, with latency histograms.
    _ = KoersMetrics.registry
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: LanguageMiddleware())

    // Static and health: no session, no database.
    router.get("/health") { _, _ in
        Response(
            status: .ok,
            headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: "ok\n"))
        )
    }
    // Readiness: the database answers and its schema is current; 503 with the reason otherwise.
    router.get("/ready") { _, context in
        var status = HTTPResponse.Status.ok
        var text = "ready\n"
        // The details go to the log, not to whoever asks: the probe is public.
        switch await services.database.readiness() {
        case .ready: break
        case .unreachable(let reason):
            context.logger.warning("not ready: database unreachable: \(reason)")
            (status, text) = (.serviceUnavailable, "database unreachable\n")
        case .behind(let missing):
            context.logger.warning("not ready: \(missing.joined(separator: ", "))")
            (status, text) = (.serviceUnavailable, "database not current: run koers migrate\n")
        }
        return Response(
            status: status,
            headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
    // Prometheus scrapes this. It holds counts and timings per route, no personal data; keep it
    // behind the proxy like the rest of the operations side.
    router.get("/metrics") { _, _ in
        Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: KoersMetrics.exposition()))
        )
    }
    router.get(RouterPath(SiteURL.stylesheet.route)) { _, _ in
        Response(
            status: .ok,
            headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css))
        )
    }

    // The API: bearer tokens and problem+json; the spec itself is public.
    let api = router.group("api/v1").add(middleware: ProblemMiddleware())
    api.get("openapi.json") { _, _ in
        Response(
            status: .ok,
            // NL GOV API Design Rules, /core/publish-openapi: readable by any tool, from any origin.
            headers: [
                .contentType: "application/json", .cacheControl: "public, max-age=300",
                .accessControlAllowOrigin: "*",
            ],
            body: .init(byteBuffer: ByteBuffer(string: APIContract.json))
        )
    }
    let authenticated = api.group().add(middleware: APIAuthMiddleware(directory: services.directory))
    APIController(service: services.service).register(on: authenticated)
    MeetingAPIController(meetings: services.meetings).register(on: authenticated)
    TransferAPIController(transfers: services.transfers, service: services.service).register(on: authenticated)
    DuplicateAPIController(duplicates: services.duplicates, service: services.service).register(on: authenticated)
    MonitorAPIController(service: services.service).register(on: authenticated)
    AdminAPIController(admin: services.admin).register(on: authenticated)
    PrivacyAPIController(privacy: services.privacy).register(on: authenticated)

    // The web application: sessions, CSRF, HTML error pages.
    let web = router.group()
        .add(
            middleware: WebSessionMiddleware(
                directory: services.directory,
                secureCookies: services.configuration.secureCookies
            )
        )
        .add(middleware: WebErrorMiddleware())
    WebController(
        service: services.service,
        duplicates: services.duplicates,
        directory: services.directory,
        admin: services.admin,
        secureCookies: services.configuration.secureCookies
    ).register(on: web)
    MeetingWebController(meetings: services.meetings, service: services.service).register(on: web)
    TransferWebController(transfers: services.transfers, service: services.service).register(on: web)
    MonitorWebController(service: services.service, reconciliations: services.reconciliations).register(on: web)
    AdminWebController(
        admin: services.admin,
        retention: services.retention,
        retentionYears: services.configuration.retentionYears
    ).register(on: web)
    ImportWebController(imports: services.imports).register(on: web)
    ReconciliationWebController(reconciliations: services.reconciliations).register(on: web)
    PrivacyWebController(privacy: services.privacy).register(on: web)
    SecondFactorWebController(
        directory: services.directory,
        secureCookies: services.configuration.secureCookies
    ).register(on: web)
    return router
}
