#!/usr/bin/env python3
"""Writes the three sample registrations of Tests/Fixtures/import, in three cities' styles, with
their mappings. Seeded, so the files are the same on every run; the standard library only.

  amsterdam.csv   semicolons, dd-mm-yyyy, UTF-8 with a byte-order mark, Dutch codes
  rotterdam.xlsx  an Excel workbook, dates as Excel serial numbers, Rotterdam's own wording
  utrecht.csv     commas, yyyy-mm-dd, Windows-1252, English codes

Amsterdam's row 17 is planted wrong (an outflow dated before the admission), for the dry run
to flag and a person to fix. Two more are planted for the identity check at import: one Amsterdam
person registered twice under two client numbers (once without V-nummer), and one Utrecht person
who is also in Amsterdam's file, with the same V-nummer. Everyone in them is made up.

It also writes the agencies' lists for Amsterdam in Tests/Fixtures/reconcile:

  ind-amsterdam.csv  the IND's repeat-asylum decisions for Amsterdam's HASA applications, with five
                     planted discrepancies: a later decision date, another outcome, a decision Koers
                     lacks (three that differ), an application Koers lacks (not in Koers), and one of
                     Koers's applications left out (not in the list); plus three V-nummers Amsterdam
                     does not know
  dtv-amsterdam.csv  DT&V's departures, with two planted: a date a week later, and a departure
                     Amsterdam recorded as "left to unknown destination".
"""
import csv
import datetime
import io
import json
import os
import random
import zipfile

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "import")

GIVEN = ["Amal", "Yonas", "Fatima", "Ahmad", "Senait", "Mohammed", "Aisha", "Tesfay", "Nour", "Samir", "Leyla",
         "Omar", "Hawa", "Ibrahim", "Mariam", "Yusuf", "Zainab", "Kofi", "Amina", "Bilal", "Selam", "Hamid"]
SURNAMES = ["Haddad", "Tesfay", "Ahmadi", "Mohammed", "Osman", "Abdi", "Yilmaz", "Hussein", "Bakr", "Kebede",
            "Diallo", "Mensah", "Rahimi", "Nasser", "Karimi", "Said", "Ali", "Idris", "Gebre", "Haile", "Sow"]
# The names the people are given: drawn from their own seed (so every other value stays as it was),
# from lists long enough that two made-up people rarely share a name and a birth year by chance.
GIVEN_NAMES = GIVEN + ["Abel", "Adnan", "Afewerki", "Ahmed", "Alaa", "Amanuel", "Ayan", "Baraka", "Dawit", "Eden",
                       "Elham", "Fadi", "Farida", "Fiyori", "Ghada", "Habib", "Hanna", "Hassan", "Idil", "Jamal",
                       "Karim", "Khadija", "Lamin", "Lina", "Mahmoud", "Malik", "Merhawi", "Mustafa", "Nadia", "Nasrin",
                       "Omid", "Rahel", "Rania", "Reza", "Ruth", "Saba", "Salim", "Sara", "Semhar", "Shirin",
                       "Sulaiman", "Tariq", "Tigist", "Walid", "Yared", "Yasmin", "Zahra", "Ziad"]
SURNAME_LIST = SURNAMES + ["Abraha", "Adam", "Alemu", "Amiri", "Asfaw", "Awad", "Bah", "Barry", "Berhe", "Camara",
                           "Darwish", "Desta", "El Amrani", "Farah", "Ghebre", "Habte", "Hakimi", "Hassan", "Jalloh",
                           "Kamara", "Kidane", "Mahmoud", "Mansour", "Mebrahtu", "Mousa", "Nazari", "Noori", "Okafor",
                           "Popal", "Qasemi", "Rezaei", "Saleh", "Sesay", "Sharif", "Tekle", "Touré", "Wolde",
                           "Yousef", "Zerai", "Ziani"]
COUNTRIES = ["ERI", "SYR", "AFG", "MAR", "DZA", "IRQ", "SOM", "NGA", "GIN", "SDN", "ETH", "IRN", "GMB"]


def people(seed, count, start_id):
    """Rows of trajectories: about one in a hundred persons comes back for a second trajectory."""
    rnd = random.Random(seed)
    names = random.Random(seed + 1)
    rows = []
    person = start_id
    while len(rows) < count:
        person += 1
        referred = datetime.date(2019, 1, 1) + datetime.timedelta(days=rnd.randint(0, 1700))
        trajectories = 2 if rnd.random() < 0.012 else 1
        identity = {
            "person": f"{person}", "given": rnd.choice(GIVEN), "surname": rnd.choice(SURNAMES),
            "birth": rnd.randint(1960, 2004), "country": rnd.choice(COUNTRIES), "gender": rnd.choice("MMMV"),
            "v": f"{rnd.randint(1, 9)}{rnd.randint(0, 999999999):09d}" if rnd.random() < 0.7 else "",
        }
        identity["given"], identity["surname"] = names.choice(GIVEN_NAMES), names.choice(SURNAME_LIST)
        for t in range(trajectories):
            row = dict(identity, trajectory=f"{person}-{t + 1}", referred=referred)
            decided = referred + datetime.timedelta(days=rnd.randint(5, 40))
            roll = rnd.random()
            row["admission"] = "reject" if roll < 0.12 else ("pending" if roll < 0.15 else "admit")
            row["reason"] = rnd.choice(["noRegionalTies", "lawfulStay", "notWilling", "asylumPending",
                                        "stateReception"])
            row["decided"] = decided if row["admission"] != "pending" else None
            row["perspective"] = None
            row["outflow"] = None
            if row["admission"] == "admit":
                if rnd.random() < 0.8:
                    row["perspective"] = (rnd.choice(["return", "legalisation", "onwardMigration"]),
                                          decided + datetime.timedelta(days=rnd.randint(10, 120)))
                left = decided + datetime.timedelta(days=rnd.randint(60, 900))
                if left < datetime.date(2025, 6, 1) and rnd.random() < 0.7:
                    row["outflow"] = (left, rnd.choice(["independentDeparture", "permitGranted", "leftUnknown",
                                                        "onwardMigration", "deadlineReached"]))
            rows.append(row)
            referred = (row["outflow"][0] if row["outflow"] else decided or referred) + datetime.timedelta(
                days=rnd.randint(30, 300))
            if referred > datetime.date(2025, 11, 1):
                break
    return rows[:count]


AMSTERDAM_CODES = {
    "gender": {"M": "male", "V": "female"},
    "admission": {"Toegelaten": "admit", "Afgewezen": "reject"},
    "rejectionReason": {"Geen regiobinding": "noRegionalTies", "Rechtmatig verblijf": "lawfulStay",
                        "Niet bereid mee te werken": "notWilling", "Asielprocedure loopt": "asylumPending",
                        "Rijksopvang": "stateReception"},
    "perspective": {"Terugkeer": "return", "Legalisering": "legalisation", "Doormigratie": "onwardMigration"},
    "outflowReason": {"Zelfstandig vertrokken": "independentDeparture", "Verblijfsvergunning": "permitGranted",
                      "vertrokken met onbekende bestemming": "leftUnknown", "Doorgemigreerd": "onwardMigration",
                      "Termijn verstreken": "deadlineReached"},
    "procedure": {"HASA": "hasa"},
    "procedureOutcome": {"Afgewezen": "rejected", "Ingewilligd": "granted", "Ingetrokken": "withdrawn"},
}


def dutch(day):
    return day.strftime("%d-%m-%Y") if day else ""


IDENTITY = ("given", "surname", "birth", "country", "gender")


def single(rows, start):
    """The first row from `start` whose person has no other trajectory in the file."""
    return next(i for i in range(start, len(rows)) if sum(r["person"] == rows[i]["person"] for r in rows) == 1)


def amsterdam():
    rows = people(2019, 800, 10000)
    # Planted: the same person registered twice under two client numbers, once without V-nummer.
    original, twice = single(rows, 10), single(rows, 40)
    rows[twice].update({field: rows[original][field] for field in IDENTITY}, v="")
    inverse = {field: {v: k for k, v in codes.items()} for field, codes in AMSTERDAM_CODES.items()}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Clientnummer", "Trajectnummer", "Voornaam", "Achternaam", "Geboortejaar", "Nationaliteit",
                     "Geslacht", "V-nummer", "Aanmelddatum", "Toelating", "Datum toelating", "Reden afwijzing",
                     "Perspectief",
                     "Datum perspectief", "Procedure", "Datum indiening", "Besluit", "Datum besluit",
                     "Uitstroomdatum", "Reden uitstroom", "Opmerking"])
    # Procedures from their own seed, so the rest of the file is as it was before they were added.
    procedures = random.Random(17)
    for index, r in enumerate(rows):
        admission = {"admit": "Toegelaten", "reject": "Afgewezen", "pending": ""}[r["admission"]]
        perspective = r["perspective"]
        outflow = r["outflow"]
        if index == 15:
            # Row 17 of the file: the outflow typed a year too early, before the admission.
            outflow = (r["decided"].replace(year=r["decided"].year - 1), "independentDeparture")
            admission = "Toegelaten"
            r["admission"] = "admit"
        r["hasa"] = None
        if index != 15 and r["admission"] == "admit" and procedures.random() < 0.25:
            submitted = r["decided"] + datetime.timedelta(days=procedures.randint(20, 200))
            decided = submitted + datetime.timedelta(days=procedures.randint(30, 300))
            outcome = procedures.choice(["afgewezen", "afgewezen", "afgewezen", "ingewilligd", "ingetrokken"])
            end = outflow[0] if outflow else datetime.date(2025, 11, 1)
            if submitted < end:
                r["hasa"] = (submitted, decided, outcome) if decided < end and procedures.random() < 0.8 else (
                    submitted, None, None)
        hasa = r["hasa"]
        writer.writerow([
            r["person"], r["trajectory"], r["given"], r["surname"], r["birth"], r["country"], r["gender"], r["v"],
            dutch(r["referred"]), admission, dutch(r["decided"]),
            inverse["rejectionReason"][r["reason"]] if r["admission"] == "reject" else "",
            inverse["perspective"][perspective[0]] if perspective else "", dutch(perspective[1]) if perspective else "",
            "HASA" if hasa else "", dutch(hasa[0]) if hasa else "", hasa[2].capitalize() if hasa and hasa[2] else "",
            dutch(hasa[1]) if hasa else "",
            dutch(outflow[0]) if outflow else "", inverse["outflowReason"][outflow[1]] if outflow else "",
            "spreekt Tigrinya;\nbegeleid door vrijwilliger" if index % 97 == 5 else "",
        ])
    with open(os.path.join(OUT, "amsterdam.csv"), "w", encoding="utf-8-sig", newline="") as f:
        f.write(out.getvalue())
    mapping = {
        "dateFormat": "dd-MM-yyyy",
        "columns": {
            "sourcePersonId": "Clientnummer", "sourceTrajectoryId": "Trajectnummer", "givenNames": "Voornaam",
            "surname": "Achternaam", "birthDate": "Geboortejaar", "nationality": "Nationaliteit",
            "gender": "Geslacht", "vNumber": "V-nummer", "referredOn": "Aanmelddatum", "admission": "Toelating",
            "admissionDate": "Datum toelating", "rejectionReason": "Reden afwijzing", "perspective": "Perspectief",
            "perspectiveDate": "Datum perspectief", "procedure": "Procedure", "procedureSubmitted": "Datum indiening",
            "procedureOutcome": "Besluit", "procedureDecided": "Datum besluit",
            "outflowDate": "Uitstroomdatum", "outflowReason": "Reden uitstroom",
        },
        "codes": AMSTERDAM_CODES,
    }
    write_json("amsterdam.json", mapping)
    agency_lists(rows)


def agency_lists(rows):
    """The IND's and DT&V's lists for Amsterdam's rows, with their planted discrepancies."""
    folder = os.path.join(OUT, "..", "reconcile")
    os.makedirs(folder, exist_ok=True)
    applications = sorted((r for r in rows if r["v"] and r.get("hasa")), key=lambda r: r["hasa"][0])
    decided = [r for r in applications if r["hasa"][1]]
    pending = [r for r in applications if not r["hasa"][1] and r["hasa"][0] < datetime.date(2025, 1, 1)]
    lines = []
    left_out = decided[len(decided) // 2]
    for r in applications:
        submitted, day, outcome = r["hasa"]
        if r is left_out:
            continue
        if r is decided[3]:
            day = day + datetime.timedelta(days=14)
        if r is decided[6]:
            outcome = "ingewilligd" if outcome != "ingewilligd" else "afgewezen"
        if r is pending[1]:
            day, outcome = submitted + datetime.timedelta(days=90), "afgewezen"
        lines.append([r["v"], submitted.isoformat(), day.isoformat() if day else "", outcome or ""])
    lacking = next(r for r in rows if r["v"] and r["admission"] == "admit" and not r.get("hasa")
                   and not r["outflow"] and r["decided"] > datetime.date(2020, 1, 1))
    submitted = lacking["decided"] + datetime.timedelta(days=60)
    lines.append([lacking["v"], submitted.isoformat(), (submitted + datetime.timedelta(days=120)).isoformat(),
                  "afgewezen"])
    for n in range(3):
        lines.append([f"999000000{n + 1}", f"2022-03-0{n + 1}", "", ""])
    with open(os.path.join(folder, "ind-amsterdam.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(["V-nummer", "Ingediend", "Besluitdatum", "Uitkomst"])
        writer.writerows(lines)
    departures = [r for r in rows if r["v"] and r["outflow"] and r["outflow"][1] in
                  ("independentDeparture", "onwardMigration")]
    unknown = [r for r in rows if r["v"] and r["outflow"] and r["outflow"][1] == "leftUnknown"]
    kinds = {"independentDeparture": "zelfstandig", "onwardMigration": "doormigratie"}
    lines = []
    for i, r in enumerate(departures):
        day = r["outflow"][0] + datetime.timedelta(days=7 if i == 2 else 0)
        lines.append([r["v"], day.isoformat(), kinds[r["outflow"][1]]])
    lines.append([unknown[0]["v"], unknown[0]["outflow"][0].isoformat(), "zelfstandig"])
    with open(os.path.join(folder, "dtv-amsterdam.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(["V-nummer", "Vertrekdatum", "Soort"])
        writer.writerows(lines)


def serial(day):
    return (day - datetime.date(1899, 12, 30)).days if day else None


def rotterdam():
    rows = people(2020, 600, 50000)
    codes = {
        "gender": {"man": "male", "vrouw": "female"},
        "admission": {"ja": "admit", "nee": "reject"},
        "outflowReason": {"Terugkeer (zelfstandig)": "independentDeparture", "Vergunning verleend": "permitGranted",
                          "Met onbekende bestemming vertrokken": "leftUnknown", "Doormigratie": "onwardMigration",
                          "Einde termijn": "deadlineReached"},
        "perspective": {"Terugkeer": "return", "Legalisatie": "legalisation", "Doormigratie": "onwardMigration"},
    }
    inverse = {field: {v: k for k, v in c.items()} for field, c in codes.items()}
    header = ["Dossier", "Traject", "Naam", "Voornamen", "Geb. jaar", "Land", "M/V", "Vnr", "Instroom",
              "Toegelaten", "Besluitdatum", "Perspectief", "Per", "Uitstroom", "Reden"]
    table = [header]
    for r in rows:
        perspective, outflow = r["perspective"], r["outflow"]
        table.append([
            r["person"], r["trajectory"], r["surname"], r["given"], r["birth"], r["country"],
            {"M": "man", "V": "vrouw"}[r["gender"]], r["v"], serial(r["referred"]),
            {"admit": "ja", "reject": "nee", "pending": ""}[r["admission"]], serial(r["decided"]),
            inverse["perspective"][perspective[0]] if perspective else "",
            serial(perspective[1]) if perspective else None,
            serial(outflow[0]) if outflow else None, inverse["outflowReason"][outflow[1]] if outflow else "",
        ])
    write_xlsx(os.path.join(OUT, "rotterdam.xlsx"), table)
    mapping = {
        "dateFormat": "dd-MM-yyyy",
        "columns": {
            "sourcePersonId": "Dossier", "sourceTrajectoryId": "Traject", "givenNames": "Voornamen",
            "surname": "Naam", "birthDate": "Geb. jaar", "nationality": "Land", "gender": "M/V", "vNumber": "Vnr",
            "referredOn": "Instroom", "admission": "Toegelaten", "admissionDate": "Besluitdatum",
            "perspective": "Perspectief", "perspectiveDate": "Per", "outflowDate": "Uitstroom",
            "outflowReason": "Reden",
        },
        "codes": codes,
    }
    write_json("rotterdam.json", mapping)


def utrecht():
    rows = people(2021, 600, 90000)
    # Planted: a person Amsterdam registered too, with the same V-nummer.
    amsterdam_rows = people(2019, 800, 10000)
    elsewhere = next(r for r in amsterdam_rows[12:]
                     if r["v"] and sum(a["person"] == r["person"] for a in amsterdam_rows) == 1)
    rows[single(rows, 20)].update({field: elsewhere[field] for field in IDENTITY + ("v",)})
    out = io.StringIO()
    writer = csv.writer(out, delimiter=",", lineterminator="\n")
    writer.writerow(["client_id", "case_id", "first_name", "last_name", "born", "nationality", "sex", "v_number",
                     "referred", "decision", "decision_date", "reject_reason", "perspective", "perspective_date",
                     "left",
                     "left_reason"])
    for r in rows:
        perspective, outflow = r["perspective"], r["outflow"]
        given = r["given"] if r["given"] != "Leyla" else "Léyla"
        writer.writerow([
            r["person"], r["trajectory"], given, r["surname"], r["birth"], r["country"],
            {"M": "male", "V": "female"}[r["gender"]], r["v"], r["referred"].isoformat(),
            {"admit": "admit", "reject": "reject", "pending": ""}[r["admission"]],
            r["decided"].isoformat() if r["decided"] else "",
            r["reason"] if r["admission"] == "reject" else "",
            perspective[0] if perspective else "", perspective[1].isoformat() if perspective else "",
            outflow[0].isoformat() if outflow else "", outflow[1] if outflow else "",
        ])
    with open(os.path.join(OUT, "utrecht.csv"), "w", encoding="cp1252", newline="") as f:
        f.write(out.getvalue())
    mapping = {
        "dateFormat": "yyyy-MM-dd",
        "columns": {
            "sourcePersonId": "client_id", "sourceTrajectoryId": "case_id", "givenNames": "first_name",
            "surname": "last_name", "birthDate": "born", "nationality": "nationality", "gender": "sex",
            "vNumber": "v_number", "referredOn": "referred", "admission": "decision",
            "admissionDate": "decision_date", "rejectionReason": "reject_reason", "perspective": "perspective",
            "perspectiveDate": "perspective_date",
            "outflowDate": "left", "outflowReason": "left_reason",
        },
        "codes": {},
    }
    write_json("utrecht.json", mapping)


def write_json(name, value):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=2)
        f.write("\n")


def write_xlsx(path, table):
    """A minimal workbook: text as shared strings, numbers as numbers, as Excel saves them."""
    strings, index = [], {}

    def ref(col, row):
        letters = ""
        col += 1
        while col:
            col, rem = divmod(col - 1, 26)
            letters = chr(65 + rem) + letters
        return f"{letters}{row}"

    def esc(text):
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    rows_xml = []
    for r, values in enumerate(table, start=1):
        cells = []
        for c, value in enumerate(values):
            if value is None or value == "":
                continue
            if isinstance(value, int):
                cells.append(f'<c r="{ref(c, r)}"><v>{value}</v></c>')
            else:
                text = str(value)
                if text not in index:
                    index[text] = len(strings)
                    strings.append(text)
                cells.append(f'<c r="{ref(c, r)}" t="s"><v>{index[text]}</v></c>')
        rows_xml.append(f'<row r="{r}">{"".join(cells)}</row>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>{"".join(rows_xml)}'
             '</sheetData></worksheet>')
    shared = (f'<?xml version="1.0" encoding="UTF-8"?><sst {ns} count="{len(strings)}" uniqueCount="{len(strings)}">'
              + "".join(f"<si><t>{esc(s)}</t></si>" for s in strings) + "</sst>")
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets><sheet name="Registratie" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
                 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 'officeDocument" Target="xl/workbook.xml"/></Relationships>')
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types '
             'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
             '<Override PartName="/xl/sharedStrings.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in [("[Content_Types].xml", types), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook),
                           ("xl/_rels/workbook.xml.rels", rels), ("xl/worksheets/sheet1.xml", sheet),
                           ("xl/sharedStrings.xml", shared)]:
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    amsterdam()
    rotterdam()
    utrecht()
