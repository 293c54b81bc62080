"""The API against its own published contract: schemathesis, pinned, with a fixed seed and a time
budget, on a fresh demo server, with the monitor party's, a municipality's, an NGO's and the
administrator's token.

Checks: no server error; status codes, content types and response bodies as documented; data the
document forbids is refused; a request without its token is refused. Any failure fails the test,
with schemathesis's report (and a curl line to reproduce it) in the assertion message.
"""
import os
import subprocess
import sys

import pytest

from conftest import start

CHECKS = ",".join([
    "not_a_server_error", "status_code_conformance", "content_type_conformance",
    "response_schema_conformance", "negative_data_rejection", "ignored_auth",
])
SEED = 20261130
SECONDS_PER_PARTY = 50


@pytest.fixture(scope="module")
def fuzzed():
    """A demo server of its own: the fuzzing writes to its cases."""
    process, details = start(["--persons", "120"])
    yield details
    process.terminate()  # SIGTERM: the server answers what it has accepted, then stops
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        raise


# The monitor first: the others' fuzzing registers many people, and the monitor computes over all of them.
# The administrator last: its fuzzing may disable or move accounts, the others' among them.
@pytest.mark.parametrize("account", ["monitor", "municipality.utrecht", "ngo.utrecht", "admin"])
def test_the_api_keeps_its_contract_under_fuzzing(fuzzed, account):
    token = subprocess.run([fuzzed["binary"], "token", "create", "--user", f"{account}@demo.koers.nl"],
                           env=fuzzed["env"], capture_output=True, text=True, check=True).stdout.strip()
    schemathesis = os.path.join(os.path.dirname(sys.executable), "schemathesis")
    run = subprocess.run(
        [schemathesis, "run", fuzzed["base"] + "/api/v1/openapi.json",
         "-H", f"Authorization: Bearer {token}", "--checks", CHECKS, "--seed", str(SEED),
         "--max-time", str(SECONDS_PER_PARTY), "--request-timeout", "60", "--no-color"],
        capture_output=True, text=True, timeout=SECONDS_PER_PARTY + 120,
    )
    report = run.stdout + run.stderr
    # The failures first: a long generated body in the report would otherwise push them out.
    failures = report.split("FAILURES ===")[-1].split("=== WARNINGS")[0] if "FAILURES ===" in report else report
    assert run.returncode == 0, failures[:6000] + "\n…\n" + report[-3000:]
    assert " passed" in report and "failures" not in report.split("SUMMARY")[-1].lower(), report[-4000:]
