import Foundation
import Testing

@testable import KoersLinkage

@Suite("The deduplication input file")
struct LinkageFileTests {
    @Test func quotedFieldsAByteOrderMarkAndEmptyLines() throws {
        let text =
            "\u{FEFF}id,given_name,surname,birth_date,gender,nationality,v_number,city\r\n"
            + "1,Amal,\"Haddad, el\",1991-03-05,female,SYR,1234567890,\"Den\nHaag\"\r\n\r\n"
            + "2,\"Yo\"\"nas\",Tesfay,1988,male,ERI,,\n"
        let file = try LinkageFile(data: Array(text.utf8))
        #expect(file.ids == ["1", "2"])
        #expect(file.extraColumns == ["city"])
        #expect(file.identities[0].surname == "Haddad, el" && file.identities[0].extras == ["Den\nHaag"])
        #expect(file.identities[0].birthDay == 5 && file.identities[1].birthMonth == nil)
        #expect(file.identities[1].givenName == "Yo\"nas" && file.identities[1].vNumber == nil)
    }

    @Test func aMissingColumnOrARaggedRowIsNamed() {
        #expect(throws: LinkageFile.Failure.self) { try LinkageFile(data: Array("id,surname\n1,A\n".utf8)) }
        let ragged = "id,given_name,surname,birth_date,gender,nationality,v_number\n1,A,B\n"
        do {
            _ = try LinkageFile(data: Array(ragged.utf8))
            Issue.record("a ragged row was read")
        } catch {
            #expect(error.description == "line 2 has 3 fields, the header 7")
        }
        #expect(throws: LinkageFile.Failure.self) { try LinkageFile(data: []) }
    }
}
