"""`koers reconcile` and `koers export registrations` on the command line: the IND's list beside
Amsterdam's imported history with exactly its five planted discrepancies, the unknown V-nummers
only counted, a party that may not reconcile refused; and the export read back by the import."""
import json
import os
import subprocess
import tempfile

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "Fixtures")


def run(binary, *args, env):
    return subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=300)


def test_reconcile_and_export(koers):
    folder = tempfile.mkdtemp(prefix="koers-reconcile-")
    env = dict(os.environ, KOERS_DATABASE_URL=f"sqlite://{folder}/r.sqlite", KOERS_BCRYPT_COST="4",
               KOERS_LOG_LEVEL="warning")
    binary = koers["binary"]
    assert run(binary, "demo", "--persons", "1", env=env).returncode == 0
    imported = run(binary, "import", "registrations", "--location", "LVV Amsterdam", "--as",
                   "municipality.amsterdam@demo.koers.nl", "--mapping",
                   os.path.join(FIXTURES, "import", "amsterdam.json"), "--commit",
                   os.path.join(FIXTURES, "import", "amsterdam.csv"), env=env)
    assert imported.returncode == 0, imported.stderr
    ind = os.path.join(FIXTURES, "reconcile", "ind-amsterdam.csv")
    base = ["reconcile", "--source", "ind", "--location", "LVV Amsterdam", "--as",
            "municipality.amsterdam@demo.koers.nl"]

    text = run(binary, *base, ind, env=env)
    assert text.returncode == 0, text.stderr
    assert "Verschilt: 3" in text.stdout and "Wel in de lijst, niet in Koers: 1" in text.stdout
    assert "Wel in Koers, niet in de lijst: 1" in text.stdout
    assert "V-nummers onbekend op de locatie (alleen geteld): 3" in text.stdout
    assert "9990000001" not in text.stdout
    report = json.loads(run(binary, *base, "--format", "json", ind, env=env).stdout)
    discrepancies = [line for line in report["lines"] if line["status"] != "agrees"]
    assert len(discrepancies) == 5 and report["unknownVNumbers"] == 3
    differing = sorted(tuple(sorted(d["field"] for d in line["differences"])) for line in discrepancies
                       if line["status"] == "differs")
    assert differing == [("decidedOn",), ("decidedOn", "outcome"), ("outcome",)]

    # Only the location's municipality; a list without the agency's columns is named.
    ngo = base[:6] + ["ngo.amsterdam@demo.koers.nl"]
    refused = run(binary, *ngo, ind, env=env)
    assert refused.returncode != 0 and "only its municipality" in refused.stderr
    wrong = os.path.join(folder, "wrong.csv")
    with open(wrong, "w") as f:
        f.write("vnr;datum\n1234567890;2024-01-01\n")
    missing = run(binary, *base, wrong, env=env).stderr
    assert "De lijst mist de kolom(men) V-nummer, Ingediend, Besluitdatum, Uitkomst" in missing
    saved = run(binary, *base, "--save", ind, env=env)
    assert "Bewaard voor afhandeling." in saved.stderr

    # The export reads back: the same 799 trajectories, with their HASA procedures.
    out = os.path.join(folder, "export")
    exported = run(binary, "export", "registrations", "--out", out, "--location", "LVV Amsterdam", env=env)
    assert exported.returncode == 0 and "lvv-amsterdam.csv: 799 trajectories" in exported.stdout, exported.stderr
    dry = run(binary, "import", "registrations", "--location", "LVV Amsterdam", "--as",
              "municipality.amsterdam@demo.koers.nl", "--mapping", os.path.join(out, "lvv-amsterdam.json"),
              "--format", "json", os.path.join(out, "lvv-amsterdam.csv"), env=env)
    plan = json.loads(dry.stdout)
    assert plan["errorRows"] == 0 and plan["trajectories"] == 799
