import Foundation

/// The places the main menu offers a user: what the policy lets their party reach.
public enum MenuEntry: String, Sendable, CaseIterable {
    case cases, newReferral, progress, meetings, inbox, transfers, duplicates, imports, reconciliations, monitor
    case administration
    /// The privacy officer's requests: access and restriction.
    case privacy
}

extension AccessPolicy {
    /// The main menu of a user, in the order it is shown; empty when nobody is signed in.
    public static func menu(for actor: Actor?) -> [MenuEntry] {
        guard let actor else { return [] }
        if mayOpenCases(actor) {
            var entries: [MenuEntry] = [.cases]
            if actor.party == .ngo || actor.party == .municipality { entries.append(.newReferral) }
            entries += [.progress, .meetings, .inbox, .transfers]
            if actor.party == .municipality { entries.append(.duplicates) }
            if actor.party == .ngo || actor.party == .municipality { entries.append(.imports) }
            if actor.party == .municipality { entries.append(.reconciliations) }
            return entries
        }
        if mayViewMonitor(actor) { return [.monitor] }
        if mayAdminister(actor) { return [.administration] }
        if mayAnswerRequests(actor) { return [.privacy] }
        if actor.party == .committee || actor.party == .escalationBody { return [.inbox] }
        return []
    }
}
