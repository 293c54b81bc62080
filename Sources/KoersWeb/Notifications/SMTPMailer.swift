import Foundation
import NIOCore
import NIOPosix

/// One plain-text mail.
struct MailMessage: Sendable, Equatable {
    let to: [String]
    let subject: String
    let body: String
}

/// Sends mail through a relay by SMTP (RFC 5321): EHLO, MAIL FROM, RCPT TO, DATA, QUIT, in plain
/// text on the hosting party's network. A relay that needs TLS or a login is reached through a local
/// MTA (postfix, for example) that does.
public struct SMTPMailer: Sendable {
    /// Where the relay is, and the sender.
    public struct Settings: Sendable {
        public let host: String
        public let port: Int
        public let from: String

        public init(host: String, port: Int, from: String) {
            self.host = host
            self.port = port
            self.from = from
        }
    }

    enum SMTPError: Error, CustomStringConvertible {
        case unexpected(expected: [Int], got: String)
        case closed

        var description: String {
            switch self {
            case .unexpected(let expected, let got): "SMTP: expected \(expected), got \(got)"
            case .closed: "SMTP: the relay closed the connection"
            }
        }
    }

    let settings: Settings

    func send(_ message: MailMessage) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = ReplyReader(iterator: inbound.makeAsyncIterator())
            func say(_ line: String, expect codes: [Int]) async throws {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                try await replies.expect(codes)
            }
            try await replies.expect([220])
            try await say("EHLO koers", expect: [250])
            try await say("MAIL FROM:<\(settings.from)>", expect: [250])
            for recipient in message.to {
                try await say("RCPT TO:<\(recipient)>", expect: [250, 251])
            }
            try await say("DATA", expect: [354])
            try await say(Self.data(message, from: settings.from) + "\r\n.", expect: [250])
            try await say("QUIT", expect: [221])
        }
    }

    /// The message's header and body, lines ending in CRLF, a leading dot doubled (RFC 5321, 4.5.2).
    static func data(_ message: MailMessage, from: String, date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let header = [
            "From: Koers <\(from)>",
            "To: " + message.to.map { "<\($0)>" }.joined(separator: ", "),
            "Subject: " + encodedWord(message.subject),
            "Date: " + formatter.string(from: date),
            "Message-ID: <\(UUID().uuidString.lowercased())@koers>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        let body = message.body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(".") ? "." + line : String(line)
        }
        return (header + [""] + body).joined(separator: "\r\n")
    }

    /// A header value outside ASCII as an RFC 2047 encoded word.
    static func encodedWord(_ text: String) -> String {
        guard !text.allSatisfy(\.isASCII) else { return text }
        return "=?UTF-8?B?" + Data(text.utf8).base64EncodedString() + "?="
    }

    /// Reads replies, which may span several lines (`250-…` until `250 …`).
    struct ReplyReader {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        var pending = ""

        mutating func expect(_ codes: [Int]) async throws {
            while true {
                while let end = pending.range(of: "\r\n") {
                    let line = String(pending[..<end.lowerBound])
                    pending.removeSubrange(..<end.upperBound)
                    let characters = Array(line)
                    guard characters.count >= 3, let code = Int(String(characters[0..<3])) else {
                        throw SMTPError.unexpected(expected: codes, got: line)
                    }
                    if characters.count > 3 && characters[3] == "-" { continue }
                    guard codes.contains(code) else { throw SMTPError.unexpected(expected: codes, got: line) }
                    return
                }
                guard let buffer = try await iterator.next() else { throw SMTPError.closed }
                pending += String(buffer: buffer)
            }
        }
    }
}
