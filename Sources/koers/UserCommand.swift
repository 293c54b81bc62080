import ArgumentParser
import Foundation
import KoersCore
import KoersStore
import KoersWeb

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage accounts: add, list, disable.",
        subcommands: [Add.self, List.self, Disable.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Add an account to an existing organisation. Reads the password from KOERS_NEW_PASSWORD or standard "
                + "input."
        )

        @OptionGroup var database: DatabaseOptions
        @Option(help: "E-mail address, used to sign in.") var email: String
        @Option(help: "The name shown in the application and the timeline.") var name: String
        @Option(help: "The organisation's exact name (see `koers user list`).") var organisation: String

        func run() async throws {
            guard
                let password = ProcessInfo.processInfo.environment["KOERS_NEW_PASSWORD"]
                    ?? readLine(strippingNewline: true), password.count >= 10
            else {
                throw ValidationError(
                    "A password of at least 10 characters is needed (KOERS_NEW_PASSWORD or standard input)."
                )
            }
            try await withServices(database) { services in
                guard let org = try await services.directory.organisation(named: organisation) else {
                    throw ValidationError("No organisation named ‘\(organisation)’.")
                }
                try await services.directory.createUser(
                    email: email,
                    displayName: name,
                    organisationId: org,
                    password: password
                )
                print("Added \(email.lowercased()) to \(organisation).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every account with its organisation, party and state."
        )
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withServices(database) { services in
                for user in try await services.directory.users() {
                    print(
                        [
                            user.email, user.displayName, user.organisation, user.party.rawValue,
                            user.disabled ? "disabled" : "active",
                        ].joined(separator: "\t")
                    )
                }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable an account and end its sessions and API tokens."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "E-mail address of the account.") var email: String

        func run() async throws {
            try await withServices(database) { services in
                do {
                    try await services.directory.disableUser(email: email)
                    print("Disabled \(email.lowercased()).")
                } catch StoreError.notFound {
                    throw ValidationError("No account ‘\(email)’.")
                }
            }
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage API tokens.",
        subcommands: [Create.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API bearer token for a user and print it once."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "E-mail address of the user the token acts for.") var user: String
        @Option(help: "A name to recognise the token by.") var name = "api"
        @Option(help: "Days until the token expires (default: 90).") var days = 90

        func run() async throws {
            try await withServices(database) { services in
                do {
                    print(try await services.directory.createToken(email: user, name: name, validDays: days))
                } catch StoreError.notFound {
                    throw ValidationError("No active account ‘\(user)’.")
                }
            }
        }
    }
}
