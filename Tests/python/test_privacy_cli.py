"""Privacy from the command line, on the demo: the chains verify on a clean database and against signed
heads; a destruction list made with the period shortened, approved and applied leaves no name, birth
date or V-nummer of the erased in any table and every published monitor cell as it was; a row edited,
and a tail cut off, are named."""
import json
import os
import sqlite3
import subprocess
import tempfile

import pytest

from conftest import start


def run(details, *arguments, **extra):
    env = dict(details["env"], **extra)
    return subprocess.run([details["binary"], *arguments], env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def demo():
    process, details = start(["--persons", "400"])
    yield details
    process.terminate()
    process.wait(timeout=10)


def columns(db):
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for column in db.execute(f"SELECT name FROM pragma_table_info('{table}')").fetchall():
            yield table, column[0]


def occurrences(db, value):
    query = 'SELECT COUNT(*) FROM "{}" WHERE CAST("{}" AS TEXT) LIKE ?'
    return [f"{t}.{c}" for t, c in columns(db) if db.execute(query.format(t, c), (f"%{value}%",)).fetchone()[0]]


def test_retention_audit_and_tampering(demo):
    folder = tempfile.mkdtemp(prefix="koers-privacy-")
    clean = run(demo, "audit", "verify")
    assert clean.returncode == 0 and "Every chain verifies." in clean.stdout, clean.stdout + clean.stderr

    key, heads = os.path.join(folder, "audit.key"), os.path.join(folder, "heads.json")
    assert run(demo, "audit", "key", "--out", key).returncode == 0
    assert run(demo, "audit", "heads", "--out", heads).returncode != 0  # no key configured
    signed = run(demo, "audit", "heads", "--out", heads, KOERS_AUDIT_KEY=key)
    assert signed.returncode == 0, signed.stdout + signed.stderr
    against = run(demo, "audit", "verify", "--heads", heads, KOERS_AUDIT_KEY=key)
    assert against.returncode == 0 and "Against the heads exported" in against.stdout, against.stdout

    # Who will be erased, and what of them: values nobody kept has too.
    db = sqlite3.connect(demo["database"])
    people = db.execute("SELECT id, given_names, surname, aliases, birth_date, v_number FROM persons").fetchall()
    before = json.loads(run(demo, "monitor", "--format", "json").stdout)
    register = os.path.join(folder, "erasures.txt")
    shortened = {"KOERS_RETENTION_YEARS": "1", "KOERS_ERASURE_REGISTER": register}
    refused = run(demo, "retention", "plan", "--as", "ngo.utrecht@demo.koers.nl", **shortened)
    assert refused.returncode == 1 and "only the administrator" in refused.stdout
    plan = run(demo, "retention", "plan", "--as", "admin@demo.koers.nl", **shortened)
    assert plan.returncode == 0, plan.stdout + plan.stderr
    plan_id = plan.stdout.split()[2].rstrip(":")
    assert "people." in plan.stdout.splitlines()[0]
    early = run(demo, "retention", "apply", plan_id, "--as", "admin@demo.koers.nl", **shortened)
    assert early.returncode == 1 and "Only an approved plan" in early.stdout
    empty = run(demo, "retention", "approve", plan_id, "--as", "admin@demo.koers.nl", "--decision", "", **shortened)
    assert empty.returncode == 1 and "decision: This field is required." in empty.stdout
    approved = run(demo, "retention", "approve", plan_id, "--as", "admin@demo.koers.nl", "--decision",
                   "Besluit vernietiging 2026/1", **shortened)
    assert approved.returncode == 0, approved.stdout
    report = os.path.join(folder, "report.json")
    applied = run(demo, "retention", "apply", plan_id, "--as", "admin@demo.koers.nl", "--report", report, **shortened)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    destroyed = json.load(open(report))
    assert destroyed["decision"] == "Besluit vernietiging 2026/1" and destroyed["items"]
    assert len(open(register).read().split()) == len(destroyed["items"])

    db = sqlite3.connect(demo["database"])
    erased = {row[0] for row in db.execute("SELECT id FROM persons WHERE erased_at IS NOT NULL")}
    assert len(erased) == len(destroyed["items"]) > 20
    kept = [p for p in people if p[0] not in erased]
    kept_text = " ".join(str(v) for p in kept for v in p[1:] if v)

    def values(person):
        _, given, surname, aliases, birth, v_number = person
        found = [given, surname, v_number] + json.loads(aliases or "[]")
        if birth and len(birth) > 4:
            found.append(birth)
        # A value another, kept person also has stays, rightly: it is theirs too.
        return [v for v in found if v and len(v) >= 3 and v not in kept_text]

    checked = 0
    for person in [p for p in people if p[0] in erased][:25]:
        for value in values(person):
            left = occurrences(db, value)
            assert left == [], f"{value} remains in {left}"
            checked += 1
    assert checked > 40
    # Nor in the file itself: the destruction gives the erased pages back (VACUUM) and empties the log.
    raw = b"".join(open(demo["database"] + suffix, "rb").read() for suffix in ("", "-wal")
                   if os.path.exists(demo["database"] + suffix))
    gone = [v for p in people if p[0] in erased for v in values(p)][:100]
    assert gone and [v for v in gone if v.encode() in raw] == []
    after = json.loads(run(demo, "monitor", "--format", "json").stdout)
    assert after == before, "a published monitor cell changed"
    assert run(demo, "audit", "verify").returncode == 0

    # Tampering: an event edited, and against the heads exported before, a trajectory's tail cut off.
    event, trajectory = db.execute(
        "SELECT id, trajectory_id FROM case_events WHERE kind = 'admissionDecided' LIMIT 1").fetchone()
    db.execute("UPDATE case_events SET effective_on = '2020-01-01' WHERE id = ?", (event,))
    last = db.execute(
        "SELECT id, trajectory_id, sequence FROM case_events WHERE trajectory_id != ? "
        "ORDER BY sequence DESC LIMIT 1", (trajectory,)).fetchone()
    db.execute("DELETE FROM case_events WHERE id = ?", (last[0],))
    db.commit()
    tampered = run(demo, "audit", "verify", "--heads", heads, KOERS_AUDIT_KEY=key)
    assert tampered.returncode == 1
    assert f"changed: case_events events/{trajectory.lower()}" in tampered.stdout and event.lower() in tampered.stdout
    assert f"cutOff: case_events events/{last[1].lower()} #{last[2]}" in tampered.stdout, tampered.stdout
