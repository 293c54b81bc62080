import ArgumentParser
import KoersCore
import KoersStore
import KoersWeb

/// What the commands that act for a user at a location look up first: the account, and the
/// location by its name or slug, each refused with what is known.
enum CommandLookup {
    static func actor(_ email: String, in services: KoersServices) async throws -> Actor {
        guard let actor = try await services.directory.actor(email: email) else {
            throw ValidationError("No enabled account ‘\(email)’.")
        }
        return actor
    }

    static func location(_ name: String, in services: KoersServices) async throws -> Location {
        let locations = try await services.directory.locations()
        guard let place = locations.first(where: { $0.name == name || $0.slug == name }) else {
            throw ValidationError("No location ‘\(name)’; known: \(locations.map(\.name).joined(separator: ", ")).")
        }
        return place
    }
}
