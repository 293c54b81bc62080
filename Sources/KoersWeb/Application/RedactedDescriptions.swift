import Foundation
import ServiceLifecycle

// swift-service-lifecycle names each service by `"\(service)"` and logs that name at debug level. Without a
// description of their own, the application, its housekeeping and the services they hold would be printed field by
// field: the secrets, the database URL's password and the linkage keys' hash tables (megabytes, for every start).

extension KoersConfiguration: CustomStringConvertible, CustomDebugStringConvertible {
    /// Where Koers listens and which kind of database it uses; never a secret, password or key path.
    public var description: String {
        let scheme = databaseURL.split(separator: ":", maxSplits: 1).first.map(String.init) ?? "unknown"
        return "KoersConfiguration(database: \(scheme), listening on \(host):\(port), secrets redacted)"
    }

    public var debugDescription: String { description }
}

extension KoersServices: CustomStringConvertible, CustomDebugStringConvertible {
    /// The configuration's redacted description.
    public var description: String { "KoersServices(\(configuration))" }

    public var debugDescription: String { description }
}

extension Housekeeping: CustomStringConvertible {
    /// The service's name in the service group's log.
    var description: String { "Housekeeping" }
}
