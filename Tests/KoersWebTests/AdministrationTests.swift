import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import KoersCore
import KoersDemo
import KoersStore
import Testing

@testable import KoersWeb

/// Going live: the administrator sets up regions, locations, organisations and accounts in the web
/// application, on a network the demo generator did not make.
@Suite("Administration")
struct AdministrationTests {
    static let haaglanden = MunicipalitySample.csv

    @Test("The sample file is the one in the repository")
    func sampleMatchesTheFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/municipalities.csv")
        #expect(try String(contentsOf: file, encoding: .utf8) == MunicipalitySample.csv + "\n")
    }

    @Test("A municipality list is read whole, and every wrong line is reported at once")
    func parsesTheList() throws {
        let list = try MunicipalityList.parse(Self.haaglanden)
        #expect(list.rows.count == 9)
        #expect(list.rows.first == .init(line: 2, cbsCode: "GM0518", name: "'s-Gravenhage", region: "Haaglanden"))
        let semicolons = try MunicipalityList.parse("cbsCode;name;region\ngm0344;Utrecht;Utrecht\n")
        #expect(semicolons.rows.map(\.cbsCode) == ["GM0344"])
        do {
            _ = try MunicipalityList.parse(
                "cbsCode,name,region\nGM0518,Den Haag,Haaglanden\nX12,Delft,Haaglanden\nGM0518,Again,Haaglanden\n"
                    + "GM0603,Rijswijk\n"
            )
            Issue.record("a wrong file was accepted")
        } catch {
            #expect(error.errors.map(\.code) == ["cbsCode", "duplicate", "columns"])
            #expect(error.errors.allSatisfy { $0.message.en.hasPrefix("Line ") })
        }
        #expect(throws: ValidationFailure.self) { try MunicipalityList.parse("code,name\nGM0518,Den Haag\n") }
    }

    @Test("Passwords: long, not personal, not common, typed twice the same")
    func passwordRules() {
        func codes(_ password: String, again: String? = nil) -> [String] {
            PasswordRules.errors(password, again: again ?? password, email: "anna.jansen@lvv.nl", name: "Anna Jansen")
                .map(\.code)
        }
        #expect(codes("kort") == ["tooShort"])
        #expect(codes("qwerty123456") == ["common"])
        #expect(codes("QWERTY123456") == ["common"])
        #expect(codes("anna.jansen-2026!") == ["personal"])
        #expect(codes("ik ben jansen van de gemeente") == ["personal"])
        #expect(codes("paarse fiets onder de brug", again: "paarse fiets onder de brug!") == ["mismatch"])
        #expect(codes("paarse fiets onder de brug").isEmpty)
    }

    @Test("From setup to a signed-in NGO user, without the demo generator", arguments: TestDatabase.available)
    func goingLive(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let store = app.services.administration
            // The demo network has an administrator; a fresh one would say so on its login page.
            await #expect(throws: StoreError.self) {
                _ = try await store.setUp(email: "second@koers.nl", displayName: "Second")
            }
            var web = WebClient(client)
            #expect(try await web.login(app.account(.admin, nil).email).status == .found)
            #expect(try await web.get("/admin").text.contains("Beheer van het netwerk"))

            // The file: all of it, with its region.
            let imported = try await web.postFile(
                "/admin/municipalities",
                field: "file",
                filename: "haaglanden.csv",
                content: Self.haaglanden
            )
            #expect(imported.status == .ok)
            #expect(imported.text.contains("9 gemeenten ingelezen; 1 nieuwe regio"))
            let region = try #require(try await store.regions().first { $0.name == "Haaglanden" })
            #expect(region.municipalityCount == 9)
            #expect(try await store.municipality(cbsCode: "GM0518")?.name == "'s-Gravenhage")

            // A municipality in two regions: refused with its line, and nothing of the file written.
            let twice = try await web.postFile(
                "/admin/municipalities",
                field: "file",
                filename: "twice.csv",
                content: "cbsCode,name,region\nGM9999,Nieuwdorp,Drechtsteden\nGM0503,Delft,Drechtsteden\n"
            )
            #expect(twice.status == .unprocessableContent)
            #expect(twice.text.contains("Regel 3: GM0503 hoort al bij regio Haaglanden"))
            #expect(try await store.municipality(cbsCode: "GM9999") == nil)
            #expect(try await store.regions().contains { $0.name == "Drechtsteden" } == false)

            // A duplicate region, a location without a region and an undescribed deviation: each named.
            let duplicate = try await web.post("/admin/regions", [("name", "Haaglanden")])
            #expect(duplicate.status == .unprocessableContent)
            #expect(duplicate.text.contains("Er is al een regio met deze naam."))
            let noRegion = try await web.post(
                "/admin/locations",
                [("name", "LVV Den Haag"), ("minimumMonthsInRegion", "3"), ("acceptedTies", "familyOrNetwork")]
            )
            #expect(noRegion.status == .unprocessableContent)
            #expect(noRegion.text.contains("Kies de regio die de locatie bedient."))
            #expect(noRegion.text.contains("beschrijf de afwijking in beide talen"))
            let regionId = region.id.uuidString.lowercased()
            let created = try await web.post(
                "/admin/locations",
                [
                    ("name", "LVV Den Haag"), ("regionId", regionId), ("minimumMonthsInRegion", "3"),
                    ("acceptedTies", "familyOrNetwork"), ("acceptedTies", "formerRegistration"),
                    ("deviationNl", "Drie maanden verblijf volstaat in Haaglanden."),
                    ("deviationEn", "Three months' stay suffices in Haaglanden."),
                ]
            )
            #expect(created.status == .seeOther)
            let location = try #require(
                try await app.services.directory.locations().first { $0.name == "LVV Den Haag" }
            )
            #expect(location.slug == "lvv-den-haag")
            #expect(location.regionalTiesRule.minimumMonthsInRegion == 3)
            #expect(location.regionalTiesRule.deviation?.en == "Three months' stay suffices in Haaglanden.")
            let second = try await web.post(
                "/admin/locations",
                [("name", "LVV Den Haag 2"), ("regionId", regionId), ("minimumMonthsInRegion", "6")]
                    + RegionalTiesRule.national.acceptedTies.map { ("acceptedTies", $0.rawValue) }
            )
            #expect(second.text.contains("Deze regio heeft al een LVV-locatie."))

            // Organisations: an escalation body needs its rung; the national committee serves the new location.
            let noLevel = try await web.post(
                "/admin/organisations",
                [("name", "Stuurgroep Den Haag"), ("party", "escalationBody"), ("locationIds", location.id.uuidString)]
            )
            #expect(noLevel.text.contains("Kies de trede van de escalatieladder."))
            #expect(
                try await web.post(
                    "/admin/organisations",
                    [("name", "Stichting Den Haag"), ("party", "ngo"), ("locationIds", location.id.uuidString)]
                ).status == .seeOther
            )
            let ngo = try #require(try await store.organisations().first { $0.name == "Stichting Den Haag" })
            #expect(ngo.locationIds == [location.id])
            let committee = try #require(try await store.organisations().first { $0.party == .committee })
            #expect(
                try await web.post(
                    "/admin/organisations",
                    [
                        ("name", "Landelijke commissie schrijnende gevallen"), ("party", "committee"),
                        ("national", "true"),
                    ]
                ).status == .seeOther
            )
            let national = try #require(
                try await store.organisations().first { $0.name == "Landelijke commissie schrijnende gevallen" }
            )
            #expect(national.national && national.id != committee.id)

            // An invitation: an account without an organisation is refused; then the link, once.
            let orphan = try await web.post("/admin/accounts", [("email", "fatima@stichting.nl"), ("name", "Fatima")])
            #expect(orphan.text.contains("Een account hoort bij een organisatie: kies er een."))
            let invited = try await web.post(
                "/admin/accounts",
                [("email", "Fatima@Stichting.nl"), ("name", "Fatima Bakker"), ("organisationId", ngo.id.uuidString)]
            )
            #expect(invited.status == .ok)
            let link = try #require(invited.text.firstMatch(of: /\/invitations\/([A-Za-z0-9_-]+)/))
            let token = String(link.1)
            #expect(try await web.post("/logout", []).status == .found)

            var user = WebClient(client)
            #expect(try await user.get("/invitations/\(token)").text.contains("fatima@stichting.nl"))
            let weak = try await user.post(
                "/invitations/\(token)",
                [("password", "fatima-2026"), ("passwordAgain", "x")]
            )
            #expect(weak.status == .unprocessableContent)
            for message in ["minstens 12 tekens", "uw e-mailadres of naam", "De twee wachtwoorden verschillen"] {
                #expect(weak.text.contains(message), "\(message)")
            }
            let phrase = "paarse fiets onder de brug"
            #expect(
                try await user.post("/invitations/\(token)", [("password", phrase), ("passwordAgain", phrase)]).status
                    == .seeOther
            )
            #expect(try await user.get("/invitations/\(token)").status == .notFound)

            // The NGO opens cases, so its users set up a second factor at their first sign-in.
            let signIn = try await user.login("fatima@stichting.nl", password: phrase)
            #expect(signIn.status == .found && signIn.location == "/login/code")
            let setup = try await user.get("/login/code")
            #expect(setup.text.contains("otpauth://totp/Koers:fatima@stichting.nl?secret="))
            let secret = String(try #require(setup.text.firstMatch(of: /id="totp-secret">([A-Z2-7]+)</)).1)
            let late = try #require(TOTP.code(secret: secret, at: Date().addingTimeInterval(600)))
            #expect(try await user.post("/login/code", [("code", late)]).status == .unauthorized)
            #expect(try await user.get("/cases").status == .seeOther)
            let code = try #require(TOTP.code(secret: secret, at: Date()))
            #expect(try await user.post("/login/code", [("code", code)]).status == .found)
            #expect(try await user.get("/cases").status == .ok)

            // Referral to admission at the new location: the check names the municipality and Den Haag's rule.
            let fatima = try #require(try await store.accounts().first { $0.email == "fatima@stichting.nl" })
            let ngoActor = try #require(try await app.services.directory.actor(userId: fatima.id))
            let referred = try await app.services.service.refer(
                FormInput(single: [
                    "givenNames": "Amal", "surname": "Haddad", "nationality": "SYR", "gender": "female",
                    "birthDate": "1991", "channel": "ngo", "referredOn": "2026-05-01",
                ]),
                actor: ngoActor
            )
            var intake = Fixtures.intake
            intake["inRegionSince"] = "2026-01-10"
            intake["municipalityOfStay"] = "GM0518"
            intake["surname"] = "Haddad"
            _ = try await app.services.service.perform(
                .intake,
                on: referred.id,
                input: FormInput(single: intake),
                expectedVersion: nil,
                actor: ngoActor
            )
            let check = try #require(
                try await app.services.service.admissionCheck(
                    try await app.services.service.read(referred.id, actor: ngoActor)
                )
            )
            let ties = try #require(check.criteria.first { $0.criterion == .regionalTies })
            // Five months in Haaglanden: enough under Den Haag's three, not under the national six.
            #expect(ties.status == .met)
            #expect(ties.reason.nl.hasPrefix("Verblijft in 's-Gravenhage, regio Haaglanden."))
            #expect(check.localDeviation?.nl == "Drie maanden verblijf volstaat in Haaglanden.")
            let page = try await user.get("/cases/\(referred.id.uuidString.lowercased())/admission")
            #expect(page.status == .ok)
            #expect(page.text.contains("s-Gravenhage, regio Haaglanden"))
            #expect(page.text.contains("Drie maanden verblijf volstaat in Haaglanden."))
            // Staying outside the region: the criterion says where, and is not met.
            intake["municipalityOfStay"] = "GM0344"
            let elsewhere = try await app.services.service.refer(
                FormInput(single: [
                    "givenNames": "Omar", "surname": "Haddad", "nationality": "SYR", "gender": "male",
                    "birthDate": "1989", "channel": "ngo", "referredOn": "2026-05-01",
                ]),
                actor: ngoActor
            )
            _ = try await app.services.service.perform(
                .intake,
                on: elsewhere.id,
                input: FormInput(single: intake),
                expectedVersion: nil,
                actor: ngoActor
            )
            let outside = try #require(
                try await app.services.service.admissionCheck(
                    try await app.services.service.read(elsewhere.id, actor: ngoActor)
                )
            )
            let outsideTies = try #require(outside.criteria.first { $0.criterion == .regionalTies })
            #expect(outsideTies.status == .notMet)
            #expect(
                outsideTies.reason.en
                    == "Stays in Utrecht (region Midden-Utrecht), outside the region Haaglanden this location serves."
            )

            // The next sign-in asks for the code only, and a wrong one again and again is throttled.
            _ = try await user.post("/logout", [])
            #expect(try await user.login("fatima@stichting.nl", password: phrase).location == "/login/code")
            #expect(!(try await user.get("/login/code").text.contains("totp-secret")))
            // The code signed in with a moment ago is not taken twice (RFC 6238, 5.2).
            #expect(try await user.post("/login/code", [("code", code)]).status == .unauthorized)
            var statuses: [Int] = []
            for _ in 0..<5 { statuses.append(try await user.post("/login/code", [("code", late)]).status.code) }
            #expect(statuses == [401, 401, 401, 401, 429])

            // The national committee's member sees the new location's meetings' cases in its inbox later;
            // here: its actor serves every location, including the one made after it.
            let member = try await store.invite(
                email: "lid@commissie.nl",
                displayName: "Commissielid",
                organisationId: national.id,
                by: ChangeAuthor(userId: nil, name: "test")
            )
            _ = try await store.acceptInvitation(token: member.token, password: "lange zin voor de commissie")
            let actor = try #require(try await app.services.directory.actor(userId: member.userId))
            #expect(actor.locationIds == Set(try await app.services.directory.locations().map(\.id)))

            // Everything audited: the location's history names who made it and what.
            let history = try await store.changes(of: location.id)
            #expect(history.map(\.action) == ["created"])
            #expect(history.first?.userName == app.account(.admin, nil).actor.displayName)
            #expect(history.first?.after?.contains("Three months") == true)
            #expect(try await store.changes(of: ngo.id).count == 1)
            let account = try await store.changes(of: member.userId).map(\.action)
            #expect(account == ["passwordSet", "invited"])
        }
    }

    @Test("The demo builds its whole network through the administration store", arguments: [TestDatabase.sqlite])
    func demoRegions(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, _ in
            let regions = try await app.services.administration.regions()
            #expect(
                regions.map(\.name) == [
                    "Amsterdam-Amstelland", "Groningen", "Midden-Utrecht", "Rijnmond", "Zuidoost-Brabant",
                ]
            )
            #expect(regions.allSatisfy { $0.municipalityCount == 3 })
            let utrecht = try #require(try await app.services.directory.locations().first { $0.name == "LVV Utrecht" })
            let stay = try await app.services.directory.stay(cbsCode: "GM0356", locationId: utrecht.id)
            #expect(stay?.inLocationRegion == true && stay?.municipality == "Nieuwegein")
            #expect(try await app.services.administration.changes(of: utrecht.id).map(\.action) == ["created"])
            #expect(try await app.services.administration.changes(of: utrecht.id).first?.userName == "koers demo")
            // Each organisation created and each account invited and accepted, as an administrator and a user do.
            let organisations = try await app.services.administration.organisations()
            for organisation in organisations {
                let history = try await app.services.administration.changes(of: organisation.id)
                #expect(history.map(\.action) == ["created"], "\(organisation.name)")
            }
            #expect(
                organisations.filter(\.national).map(\.name).sorted() == [
                    "Commissie schrijnende gevallen", "Landelijk escalatieoverleg",
                ]
            )
            for account in app.accounts {
                let history = try await app.services.administration.changes(of: account.actor.userId)
                #expect(history.map(\.action) == ["passwordSet", "invited"], "\(account.email)")
            }
        }
    }

    @Test("Reset, move and disable: each ends the account's sessions and tokens", arguments: TestDatabase.available)
    func accountChanges(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let colleague = app.account(.municipality)
            let token = try await app.services.directory.createToken(email: colleague.email, name: "t", validDays: 1)
            var signedIn = WebClient(client)
            _ = try await signedIn.login(colleague.email)
            #expect(try await signedIn.get("/cases").status == .ok)
            var admin = WebClient(client)
            _ = try await admin.login(app.account(.admin, nil).email)
            let path = "/admin/accounts/\(colleague.actor.userId.uuidString.lowercased())"
            #expect(try await admin.get(path).text.contains(colleague.email))

            // Move: to Amsterdam's municipality, and out of every session.
            let amsterdam = app.account(.municipality, "amsterdam").actor.organisationId
            let missing = try await admin.post(path + "/move", [])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("Kies de nieuwe organisatie."))
            #expect(try await admin.post(path + "/move", [("organisationId", amsterdam.uuidString)]).status == .ok)
            #expect(try await signedIn.get("/cases").status == .seeOther)
            #expect(try await app.services.directory.actor(apiToken: token) == nil)
            #expect(try await app.services.directory.actor(userId: colleague.actor.userId)?.organisationId == amsterdam)

            // Reset: a new link; the old password no longer works until a new one is chosen.
            let reset = try await admin.post(path + "/reset", [])
            let link = try #require(reset.text.firstMatch(of: /\/invitations\/([A-Za-z0-9_-]+)/))
            var stranger = WebClient(client)
            #expect(try await stranger.login(colleague.email).status == .unauthorized)
            var user = WebClient(client)
            let phrase = "een nieuwe zin na de reset"
            #expect(
                try await user.post("/invitations/\(link.1)", [("password", phrase), ("passwordAgain", phrase)])
                    .status == .seeOther
            )

            // Disable: no more signing in.
            #expect(try await admin.post(path + "/disable", []).status == .ok)
            var late = WebClient(client)
            #expect(try await late.login(colleague.email, password: phrase).status == .unauthorized)
            // Enabled again: the password chosen after the reset works once more.
            #expect(try await admin.post(path + "/enable", []).status == .ok)
            var back = WebClient(client)
            #expect(try await back.login(colleague.email, password: phrase).status == .found)
            let history = try await app.services.administration.changes(of: colleague.actor.userId).map(\.action)
            // Newest first, down to the demo's own invitation of the account.
            #expect(history == ["enabled", "disabled", "passwordSet", "reset", "moved", "passwordSet", "invited"])
            #expect(try await admin.post("/admin/accounts/\(UUID())/reset", []).status == .notFound)
        }
    }
}

extension AccessMatrixTests {
    @Test("Every party against the administration pages and forms", arguments: TestDatabase.available)
    func administration(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let file = try await app.referral()
            for who in Who.allCases {
                var web = WebClient(client)
                if let account = who.account(app) { _ = try await web.login(account.email) }
                func expectRefused(_ response: TestResponse, _ what: String) {
                    switch who {
                    case .admin: break
                    case .anonymous: #expect(response.status == .seeOther && response.location == "/login", "\(what)")
                    default: #expect(response.status == .notFound, "\(who) \(what)")
                    }
                }
                let own = "/admin/accounts/\(app.account(.ngo).actor.userId.uuidString.lowercased())"
                for path in [
                    "/admin", "/admin/municipalities-sample.csv", "/admin/history/\(file.id)", own, "/admin/register",
                    "/admin/register/case.read", "/admin/retention",
                ] {
                    let response = try await web.get(path)
                    if who == .admin { #expect(response.status == .ok, "\(path)") }
                    expectRefused(response, "GET \(path)")
                }
                guard who != .admin else {
                    // The administrator opens no case.
                    #expect(try await web.get("/cases/\(file.id.uuidString.lowercased())").status == .notFound)
                    continue
                }
                let account = "/admin/accounts/\(app.account(.ngo).actor.userId.uuidString.lowercased())"
                expectRefused(try await web.get(account), "GET \(account)")
                for path in [
                    "/admin/regions", "/admin/locations", "/admin/organisations", "/admin/accounts",
                    "/admin/two-factor", "/admin/policy-versions", account + "/reset", account + "/move",
                    account + "/disable", account + "/enable", "/admin/register/case.read", "/admin/retention/plans",
                    "/admin/retention/plans/\(UUID())/approve", "/admin/retention/plans/\(UUID())/apply",
                ] {
                    expectRefused(try await web.post(path, [("name", "x")]), "POST \(path)")
                }
                let upload = try await web.postFile(
                    "/admin/municipalities",
                    field: "file",
                    filename: "a.csv",
                    content: AdministrationTests.haaglanden
                )
                expectRefused(upload, "POST /admin/municipalities")
            }
            // Nothing any other party sent was written: the demo's five regions only.
            #expect(try await app.services.administration.regions().count == 5)
            #expect(try await app.services.directory.actor(userId: app.account(.ngo).actor.userId) != nil)
            #expect(try await app.services.administration.partiesRequiringTwoFactor().contains(.ngo))
            #expect(try await app.services.policies.versions().count == 1)
            #expect(try await app.services.administration.organisations().allSatisfy { $0.name != "x" })
            #expect(try await app.services.retention.plans(actor: app.account(.admin, nil).actor).isEmpty)
            #expect(try await app.services.register.entries() == RegisterEntry.defaults)
        }
    }
}

@Suite("Administration through the API")
struct AdministrationAPITests {
    @Test(
        "The administrator sets up a location through the API; bad input is one problem; others get 404",
        arguments: TestDatabase.available
    )
    func administrationAPI(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            let admin = APIClient(
                client: client,
                token: try await app.services.directory.createToken(
                    email: app.account(.admin, nil).email,
                    name: "a",
                    validDays: 1
                )
            )
            let imported = try await admin.send(.post, "/admin/municipalities", ["file": MunicipalitySample.csv])
            #expect(try imported.decoded(MunicipalityImportDTO.self).municipalities == 9)
            let region = try #require(
                try await admin.send(.get, "/admin/regions").decoded([RegionDTO].self).first { $0.name == "Haaglanden" }
            )
            // Every field error at once, as problem+json, and nothing written.
            let bad = try await admin.send(
                .post,
                "/admin/locations",
                ["name": "", "minimumMonthsInRegion": 99, "acceptedTies": ["nonsense"]]
            )
            #expect(bad.status == .badRequest)
            let fields = try bad.problemFields()
            #expect(fields == ["name", "regionId", "minimumMonthsInRegion", "acceptedTies"], "\(bad.text)")
            let created = try await admin.send(
                .post,
                "/admin/locations",
                [
                    "name": "LVV Den Haag", "regionId": region.id.uuidString, "minimumMonthsInRegion": 6,
                    "acceptedTies": RegionalTiesRule.national.acceptedTies.map(\.rawValue),
                ]
            )
            #expect(created.status == .created)
            let location = try created.decoded(AdminLocationDTO.self)
            #expect(location.regionId == region.id && location.regionalTiesRule.deviation == nil)
            let ngo = try await admin.send(
                .post,
                "/admin/organisations",
                ["name": "Stichting Den Haag", "party": "ngo", "locationIds": [location.id.uuidString]]
            )
            let organisation = try ngo.decoded(OrganisationDTO.self)
            let invited = try await admin.send(
                .post,
                "/admin/accounts",
                ["email": "api@denhaag.example", "name": "Via API", "organisationId": organisation.id.uuidString]
            )
            let invitation = try invited.decoded(InvitationDTO.self)
            #expect(
                try await app.services.admin.invitation(token: invitation.invitationToken)?.email
                    == "api@denhaag.example"
            )
            let moved = try await admin.send(
                .post,
                "/admin/accounts/\(invitation.userId.uuidString.lowercased())/move",
                ["organisationId": UUID().uuidString]
            )
            #expect(try moved.problemFields() == ["organisationId"])
            let disabled = try await admin.send(
                .post,
                "/admin/accounts/\(invitation.userId.uuidString.lowercased())/disable"
            )
            #expect(try disabled.decoded(AccountDTO.self).state == .disabled)
            let twoFactor = try await admin.send(.put, "/admin/two-factor", ["parties": ["ngo", "municipality"]])
            #expect(try twoFactor.decoded(TwoFactorDTO.self).parties == [.municipality, .ngo])
            let history = try await admin.send(.get, "/admin/changes?objectId=\(location.id.uuidString.lowercased())")
            #expect(try history.decoded([AdminChangeDTO].self).map(\.action) == ["created"])

            // Every other party: 404 for every administration operation, whatever the body.
            for account in app.accounts where account.party != .admin {
                let api = APIClient(
                    client: client,
                    token: try await app.services.directory.createToken(email: account.email, name: "x", validDays: 1)
                )
                for operation in APIOperation.administration {
                    let path =
                        operation.path.replacingOccurrences(
                            of: "{uid}",
                            with: invitation.userId.uuidString.lowercased()
                        ) + (operation.path == "/admin/changes" ? "?objectId=\(location.id)" : "")
                    let method = HTTPRequest.Method(String(operation.route.split(separator: " ")[0]))!
                    let answer = try await api.send(method, path, ["name": "x", "file": "x"])
                    #expect(answer.status == .notFound, "\(account.party) \(operation.route)")
                }
            }
            #expect(try await app.services.administration.regions().count == 6)
        }
    }
}

@Suite("National policy versions")
struct PolicyVersionTests {
    @Test(
        "A new version changes the check from its day; an earlier decision keeps its version; bad versions are named",
        arguments: TestDatabase.available
    )
    func versions(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app, client in
            // A decision under version 1 (TestApp.today is 2026-06-15).
            let admitted = try await app.admitted(surname: "Eerder")
            let ngo = app.account(.ngo).actor
            let earlier = try await app.services.service.read(admitted.id, actor: ngo)
            #expect(earlier.file.admission?.check.policyVersion == 1)

            var admin = WebClient(client)
            _ = try await admin.login(app.account(.admin, nil).email)
            func version(_ fields: [(String, String)]) async throws -> TestResponse {
                try await admin.post("/admin/policy-versions", fields)
            }
            let base: [(String, String)] = [
                ("freshRejectionDays", "28"), ("minimumMonthsInRegion", "6"), ("acceptedTies", "familyOrNetwork"),
                ("monitorK", "5"), ("safeCountries", "MAR ALB"),
                ("outflowReasons", NationalPolicy.lines(OutflowReason.nationalDefault)),
                ("escalationLadder", NationalPolicy.lines(EscalationLevel.defaultLadder)),
            ]
            // In the past; then k changing mid-quarter; then an unknown country: each named, nothing written.
            let past = try await version(base + [("validFrom", "2026-06-01")])
            #expect(
                past.status == .unprocessableContent && past.text.contains("Een nieuwe versie begint vandaag of later")
            )
            let midQuarter = try await version(
                base.filter { $0.0 != "monitorK" } + [("validFrom", "2026-08-01"), ("monitorK", "10")]
            )
            #expect(midQuarter.text.contains("k verandert alleen op de eerste dag van een kwartaal."))
            let unknown = try await version(
                base.filter { $0.0 != "safeCountries" } + [("validFrom", "2026-07-01"), ("safeCountries", "ERI XYZ")]
            )
            #expect(unknown.text.contains("Onbekende landcode ‘XYZ’"))
            let badReasons = try await version(
                base.filter { $0.0 != "outflowReasons" } + [
                    ("validFrom", "2026-07-01"),
                    ("outflowReasons", "permitGranted;durable;Vergunning;Permit\nbroken line"),
                ]
            )
            #expect(badReasons.text.contains("Regel 2: verwacht code;categorie;Nederlands;Engels"))
            let lostRung = try await version(
                base.filter { $0.0 != "escalationLadder" } + [
                    ("validFrom", "2026-07-01"), ("escalationLadder", "steeringGroup;Stuurgroep;Steering group"),
                ]
            )
            #expect(lostRung.text.contains("De trede national ontbreekt"))
            let reordered = try await version(
                base.filter { $0.0 != "escalationLadder" } + [
                    ("validFrom", "2026-07-01"),
                    ("escalationLadder", "national;Landelijk;National\nsteeringGroup;Stuurgroep;Steering group"),
                ]
            )
            #expect(reordered.text.contains("De bestaande treden blijven in hun volgorde"))
            #expect(try await app.services.policies.versions().count == 1)

            // Version 2 from today: Eritrea a safe country, six months and family ties.
            let reasons =
                NationalPolicy.lines(OutflowReason.nationalDefault)
                + "\nreturnedToEU;durable;Naar een ander EU-land met verblijfsrecht;"
                + "To another EU country with residence"
            // It also puts a regional rung between the steering group and the national meeting.
            let ladder =
                "steeringGroup;Lokale stuurgroep;Local steering group\n"
                + "regional;Regionaal escalatieoverleg;Regional escalation meeting\n"
                + "national;Landelijk escalatieoverleg;National escalation meeting"
            let added = try await version(
                base.filter { !["safeCountries", "outflowReasons", "escalationLadder"].contains($0.0) } + [
                    ("validFrom", "2026-06-15"), ("safeCountries", "ERI"), ("outflowReasons", reasons),
                    ("escalationLadder", ladder),
                ]
            )
            #expect(try await app.services.service.outflowReasons().last?.code == "returnedToEU")
            #expect(added.status == .ok && added.text.contains("Versie 2 geldt vanaf 2026-06-15."))
            #expect(
                try await app.services.service.escalationLadder().map(\.code) == [
                    "steeringGroup", "regional", "national",
                ]
            )
            let body = try await admin.post(
                "/admin/organisations",
                [
                    ("name", "Regionaal overleg"), ("party", "escalationBody"), ("escalationLevel", "provincial"),
                    ("national", "on"),
                ]
            )
            #expect(body.text.contains("‘provincial’ is geen trede van de escalatieladder."))
            try await admin.post(
                "/admin/organisations",
                [
                    ("name", "Regionaal overleg"), ("party", "escalationBody"), ("escalationLevel", "regional"),
                    ("national", "on"),
                ]
            )
            let organisations = try await app.services.administration.organisations()
            #expect(organisations.contains { $0.name == "Regionaal overleg" && $0.escalationLevel == "regional" })
            // The regievoerder escalates to the new rung; the case keeps the rung's name as it was then.
            let municipality = app.account(.municipality).actor
            _ = try await app.services.service.perform(
                .escalate,
                on: admitted.id,
                input: FormInput(single: ["level": "regional", "question": "Vraag", "proposedDecision": "Voorstel"]),
                expectedVersion: nil,
                actor: municipality
            )
            var regievoerder = WebClient(client)
            _ = try await regievoerder.login(app.account(.municipality).email)
            let escalated = try await regievoerder.get("/cases/\(admitted.id.uuidString.lowercased())")
            #expect(escalated.text.contains("Regionaal escalatieoverleg"))
            let overlap = try await version(base + [("validFrom", "2026-06-15")])
            #expect(overlap.text.contains("Versie 2 geldt vanaf 2026-06-15; een nieuwe versie begint daarna."))

            // A new case is checked under version 2; the earlier decision still shows version 1.
            let later = try await app.referral(surname: "Later")
            var intake = Fixtures.intake
            intake["surname"] = "Later"
            _ = try await app.services.service.perform(
                .intake,
                on: later.id,
                input: FormInput(single: intake),
                expectedVersion: nil,
                actor: ngo
            )
            let check = try #require(
                try await app.services.service.admissionCheck(try await app.services.service.read(later.id, actor: ngo))
            )
            #expect(check.policyVersion == 2)
            #expect(check.flags.contains { $0.flag == .safeCountryOfOrigin })
            var web = WebClient(client)
            _ = try await web.login(app.account(.ngo).email)
            let page = try await web.get("/cases/\(admitted.id.uuidString.lowercased())")
            #expect(page.text.contains("Getoetst aan landelijk beleid, versie 1."))
            let now = try await web.get("/cases/\(later.id.uuidString.lowercased())/admission")
            #expect(now.text.contains("Getoetst aan landelijk beleid, versie 2."))

            // The monitor's k comes from the version in force on the reference date.
            // A later version keeps the regional rung: leaving it out is refused, as above.
            let k10 = try await version(
                base.filter { $0.0 != "monitorK" && $0.0 != "escalationLadder" } + [
                    ("validFrom", "2026-10-01"), ("monitorK", "10"), ("escalationLadder", ladder),
                ]
            )
            #expect(k10.status == .ok)
            #expect(try await app.services.policies.inForce(on: Day("2026-10-01")!).monitorK == 10)
            #expect(try await app.services.policies.inForce(on: Day("2026-07-01")!).monitorK == 5)
            let history = try await app.services.administration.changes(
                of: try #require(try await PolicyVersionIds.id(of: 2, in: app))
            )
            #expect(history.first?.action == "versionAdded")
        }
    }
}

/// The stored id of a policy version, for its history.
enum PolicyVersionIds {
    static func id(of version: Int, in app: TestApp) async throws -> UUID? {
        try await PolicyVersionModel.query(on: app.services.database.db).filter(\.$version == version).first()?.id
    }
}
