/// The mapping of Amsterdam's sample file, offered on the import page as an example to copy:
/// the same as `Tests/Fixtures/import/amsterdam.json`, which a test keeps it equal to.
enum ImportMappingSample {
    static let json = """
        {
          "dateFormat": "dd-MM-yyyy",
          "columns": {
            "sourcePersonId": "Clientnummer",
            "sourceTrajectoryId": "Trajectnummer",
            "givenNames": "Voornaam",
            "surname": "Achternaam",
            "birthDate": "Geboortejaar",
            "nationality": "Nationaliteit",
            "gender": "Geslacht",
            "vNumber": "V-nummer",
            "referredOn": "Aanmelddatum",
            "admission": "Toelating",
            "admissionDate": "Datum toelating",
            "rejectionReason": "Reden afwijzing",
            "perspective": "Perspectief",
            "perspectiveDate": "Datum perspectief",
            "procedure": "Procedure",
            "procedureSubmitted": "Datum indiening",
            "procedureOutcome": "Besluit",
            "procedureDecided": "Datum besluit",
            "outflowDate": "Uitstroomdatum",
            "outflowReason": "Reden uitstroom"
          },
          "codes": {
            "gender": {
              "M": "male",
              "V": "female"
            },
            "admission": {
              "Toegelaten": "admit",
              "Afgewezen": "reject"
            },
            "rejectionReason": {
              "Geen regiobinding": "noRegionalTies",
              "Rechtmatig verblijf": "lawfulStay",
              "Niet bereid mee te werken": "notWilling",
              "Asielprocedure loopt": "asylumPending",
              "Rijksopvang": "stateReception"
            },
            "perspective": {
              "Terugkeer": "return",
              "Legalisering": "legalisation",
              "Doormigratie": "onwardMigration"
            },
            "outflowReason": {
              "Zelfstandig vertrokken": "independentDeparture",
              "Verblijfsvergunning": "permitGranted",
              "vertrokken met onbekende bestemming": "leftUnknown",
              "Doorgemigreerd": "onwardMigration",
              "Termijn verstreken": "deadlineReached"
            },
            "procedure": {
              "HASA": "hasa"
            },
            "procedureOutcome": {
              "Afgewezen": "rejected",
              "Ingewilligd": "granted",
              "Ingetrokken": "withdrawn"
            }
          }
        }
        """
}
