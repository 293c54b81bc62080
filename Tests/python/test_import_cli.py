"""`koers import registrations` as a municipality uses it: the dry run's report of Amsterdam's
file, the flagged row fixed, the commit, the same file again, a corrected file, and a party that
may not import. The three sample files come from scripts/make-import-fixtures.py."""
import json
import os
import shutil
import subprocess
import tempfile

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "import")


def run(binary, *args, env):
    return subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=300)


def test_dry_run_fix_commit_and_again(koers):
    folder = tempfile.mkdtemp(prefix="koers-import-")
    env = dict(os.environ, KOERS_DATABASE_URL=f"sqlite://{folder}/import.sqlite", KOERS_BCRYPT_COST="4",
               KOERS_LOG_LEVEL="warning")
    assert run(koers["binary"], "demo", "--persons", "1", env=env).returncode == 0
    source = os.path.join(folder, "amsterdam.csv")
    shutil.copy(os.path.join(FIXTURES, "amsterdam.csv"), source)
    base = ["import", "registrations", "--location", "LVV Amsterdam", "--as", "municipality.amsterdam@demo.koers.nl",
            "--mapping", os.path.join(FIXTURES, "amsterdam.json")]

    # The dry run names the one wrong row, with its column and what is wrong, and writes nothing.
    dry = run(koers["binary"], *base, source, env=env)
    assert dry.returncode == 0, dry.stderr
    assert "800 rijen: 799 goed, 0 met een waarschuwing, 1 met een fout." in dry.stdout
    assert "Rij 17 (10016-1): fout, outflowDate: De uitstroom (2022-02-10) ligt vóór de toelating (2023-02-10)." \
        in dry.stdout
    report = json.loads(run(koers["binary"], *base, "--format", "json", "--language", "en", source, env=env).stdout)
    assert report["errorRows"] == 1 and report["trajectories"] == 799
    first = report["findings"][0]
    assert first["field"] == "outflowDate" and "before the admission" in first["message"]

    # The municipality fixes the year in its file; the dry run is clean and the commit writes it all.
    with open(source, encoding="utf-8-sig", newline="") as f:
        lines = f.read().split("\r\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("10016;10016-1;"))
    wrong = lines[row]
    assert ";10-02-2022;Zelfstandig vertrokken;" in wrong

    def save(replacement):
        lines[row] = replacement
        with open(source, "w", encoding="utf-8-sig", newline="") as f:
            f.write("\r\n".join(lines))
    save(wrong.replace(";10-02-2022;", ";10-02-2024;"))
    assert "800 rijen: 800 goed" in run(koers["binary"], *base, source, env=env).stdout
    committed = run(koers["binary"], *base, "--commit", source, env=env)
    assert committed.returncode == 0, committed.stderr
    assert "Vastgelegd: 800 nieuwe trajecten (791 nieuwe personen), 0 correcties" in committed.stderr

    # The same file again changes nothing; a corrected reason is one correction.
    again = run(koers["binary"], *base, "--commit", source, env=env)
    assert "0 nieuwe trajecten (0 nieuwe personen), 0 correcties, 0 nieuwe feiten, 800 ongewijzigd" in again.stderr
    save(wrong.replace(";10-02-2022;Zelfstandig vertrokken", ";10-02-2024;vertrokken met onbekende bestemming"))
    corrected = run(koers["binary"], *base, "--commit", source, env=env)
    assert "0 nieuwe trajecten (0 nieuwe personen), 1 correcties, 0 nieuwe feiten, 799 ongewijzigd" \
        in corrected.stderr, corrected.stderr

    # Another location's party may not import here; a file that is no table is named.
    ngo = base[:5] + ["ngo.utrecht@demo.koers.nl"] + base[6:]
    refused = run(koers["binary"], *ngo, source, env=env)
    assert refused.returncode != 0 and "may not import at LVV Amsterdam" in refused.stderr
    empty = os.path.join(folder, "leeg.csv")
    open(empty, "w").close()
    assert "Het bestand is leeg." in run(koers["binary"], *base, empty, env=env).stderr
