import ArgumentParser
import Foundation
import KoersStore
import KoersWeb

/// The first step of a real installation: the first administrator, who then sets up the network
/// in the application.
struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract:
            "On a database without an administrator: create the first one and print a one-time link with which "
            + "they choose a password."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The administrator's e-mail address, used to sign in.") var email: String
    @Option(help: "The administrator's name.") var name: String
    @Option(help: "The address users reach Koers at, for the link.") var url = "http://127.0.0.1:8080"

    func run() async throws {
        guard email.contains("@"), !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("Give an e-mail address (--email) and a name (--name).")
        }
        try await withServices(database) { services in
            do {
                let token = try await services.administration.setUp(email: email, displayName: name)
                let base = url.hasSuffix("/") ? String(url.dropLast()) : url
                print("Administrator \(email.lowercased()) created. Open this link once, within 7 days, to choose a")
                print("password, then sign in and set up regions, locations, organisations and accounts:")
                print("\(base)/invitations/\(token)")
            } catch StoreError.conflict(let message) {
                throw ValidationError(message)
            }
        }
    }
}
