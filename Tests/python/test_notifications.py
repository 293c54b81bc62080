"""Notifications by e-mail against a local SMTP server (aiosmtpd) started by the test: an action
item assigned to the IND sends one mail, to the IND's users at that location, with a link and no
personal data of the case."""
import json
import os
import subprocess
import tempfile
import time
import urllib.request

import pytest
from aiosmtpd.controller import Controller

from conftest import BINARY, free_port


class Inbox:
    """Keeps every message the server receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8")))
        return "250 Message accepted for delivery"


@pytest.fixture(scope="module")
def mailing():
    inbox = Inbox()
    smtp_port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    binary = BINARY
    folder = tempfile.mkdtemp(prefix="koers-mail-")
    port = free_port()
    env = dict(os.environ, KOERS_DATABASE_URL=f"sqlite://{folder}/koers.sqlite", KOERS_PORT=str(port),
               KOERS_LOG_LEVEL="warning", KOERS_SMTP_HOST="127.0.0.1", KOERS_SMTP_PORT=str(smtp_port),
               KOERS_SMTP_FROM="koers@lvv.example", KOERS_PUBLIC_URL="https://koers.lvv.example")
    log_path = os.path.join(folder, "server.log")
    process = subprocess.Popen([binary, "demo", "--persons", "20", "--serve"], env=env,
                               stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while True:
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except Exception:
            if process.poll() is not None or time.time() > deadline:
                raise RuntimeError(open(log_path).read())
            time.sleep(0.2)
    yield {"inbox": inbox, "base": base, "binary": binary, "env": env, "log": log_path}
    process.terminate()
    process.wait(timeout=10)
    controller.stop()


def api(base, token, method, path, body=None, headers=None):
    request = urllib.request.Request(base + "/api/v1" + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json",
                                              **(headers or {})})
    with urllib.request.urlopen(request) as response:
        return json.load(response), response.headers


def wait_for(inbox, count, seconds=10):
    deadline = time.time() + seconds
    while len(inbox.messages) < count and time.time() < deadline:
        time.sleep(0.1)


def test_an_action_item_for_the_ind_sends_one_mail_without_personal_data(mailing):
    inbox, base, env = mailing["inbox"], mailing["base"], mailing["env"]
    token = subprocess.run([mailing["binary"], "token", "create", "--user", "municipality.utrecht@demo.koers.nl"],
                           env=env, capture_output=True, text=True, check=True).stdout.strip()
    cases, _ = api(base, token, "GET", "/trajectories?stage=active")
    case = cases["items"][0]
    full, headers = api(base, token, "GET", f"/trajectories/{case['trajectoryId']}")
    identity = full["identity"]
    names = [identity["surname"]] + ([identity["givenNames"]] if identity.get("givenNames") else [])
    before = len(inbox.messages)
    api(base, token, "POST", f"/trajectories/{case['trajectoryId']}/action-items",
        {"party": "ind", "text": "Vertrekgesprek plannen", "dueOn": "2030-01-15"}, {"If-Match": headers["ETag"]})
    wait_for(inbox, before + 1)
    time.sleep(1)  # no second mail comes after the first
    new = inbox.messages[before:]
    assert len(new) == 1, new
    recipients, content = new[0]
    assert recipients == ["ind.utrecht@demo.koers.nl"]
    assert "https://koers.lvv.example/inbox" in content
    assert "Subject: Koers: een nieuwe actie / a new action item" in content
    for name in names + [case["trajectoryId"], "Vertrekgesprek"]:
        assert name not in content, f"{name} in the mail"
