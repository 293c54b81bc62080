import ArgumentParser
import Foundation
import KoersWeb

/// `koers routes`: the web application's routes as JSON lines, so the browser crawl can check it reached every page.
struct RoutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Print the web application's routes (method, pattern, answer) as JSON lines."
    )

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for route in WebRoutes.all {
            let line = ["method": route.method, "pattern": route.pattern, "answer": route.answer]
            print(String(decoding: try encoder.encode(line), as: UTF8.self))
        }
    }
}
