"""A real Koers for the Python checks: the built binary, a fresh demo database, a free port."""
import os
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest


# The koers the checks run: KOERS_BIN, as scripts/test sets it; else the test build scripts/test leaves in .build-test,
# else the one `swift build` leaves in .build.
BINARY = os.environ.get("KOERS_BIN") or next(
    (path for path in (".build-test/debug/koers", ".build/debug/koers") if os.path.exists(path)), ".build/debug/koers")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(arguments):
    """Starts `koers demo ARGUMENTS --serve` on a fresh SQLite database and a free port."""
    binary = BINARY
    port = free_port()
    folder = tempfile.mkdtemp(prefix="koers-browser-")
    env = dict(os.environ, KOERS_DATABASE_URL=f"sqlite://{folder}/koers.sqlite", KOERS_PORT=str(port),
               KOERS_LOG_LEVEL="warning")
    log = open(os.path.join(folder, "server.log"), "w")
    process = subprocess.Popen([binary, "demo", *arguments, "--serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while True:
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except Exception:
            if process.poll() is not None or time.time() > deadline:
                raise RuntimeError("Koers did not start: " + open(os.path.join(folder, "server.log")).read())
            time.sleep(0.2)
    return process, {"base": base, "database": f"{folder}/koers.sqlite", "binary": binary, "env": env}


@pytest.fixture(scope="session")
def koers():
    process, details = start(["--persons", "120"])
    yield details
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def pilot():
    """Koers on the calibrated pilot-2022 scenario."""
    process, details = start(["--scenario", "pilot-2022"])
    yield details
    process.terminate()
    process.wait(timeout=10)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failing browser test, keep a screenshot of where it stood."""
    outcome = yield
    report = outcome.get_result()
    driver = item.funcargs.get("browser")
    if report.when == "call" and report.failed and driver is not None:
        os.makedirs("screenshots", exist_ok=True)
        driver.save_screenshot(os.path.join("screenshots", f"failed-{item.name}.png"))
