import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import NIOCore
import Testing

@testable import KoersWeb

/// Every party against every kind of data and route, through the web application and the API.
@Suite("Access matrix")
struct AccessMatrixTests {
    /// Who asks: a party at Utrecht (where the case is), Amsterdam's NGO, the national parties, or nobody.
    enum Who: String, CaseIterable, CustomStringConvertible {
        case ngo, municipality, ind, dtv, avim, ngoAmsterdam, monitor, admin, committee, steering, privacy
        case anonymous
        var description: String { rawValue }

        func account(_ app: TestApp) -> DemoNetwork.Account? {
            switch self {
            case .ngo: app.account(.ngo)
            case .municipality: app.account(.municipality)
            case .ind: app.account(.ind)
            case .dtv: app.account(.dtv)
            case .avim: app.account(.avim)
            case .ngoAmsterdam: app.account(.ngo, "amsterdam")
            case .monitor: app.account(.monitor, nil)
            case .admin: app.account(.admin, nil)
            case .committee: app.account(.committee, nil)
            case .steering: app.account(.escalationBody)
            case .privacy: app.account(.privacy)
            case .anonymous: nil
            }
        }

        var seesUtrechtCase: Bool { [.ngo, .municipality, .ind, .dtv, .avim].contains(self) }
        var isAgency: Bool { [.ind, .dtv, .avim].contains(self) }
    }

    /// Marker texts per kind of data, and who may read each.
    /// The page shows labels, the API codes.
    static let markers: [(text: String, api: String, readers: Set<Who>)] = [
        ("ALGEMEEN-ZICHTBAAR", "ALGEMEEN-ZICHTBAAR", [.ngo, .municipality, .ind, .dtv, .avim]),
        ("SOCIAAL-GEHEIM", "SOCIAAL-GEHEIM", [.ngo]),
        ("MEDISCH-GEHEIM", "MEDISCH-GEHEIM", [.ngo]),
        ("GEDEELD-MET-GEMEENTE", "GEDEELD-MET-GEMEENTE", [.ngo, .municipality]),
        ("Juridische begeleiding", "legalAssistance", [.ngo, .municipality]),
        ("Legalisering", "legalisation", [.ngo, .municipality, .ind, .dtv, .avim]),
        ("Tesfay", "Tesfay", [.ngo, .municipality, .ind, .dtv, .avim]),
        // Free text follows its section: the referral's note and an instrument's note are read with
        // the support (NGO and municipality), a perspective's note with the perspective.
        ("AANMELD-TOELICHTING", "AANMELD-TOELICHTING", [.ngo, .municipality]),
        ("STEUN-TOELICHTING", "STEUN-TOELICHTING", [.ngo, .municipality]),
        ("PERSPECTIEF-TOELICHTING", "PERSPECTIEF-TOELICHTING", [.ngo, .municipality, .ind, .dtv, .avim]),
    ]

    struct Fixture {
        let utrecht: CaseFile
        let amsterdam: CaseFile
    }

    static func fixture(_ app: TestApp) async throws -> Fixture {
        let ngo = app.account(.ngo).actor
        let service = app.services.service
        let utrecht = try await app.admitted(note: "AANMELD-TOELICHTING")
        let notes: [[String: String]] = [
            ["classification": "general", "text": "ALGEMEEN-ZICHTBAAR"],
            ["classification": "social", "text": "SOCIAAL-GEHEIM"],
            ["classification": "medical", "text": "MEDISCH-GEHEIM"],
        ]
        for note in notes {
            _ = try await service.perform(
                .note,
                on: utrecht.id,
                input: FormInput(single: note),
                expectedVersion: nil,
                actor: ngo
            )
        }
        _ = try await service.perform(
            .note,
            on: utrecht.id,
            input: FormInput([
                "classification": ["social"], "text": ["GEDEELD-MET-GEMEENTE"], "sharedWith": ["municipality"],
            ]),
            expectedVersion: nil,
            actor: ngo
        )
        let support = ["instrument": "legalAssistance", "startedOn": "2026-05-11", "note": "STEUN-TOELICHTING"]
        _ = try await service.perform(
            .startSupport,
            on: utrecht.id,
            input: FormInput(single: support),
            expectedVersion: nil,
            actor: ngo
        )
        let perspective = ["perspective": "legalisation", "decidedOn": "2026-05-12", "note": "PERSPECTIEF-TOELICHTING"]
        _ = try await service.perform(
            .perspective,
            on: utrecht.id,
            input: FormInput(single: perspective),
            expectedVersion: nil,
            actor: ngo
        )
        let amsterdam = try await app.admitted("amsterdam", surname: "Amsterdammer")
        return Fixture(utrecht: utrecht, amsterdam: amsterdam)
    }

    @Test("Reading: pages, API, timeline and lists", arguments: TestDatabase.available)
    func reading(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let f = try await Self.fixture(app)
            let u = f.utrecht.id.uuidString.lowercased()
            let a = f.amsterdam.id.uuidString.lowercased()
            for who in Who.allCases {
                var web = WebClient(client)
                var token: String?
                if let account = who.account(app) {
                    #expect(try await web.login(account.email).status == .found, "\(who) cannot sign in")
                    token = try await app.services.directory.createToken(
                        email: account.email,
                        name: "matrix",
                        validDays: 1
                    )
                }
                let api = APIClient(client: client, token: token ?? "none")

                // The Utrecht case page and its API twins.
                let page = try await web.get("/cases/\(u)")
                let json = try await api.send(.get, "/trajectories/\(u)")
                let events = try await api.send(.get, "/trajectories/\(u)/events")
                if who == .anonymous {
                    #expect(page.status == .seeOther && page.location == "/login")
                    #expect(json.status == .unauthorized && events.status == .unauthorized)
                    continue
                }
                if who.seesUtrechtCase {
                    #expect(page.status == .ok, "\(who) page")
                    #expect(json.status == .ok && events.status == .ok, "\(who) api")
                    for marker in Self.markers {
                        let may = marker.readers.contains(who)
                        #expect(page.text.contains(marker.text) == may, "\(who) page \(marker.text): expected \(may)")
                        #expect(
                            (json.text + events.text).contains(marker.api) == may,
                            "\(who) api \(marker.api): expected \(may)"
                        )
                    }
                } else {
                    #expect(page.status == .notFound, "\(who) page")
                    #expect(json.status == .notFound && events.status == .notFound, "\(who) api")
                    #expect(!page.text.contains("Tesfay") && !json.text.contains("Tesfay"))
                }

                // Every other case route for the Utrecht case.
                for path in [
                    "/intake", "/admission", "/perspective", "/support", "/procedures", "/outflow", "/return",
                    "/biometrics",
                ] {
                    let r = try await web.get("/cases/\(u)\(path)")
                    let expected: HTTPResponse.Status
                    switch (who, path) {
                    case (_, _) where !who.seesUtrechtCase: expected = .notFound
                    case (.avim, "/biometrics"): expected = .ok  // only the AVIM records identification
                    case (_, "/biometrics"): expected = .forbidden
                    case (.ngo, "/return"), (.municipality, "/return"): expected = .conflict  // still open
                    case (.ngo, _), (.municipality, _): expected = .ok
                    // agencies: the check, and their own procedures
                    case (_, "/admission"), (_, "/procedures"): expected = .ok
                    default: expected = .forbidden
                    }
                    #expect(r.status == expected, "\(who) GET \(path): \(r.status)")
                }

                // One person, one registration through the API: identification (the AVIM), the
                // possible registrations (whoever sees the case), a decision (NGO, municipality).
                // Empty bodies: who may act gets 400, so nothing changes.
                let version = try #require(try await app.services.cases.load(f.utrecht.id, context: nil)).file.version
                let biometrics = try await api.send(
                    .post,
                    "/trajectories/\(u)/biometrics",
                    [:],
                    ifMatch: "\"\(version)\""
                )
                let possible = try await api.send(.get, "/trajectories/\(u)/possible-registrations")
                let resolution = try await api.send(
                    .post,
                    "/trajectories/\(u)/duplicate-resolutions",
                    [:],
                    ifMatch: "\"\(version)\""
                )
                switch who {
                case _ where !who.seesUtrechtCase:
                    #expect(
                        [biometrics, possible, resolution].allSatisfy { $0.status == .notFound },
                        "\(who) api linkage"
                    )
                case .avim:
                    #expect(
                        biometrics.status == .badRequest && possible.status == .ok && resolution.status == .forbidden,
                        "avim api linkage"
                    )
                case .ngo, .municipality:
                    #expect(
                        biometrics.status == .forbidden && possible.status == .ok && resolution.status == .badRequest,
                        "\(who) api linkage"
                    )
                default:
                    #expect(
                        biometrics.status == .forbidden && possible.status == .ok && resolution.status == .forbidden,
                        "\(who) api linkage"
                    )
                }

                // The review queue of possible duplicate registrations: the municipality's.
                if who != .anonymous {
                    let queue = try await web.get("/duplicates")
                    #expect(
                        queue.status == (who == .municipality ? .ok : .notFound),
                        "\(who) GET /duplicates: \(queue.status)"
                    )
                    let apiQueue = try await api.send(.get, "/duplicate-reviews")
                    #expect(
                        apiQueue.status == (who == .municipality ? .ok : .notFound),
                        "\(who) GET /api/v1/duplicate-reviews: \(apiQueue.status)"
                    )
                }

                // The Amsterdam case: only Amsterdam's NGO.
                let other = try await web.get("/cases/\(a)")
                #expect(other.status == (who == .ngoAmsterdam ? .ok : .notFound), "\(who) Amsterdam case")
                #expect(
                    try await api.send(.get, "/trajectories/\(a)").status == (who == .ngoAmsterdam ? .ok : .notFound)
                )

                // Lists: only their own locations; national parties none at all.
                let list = try await web.get("/cases")
                let apiList = try await api.send(.get, "/trajectories")
                if [.monitor, .admin, .committee, .steering, .privacy].contains(who) {
                    #expect(list.status == .notFound && apiList.status == .forbidden, "\(who) list")
                } else {
                    #expect(list.status == .ok && apiList.status == .ok)
                    #expect(list.text.contains("Tesfay") == who.seesUtrechtCase)
                    #expect(list.text.contains("Amsterdammer") == (who == .ngoAmsterdam))
                    #expect(apiList.text.contains("Amsterdammer") == (who == .ngoAmsterdam))
                }
            }
        }
    }

    @Test("Writing: who may change what", arguments: TestDatabase.available)
    func writing(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let f = try await Self.fixture(app)
            let u = f.utrecht.id.uuidString
            for who in Who.allCases {
                var token = "none"
                if let account = who.account(app) {
                    token = try await app.services.directory.createToken(
                        email: account.email,
                        name: "matrix",
                        validDays: 1
                    )
                }
                let api = APIClient(client: client, token: token)
                let version = try #require(try await app.services.cases.load(f.utrecht.id, context: nil)).file.version
                let etag = "\"\(version)\""
                let perspective = try await api.send(
                    .post,
                    "/trajectories/\(u)/perspectives",
                    ["perspective": "return", "decidedOn": "2026-06-01"],
                    ifMatch: etag
                )
                let hasa = try await api.send(
                    .post,
                    "/trajectories/\(u)/procedures",
                    ["kind": "hasa", "submittedOn": "2026-06-01"],
                    ifMatch: etag
                )
                let generalNote = try await api.send(
                    .post,
                    "/trajectories/\(u)/notes",
                    ["classification": "general", "text": "door \(who)"]
                )
                let medicalNote = try await api.send(
                    .post,
                    "/trajectories/\(u)/notes",
                    ["classification": "medical", "text": "medisch door \(who)"]
                )
                switch who {
                case .anonymous:
                    #expect([perspective, hasa, generalNote, medicalNote].allSatisfy { $0.status == .unauthorized })
                case .ngo, .municipality:
                    // The perspective is recorded; the procedure, sent with the same (now stale)
                    // If-Match, is refused as a conflict.
                    #expect(perspective.status == .ok, "\(who) perspective \(perspective.status)")
                    #expect(hasa.status == .conflict, "\(who) hasa \(hasa.status)")
                    #expect(generalNote.status == .ok && medicalNote.status == .ok)
                case .ind:
                    #expect(perspective.status == .forbidden)
                    // Its perspective was refused, so its If-Match is still current.
                    #expect(hasa.status == .ok, "ind hasa \(hasa.status)")
                    #expect(generalNote.status == .ok && medicalNote.status == .badRequest)
                case .dtv, .avim:
                    #expect(perspective.status == .forbidden && hasa.status == .forbidden, "\(who)")
                    #expect(generalNote.status == .ok && medicalNote.status == .badRequest)
                case .ngoAmsterdam, .monitor, .admin, .committee, .steering, .privacy:
                    #expect(
                        [perspective, hasa, generalNote, medicalNote].allSatisfy { $0.status == .notFound },
                        "\(who)"
                    )
                }
            }
            // The web forms ask the same policy.
            var web = WebClient(client)
            _ = try await web.login(app.account(.ind).email)
            #expect(
                try await web.post(
                    "/cases/\(u.lowercased())/outflow",
                    [("leftOn", "2026-06-01"), ("reason", "leftUnknown")]
                ).status == .forbidden
            )
            var amsterdam = WebClient(client)
            _ = try await amsterdam.login(app.account(.ngo, "amsterdam").email)
            #expect(
                try await amsterdam.post(
                    "/cases/\(u.lowercased())/notes",
                    [("classification", "general"), ("text", "x")]
                ).status == .notFound
            )
        }
    }
}

/// The matrix extended to case coordination: meetings, minutes, progress, policy, inbox and transfers.
@Suite("Access matrix: case coordination")
struct CoordinationAccessMatrixTests {
    @Test(
        "Every party against meetings, minutes, progress, policy, inbox and transfers",
        arguments: TestDatabase.available
    )
    func coordination(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            // setup: a Utrecht meeting, and a pending transfer from Utrecht to Amsterdam
            let utrecht = app.account(.municipality).actor.locationIds.first!.uuidString
            let amsterdam = app.account(.municipality, "amsterdam").actor.locationIds.first!.uuidString
            let chair = APIClient(client: client, token: try await app.token(.municipality))
            let meeting = try await chair.send(.post, "/meetings", ["heldOn": "2026-06-15", "partiesPresent": ["ngo"]])
                .decoded(MeetingAPIController.MeetingDTO.self).id.uuidString.lowercased()
            let moving = try await app.admitted(surname: "Verhuist")
            let ngo = APIClient(client: client, token: try await app.token(.ngo))
            let transfer = try await ngo.send(
                .post,
                "/trajectories/\(moving.id)/transfers",
                ["toLocationId": amsterdam, "reason": "Netwerk"]
            ).decoded(TransferAPIController.TransferDTO.self).id.uuidString.lowercased()

            typealias Who = AccessMatrixTests.Who
            for who in Who.allCases {
                var token = "none"
                if let account = who.account(app) {
                    token = try await app.services.directory.createToken(
                        email: account.email,
                        name: "matrix",
                        validDays: 1
                    )
                }
                let api = APIClient(client: client, token: token)
                let atUtrecht = [Who.ngo, .municipality, .ind, .dtv, .avim].contains(who)
                let expected: HTTPResponse.Status = who == .anonymous ? .unauthorized : (atUtrecht ? .ok : .notFound)
                #expect(try await api.send(.get, "/meetings/\(meeting)").status == expected, "\(who) meeting")
                #expect(try await api.send(.get, "/meetings/\(meeting)/minutes").status == expected, "\(who) minutes")
                #expect(
                    try await api.send(.get, "/locations/\(utrecht)/progress").status == expected,
                    "\(who) progress"
                )
                #expect(
                    try await api.send(.get, "/locations/\(utrecht)/deadline-policy").status == expected,
                    "\(who) policy"
                )
                // Convening and setting the policy: the municipality only; others at Utrecht are refused, the rest see
                // nothing.
                let convene = try await api.send(
                    .post,
                    "/meetings",
                    ["heldOn": "2026-06-15", "partiesPresent": ["ngo"], "locationId": utrecht]
                )
                let policy = try await api.send(.put, "/locations/\(utrecht)/deadline-policy", ["reviewEveryWeeks": 8])
                switch who {
                case .municipality: #expect(convene.status == .created && policy.status == .ok)
                case .anonymous: #expect(convene.status == .unauthorized && policy.status == .unauthorized)
                case _ where atUtrecht: #expect(convene.status == .forbidden && policy.status == .forbidden, "\(who)")
                case .ngoAmsterdam: #expect(convene.status == .forbidden && policy.status == .notFound, "\(who)")
                default: #expect(convene.status == .notFound && policy.status == .notFound, "\(who)")
                }
                // Inbox: every case party and the committee (its requests); the monitor and administrator none.
                let inbox = try await api.send(.get, "/inbox")
                #expect(
                    inbox.status
                        == (who == .anonymous
                            ? .unauthorized : ([.monitor, .admin, .privacy].contains(who) ? .notFound : .ok)),
                    "\(who) inbox"
                )
                // Transfers: parties at either end see it; only the receiving NGO or municipality may answer.
                let list = try await api.send(.get, "/transfers")
                if atUtrecht || who == .ngoAmsterdam {
                    #expect(list.text.contains("Yonas Verhuist"), "\(who) transfers")
                } else {
                    #expect(!list.text.contains("Yonas Verhuist"), "\(who) transfers")
                }
                if who != .ngoAmsterdam {
                    let answer = try await api.send(
                        .post,
                        "/transfers/\(transfer)/decision",
                        ["decision": "decline", "note": "Nee"]
                    )
                    #expect(
                        answer.status == (who == .anonymous ? .unauthorized : (atUtrecht ? .forbidden : .notFound)),
                        "\(who) transfer decision"
                    )
                }
            }
        }
    }
}

/// The matrix extended to the monitor: only the monitor party opens it, and it opens no case.
@Suite("Access matrix: monitor")
struct MonitorAccessMatrixTests {
    @Test("Every party against the monitor page, report, downloads and API", arguments: TestDatabase.available)
    func monitor(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let admitted = try await app.admitted(surname: "Gemeten")
            typealias Who = AccessMatrixTests.Who
            for who in Who.allCases {
                var web = WebClient(client)
                if let account = who.account(app) { _ = try await web.login(account.email) }
                for path in [
                    "/monitor", "/monitor/report?peildatum=2026-04-01", "/monitor/download/csv",
                    "/monitor/download/xlsx", "/monitor/download/json",
                ] {
                    let response = try await web.get(path)
                    switch who {
                    case .monitor:
                        #expect(response.status == .ok, "\(who) \(path)")
                        // Aggregates only: the person's name appears nowhere in what the monitor publishes.
                        #expect(!response.text.contains("Gemeten"), "\(who) \(path)")
                    case .anonymous:
                        #expect(response.status == .seeOther && response.location == "/login", "\(who) \(path)")
                    default:
                        #expect(response.status == .notFound, "\(who) \(path)")
                    }
                }
                if who == .monitor {
                    #expect(try await web.get("/cases/\(admitted.id.uuidString.lowercased())").status == .notFound)
                    #expect(try await web.get("/monitor?peildatum=2026-05-17").status == .unprocessableContent)
                    // A date after the running quarter is refused before anything is computed.
                    let far = try await web.get("/monitor?peildatum=2420-01-01")
                    #expect(
                        far.status == .unprocessableContent
                            && far.text.contains("De peildatum ligt na het einde van het lopende kwartaal.")
                    )
                }
                // The API: the monitor party's figures, for it alone.
                var token = "none"
                if let account = who.account(app) {
                    token = try await app.services.directory.createToken(email: account.email, name: "m", validDays: 1)
                }
                let api = APIClient(client: client, token: token)
                let answer = try await api.send(.get, "/monitor?referenceDate=2026-04-01")
                switch who {
                case .monitor:
                    #expect(answer.status == .ok)
                    #expect(!String(buffer: answer.body).contains("Gemeten"))
                    let wrong = try await api.send(.get, "/monitor?referenceDate=2026-05-17")
                    #expect(wrong.status == .badRequest && String(buffer: wrong.body).contains("referenceDate"))
                    let far = try await api.send(.get, "/monitor?referenceDate=2420-01-01")
                    #expect(far.status == .badRequest && String(buffer: far.body).contains("inFuture"))
                    #expect(try await api.send(.get, "/monitor?referenceDate=2026-07-01").status == .ok)
                case .anonymous: #expect(answer.status == .unauthorized)
                default:
                    #expect(answer.status == .notFound, "\(who) GET /api/v1/monitor")
                    let wrong = try await api.send(.get, "/monitor?referenceDate=2026-05-17")
                    #expect(wrong.status == .notFound, "\(who) GET /api/v1/monitor, a wrong date")
                }
            }
        }
    }

    @Test("Every party and nobody against the accessibility statement: public, and about Koers only")
    func accessibilityStatement() async throws {
        try await TestApp.run(.sqlite) { app, client in
            _ = try await app.admitted(surname: "Verklaard")
            for who in AccessMatrixTests.Who.allCases {
                var web = WebClient(client)
                if let account = who.account(app) { _ = try await web.login(account.email) }
                let response = try await web.get("/toegankelijkheid")
                #expect(response.status == .ok, "\(who)")
                #expect(response.text.contains("Toegankelijkheidsverklaring"), "\(who)")
                #expect(response.text.contains("Status C: eerste maatregelen genomen."), "\(who)")
                #expect(!response.text.contains("Verklaard"), "\(who)")
            }
        }
    }
}
