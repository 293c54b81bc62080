import FluentKit
import Foundation
import KoersCore

/// The five pilot locations, their member organisations of every party and one account per
/// party per location, plus the national monitor, administrator and hardship committee.
public enum DemoNetwork {
    /// Every demo account shares this password; the demo is for trying Koers, never for real data.
    public static let password = "koers-demo"

    public struct Account: Sendable {
        public let email: String
        public let party: Party
        public let location: String?
        public let actor: Actor
    }

    struct City {
        let name: String
        let slug: String
        let ngo: String
        let rule: RegionalTiesRule
        var deadlines: DeadlinePolicy = .noDeadlines
    }

    static let cities: [City] = [
        City(
            name: "LVV Amsterdam",
            slug: "amsterdam",
            ngo: "Stichting Amsterdamse Opvang en Begeleiding",
            rule: RegionalTiesRule(
                minimumMonthsInRegion: 6,
                acceptedTies: [
                    .formerRegistration, .familyOrNetwork, .medicalTreatment, .childrenAtSchool, .lastReceptionInRegion,
                ],
                deviation: LocalizedText(
                    nl: "Amsterdam erkent ook een laatste COA-opvanglocatie in de regio.",
                    en: "Amsterdam also accepts a last COA reception centre in the region."
                )
            ),
            deadlines: DeadlinePolicy(perspectiveWithinWeeks: 26, reviewEveryWeeks: 26, maximumStayMonths: 24)
        ),
        City(name: "LVV Eindhoven", slug: "eindhoven", ngo: "Vluchtelingen in de Knel (demo)", rule: .national),
        City(
            name: "LVV Groningen",
            slug: "groningen",
            ngo: "INLIA (demo)",
            rule: RegionalTiesRule(
                minimumMonthsInRegion: 6,
                acceptedTies: [
                    .formerRegistration, .familyOrNetwork, .medicalTreatment, .childrenAtSchool, .workOrVolunteering,
                ],
                deviation: LocalizedText(
                    nl:
                        "Groningen rekent de drie noordelijke provincies tot de regio en erkent ook "
                        + "(vrijwilligers)werk.",
                    en: "Groningen counts the three northern provinces as the region and also accepts (volunteer) work."
                )
            ),
            deadlines: DeadlinePolicy(perspectiveWithinWeeks: 12, reviewEveryWeeks: 12)
        ),
        City(
            name: "LVV Rotterdam",
            slug: "rotterdam",
            ngo: "Rotterdams Ongedocumenteerden Steunpunt (demo)",
            rule: RegionalTiesRule(
                minimumMonthsInRegion: 12,
                acceptedTies: [.formerRegistration, .familyOrNetwork, .childrenAtSchool],
                deviation: LocalizedText(
                    nl:
                        "Rotterdam vraagt twaalf maanden verblijf in de regio en erkent medische behandeling niet als "
                        + "binding.",
                    en: "Rotterdam asks twelve months in the region and does not accept medical treatment as a tie."
                )
            ),
            deadlines: DeadlinePolicy(perspectiveWithinWeeks: 8, reviewEveryWeeks: 6, maximumStayMonths: 6)
        ),
        City(
            name: "LVV Utrecht",
            slug: "utrecht",
            ngo: "Stichting Noodopvang Dakloze Vreemdelingen Utrecht (demo)",
            rule: .national
        ),
    ]

    /// Creates the network in an empty database and returns every account.
    public static func create(_ directory: DirectoryStore) async throws -> [Account] {
        let hash = try await directory.hashPassword(password)
        let accounts = try await directory.database.db.transaction { db in
            var accounts: [Account] = []
            var allLocations: [UUID] = []
            for city in cities {
                let location = try await directory.createLocation(
                    name: city.name,
                    slug: city.slug,
                    rule: city.rule,
                    deadlines: city.deadlines,
                    on: db
                )
                allLocations.append(location)
                let cityName = city.name.replacingOccurrences(of: "LVV ", with: "")
                let orgs: [(Party, String)] = [
                    (.municipality, "Gemeente \(cityName)"), (.ngo, city.ngo),
                    (.ind, "IND \(cityName)"), (.dtv, "DT&V \(cityName)"), (.avim, "AVIM \(cityName)"),
                ]
                for (party, name) in orgs {
                    let org = try await directory.createOrganisation(
                        name: name,
                        party: party,
                        locations: [location],
                        on: db
                    )
                    let email = "\(party.rawValue).\(city.slug)@demo.koers.nl"
                    let display = "\(party.label.nl) \(cityName) (demo)"
                    let user = try await insertUser(email: email, name: display, org: org, hash: hash, on: db)
                    accounts.append(
                        Account(
                            email: email,
                            party: party,
                            location: city.name,
                            actor: Actor(
                                userId: user,
                                organisationId: org,
                                party: party,
                                locationIds: [location],
                                displayName: display,
                                organisationName: name
                            )
                        )
                    )
                }
                // The local steering group: the first rung of the escalation ladder above the LSO.
                let steeringName = "Stuurgroep LVV \(cityName)"
                let steering = try await directory.createOrganisation(
                    name: steeringName,
                    party: .escalationBody,
                    locations: [location],
                    escalationLevel: "steeringGroup",
                    on: db
                )
                let steeringEmail = "steering.\(city.slug)@demo.koers.nl"
                let steeringUser = try await insertUser(
                    email: steeringEmail,
                    name: "Stuurgroep \(cityName) (demo)",
                    org: steering,
                    hash: hash,
                    on: db
                )
                accounts.append(
                    Account(
                        email: steeringEmail,
                        party: .escalationBody,
                        location: city.name,
                        actor: Actor(
                            userId: steeringUser,
                            organisationId: steering,
                            party: .escalationBody,
                            locationIds: [location],
                            displayName: "Stuurgroep \(cityName) (demo)",
                            organisationName: steeringName,
                            escalationLevel: "steeringGroup"
                        )
                    )
                )
            }
            let national: [(Party, String, String, String)] = [
                (.monitor, "Landelijk programma LVV (monitor)", "monitor@demo.koers.nl", "Monitor (demo)"),
                (.admin, "Functioneel beheer Koers", "admin@demo.koers.nl", "Beheerder (demo)"),
                (.committee, "Commissie schrijnende gevallen", "committee@demo.koers.nl", "Commissie (demo)"),
                (
                    .escalationBody, "Landelijk escalatieoverleg", "national@demo.koers.nl",
                    "Landelijk escalatieoverleg (demo)"
                ),
            ]
            for (party, orgName, email, display) in national {
                // The committee and the national escalation meeting serve every location.
                let everywhere = party == .committee || party == .escalationBody
                let level = party == .escalationBody ? "national" : nil
                let org = try await directory.createOrganisation(
                    name: orgName,
                    party: party,
                    locations: everywhere ? allLocations : [],
                    escalationLevel: level,
                    on: db
                )
                let user = try await insertUser(email: email, name: display, org: org, hash: hash, on: db)
                accounts.append(
                    Account(
                        email: email,
                        party: party,
                        location: nil,
                        actor: Actor(
                            userId: user,
                            organisationId: org,
                            party: party,
                            locationIds: everywhere ? Set(allLocations) : [],
                            displayName: display,
                            organisationName: orgName,
                            escalationLevel: level
                        )
                    )
                )
            }
            return accounts
        }
        try await createRegions(directory)
        return accounts
    }

    /// A region around each demo city, with a few of its municipalities, made as an administrator
    /// makes them: imported through the administration store, each location given its region.
    static let municipalities = """
        cbsCode,name,region
        GM0363,Amsterdam,Amsterdam-Amstelland
        GM0362,Amstelveen,Amsterdam-Amstelland
        GM0479,Zaanstad,Amsterdam-Amstelland
        GM0599,Rotterdam,Rijnmond
        GM0606,Schiedam,Rijnmond
        GM0622,Vlaardingen,Rijnmond
        GM0344,Utrecht,Midden-Utrecht
        GM0356,Nieuwegein,Midden-Utrecht
        GM0355,Zeist,Midden-Utrecht
        GM0772,Eindhoven,Zuidoost-Brabant
        GM0861,Veldhoven,Zuidoost-Brabant
        GM0753,Best,Zuidoost-Brabant
        GM0014,Groningen,Groningen
        GM1969,Westerkwartier,Groningen
        GM1966,Het Hogeland,Groningen
        """

    static func createRegions(_ directory: DirectoryStore) async throws {
        let administration = AdministrationStore(database: directory.database, directory: directory)
        let author = ChangeAuthor(userId: nil, name: "koers demo")
        _ = try await administration.importMunicipalities(try MunicipalityList.parse(municipalities), by: author)
        let regions = try await administration.regions()
        let served = [
            "LVV Amsterdam": "Amsterdam-Amstelland", "LVV Rotterdam": "Rijnmond", "LVV Utrecht": "Midden-Utrecht",
            "LVV Eindhoven": "Zuidoost-Brabant", "LVV Groningen": "Groningen",
        ]
        for location in try await directory.locations() {
            guard let region = regions.first(where: { $0.name == served[location.name] }) else { continue }
            try await administration.setRegion(region.id, of: location.id, by: author)
        }
    }

    private static func insertUser(
        email: String,
        name: String,
        org: UUID,
        hash: String,
        on db: any Database
    ) async throws -> UUID {
        // Demo accounts sign in with the README's password alone, whatever their party's rule.
        let user = UserModel(email: email, displayName: name, organisationId: org, passwordHash: hash, totpExempt: true)
        try await user.create(on: db)
        return user.id!
    }
}
