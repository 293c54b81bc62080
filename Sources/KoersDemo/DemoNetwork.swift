import Foundation
import KoersCore
import KoersStore

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
        let region: String
        let ngo: String
        let rule: RegionalTiesRule
        var deadlines: DeadlinePolicy = .noDeadlines
    }

    static let cities: [City] = [
        City(
            name: "LVV Amsterdam",
            slug: "amsterdam",
            region: "Amsterdam-Amstelland",
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
        City(
            name: "LVV Eindhoven",
            slug: "eindhoven",
            region: "Zuidoost-Brabant",
            ngo: "Vluchtelingen in de Knel (demo)",
            rule: .national
        ),
        City(
            name: "LVV Groningen",
            slug: "groningen",
            region: "Groningen",
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
            region: "Rijnmond",
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
            region: "Midden-Utrecht",
            ngo: "Stichting Noodopvang Dakloze Vreemdelingen Utrecht (demo)",
            rule: .national
        ),
    ]

    /// Creates the network in an empty database, as an administrator would through the
    /// administration store, and returns every account: the regions and their municipalities, a
    /// location per region with its rule and deadline policy, the organisations, and an account
    /// per organisation invited and given the demo password.
    public static func create(_ directory: DirectoryStore) async throws -> [Account] {
        let administration = AdministrationStore(database: directory.database, directory: directory)
        let author = ChangeAuthor(userId: nil, name: "koers demo")
        let hash = try await directory.hashPassword(password)
        _ = try await administration.importMunicipalities(try MunicipalityList.parse(municipalities), by: author)
        let regions = Dictionary(uniqueKeysWithValues: try await administration.regions().map { ($0.name, $0.id) })
        var accounts: [Account] = []
        var cityLocations: [(City, UUID)] = []
        for city in cities {
            let location = try await administration.createLocation(
                name: city.name,
                regionId: regions[city.region]!,
                rule: city.rule,
                by: author
            )
            try await directory.setDeadlinePolicy(city.deadlines, for: location)
            cityLocations.append((city, location))
        }
        let allLocations = cityLocations.map(\.1)
        /// An organisation with one account, invited and accepted as a user would.
        func organisation(
            _ name: String,
            _ party: Party,
            level: String? = nil,
            national: Bool = false,
            locations: [UUID],
            email: String,
            display: String,
            city: String?
        ) async throws {
            let org = try await administration.createOrganisation(
                name: name,
                party: party,
                escalationLevel: level,
                national: national,
                locationIds: locations,
                by: author
            )
            let invited = try await administration.invite(
                email: email,
                displayName: display,
                organisationId: org,
                by: author,
                exemptFromSecondFactor: true
            )
            _ = try await administration.acceptInvitation(token: invited.token, passwordHash: hash)
            let actor = Actor(
                userId: invited.userId,
                organisationId: org,
                party: party,
                locationIds: Set(national ? allLocations : locations),
                displayName: display,
                organisationName: name,
                escalationLevel: level
            )
            accounts.append(Account(email: email, party: party, location: city, actor: actor))
        }
        for (city, location) in cityLocations {
            let cityName = city.name.replacingOccurrences(of: "LVV ", with: "")
            let orgs: [(Party, String)] = [
                (.municipality, "Gemeente \(cityName)"), (.ngo, city.ngo),
                (.ind, "IND \(cityName)"), (.dtv, "DT&V \(cityName)"), (.avim, "AVIM \(cityName)"),
                (.privacy, "Gemeente \(cityName), privacyfunctionaris"),
            ]
            for (party, name) in orgs {
                try await organisation(
                    name,
                    party,
                    locations: [location],
                    email: "\(party.rawValue).\(city.slug)@demo.koers.nl",
                    display: "\(party.label.nl) \(cityName) (demo)",
                    city: city.name
                )
            }
            // The local steering group: the first rung of the escalation ladder above the LSO.
            try await organisation(
                "Stuurgroep LVV \(cityName)",
                .escalationBody,
                level: "steeringGroup",
                locations: [location],
                email: "steering.\(city.slug)@demo.koers.nl",
                display: "Stuurgroep \(cityName) (demo)",
                city: city.name
            )
        }
        // The committee and the national escalation meeting are national bodies: every location.
        let national: [(Party, String, String, String)] = [
            (.monitor, "Landelijk programma LVV (monitor)", "monitor@demo.koers.nl", "Monitor (demo)"),
            (.admin, "Functioneel beheer Koers", "admin@demo.koers.nl", "Beheerder (demo)"),
            (.committee, "Commissie schrijnende gevallen", "committee@demo.koers.nl", "Commissie (demo)"),
            (
                .escalationBody, "Landelijk escalatieoverleg", "national@demo.koers.nl",
                "Landelijk escalatieoverleg (demo)"
            ),
        ]
        for (party, name, email, display) in national {
            let everywhere = party == .committee || party == .escalationBody
            try await organisation(
                name,
                party,
                level: party == .escalationBody ? "national" : nil,
                national: everywhere,
                locations: [],
                email: email,
                display: display,
                city: nil
            )
        }
        return accounts
    }

    /// A region around each demo city, with a few of its municipalities.
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
}
