"""The koers command line: every command explains itself, and the account commands work on a
fresh database."""
import json
import os
import subprocess
import tempfile
import urllib.request

import pytest

COMMANDS = [[], ["serve"], ["migrate"], ["setup"], ["demo"], ["user"], ["user", "add"], ["user", "list"],
            ["user", "disable"], ["token"], ["token", "create"], ["import"], ["import", "registrations"]]


def run(binary, *args, env=None, stdin=None):
    return subprocess.run([binary, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "koers")
def test_every_command_has_help(koers, command):
    result = run(koers["binary"], *command, "--help")
    assert result.returncode == 0, result.stderr
    assert "USAGE:" in result.stdout
    overview = result.stdout.split("USAGE:")[0].strip()
    assert len(overview) > 20, f"no description for {command}"


def test_accounts_and_tokens(koers):
    folder = tempfile.mkdtemp(prefix="koers-cli-")
    env = dict(os.environ, KOERS_DATABASE_URL=f"sqlite://{folder}/cli.sqlite", KOERS_BCRYPT_COST="4")
    assert run(koers["binary"], "demo", "--persons", "5", env=env).returncode == 0
    added = run(koers["binary"], "user", "add", "--email", "Nieuw@Example.org", "--name", "Nieuwe collega",
                "--organisation", "Gemeente Utrecht", env=env, stdin="een-lang-wachtwoord\n")
    assert added.returncode == 0, added.stderr
    listed = run(koers["binary"], "user", "list", env=env).stdout
    assert "nieuw@example.org\tNieuwe collega\tGemeente Utrecht\tmunicipality\tactive" in listed
    short = run(koers["binary"], "user", "add", "--email", "x@example.org", "--name", "X",
                "--organisation", "Gemeente Utrecht", env=env, stdin="kort\n")
    assert short.returncode != 0 and "at least 10 characters" in short.stderr
    unknown = run(koers["binary"], "user", "add", "--email", "y@example.org", "--name", "Y",
                  "--organisation", "Nergens", env=env, stdin="een-lang-wachtwoord\n")
    assert unknown.returncode != 0 and "No organisation" in unknown.stderr
    token = run(koers["binary"], "token", "create", "--user", "nieuw@example.org", env=env)
    assert token.returncode == 0 and token.stdout.startswith("koers_")
    disabled = run(koers["binary"], "user", "disable", "--email", "nieuw@example.org", env=env)
    assert disabled.returncode == 0
    assert ("nieuw@example.org\tNieuwe collega\tGemeente Utrecht\tmunicipality\tdisabled"
            in run(koers["binary"], "user", "list", env=env).stdout)
    assert run(koers["binary"], "token", "create", "--user", "nieuw@example.org", env=env).returncode != 0


def test_demo_token_reads_the_api(koers):
    env = dict(os.environ, KOERS_DATABASE_URL=f"sqlite://{koers['database']}")
    token = run(koers["binary"], "token", "create", "--user", "ngo.utrecht@demo.koers.nl", env=env).stdout.strip()
    request = urllib.request.Request(koers["base"] + "/api/v1/trajectories?stage=active",
                                     headers={"Authorization": f"Bearer {token}"})
    body = json.load(urllib.request.urlopen(request))
    assert body["total"] > 0 and all(item["location"] == "LVV Utrecht" for item in body["items"])


def test_monitor_command_prints_suppressed_json_and_refuses_a_mid_quarter_date(koers):
    env = koers["env"]
    out = subprocess.run([koers["binary"], "monitor", "--format", "json", "--peildatum", "2026-10-01"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["peildatum"] == "2026-10-01" and report["k"] == 5
    for table in report["tables"]:
        for row in table["cells"]:
            assert all(v is None or v == 0 or v >= 5 for v in row), table["id"]
    bad = subprocess.run([koers["binary"], "monitor", "--peildatum", "2022-07-02"], env=env,
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode != 0 and "first day" in bad.stderr
