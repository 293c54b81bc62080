import Foundation
import Testing

@testable import KoersWeb

@Suite("Mail")
struct MailTests {
    @Test("A message: headers, CRLF lines, a leading dot doubled, a non-ASCII subject encoded")
    func data() {
        let text = SMTPMailer.data(
            MailMessage(to: ["a@b.example", "c@d.example"], subject: "Actie — nu", body: "regel\n.punt\nlaatste"),
            from: "koers@lvv.example",
            date: Date(timeIntervalSince1970: 0)
        )
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.contains("From: Koers <koers@lvv.example>"))
        #expect(lines.contains("To: <a@b.example>, <c@d.example>"))
        #expect(lines.contains("Subject: =?UTF-8?B?" + Data("Actie — nu".utf8).base64EncodedString() + "?="))
        #expect(lines.suffix(3) == ["regel", "..punt", "laatste"])
        #expect(!text.contains("\n.punt"))
    }
}
