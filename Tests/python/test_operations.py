"""Koers as a hosting party runs it: `koers serve` processes on one database, stopped with SIGTERM.

- SIGTERM drains: a request the server accepted before the signal is answered, the process exits 0,
  and every note acknowledged before it stopped is there when it starts again (SQLite, and
  PostgreSQL when KOERS_TEST_POSTGRES_URL is set).
- Two instances on one PostgreSQL, alternated: a session started on one is valid on the other, a
  write through one is read through the other, login throttling counts across both, and a stale
  If-Match is refused whichever instance answers.
"""
import glob
import http.client
import http.cookiejar
import json
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

from conftest import BINARY, free_port

POSTGRES = os.environ.get("KOERS_TEST_POSTGRES_URL")
DATABASES = ["sqlite"] + (["postgres"] if POSTGRES else [])


def psql(url, statement):
    bindir = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
    subprocess.run([os.path.join(bindir, "psql"), url, "-q", "-c", statement], check=True, capture_output=True)


@pytest.fixture
def database(request):
    """A fresh, empty database URL of the kind asked for; dropped afterwards."""
    if request.param == "sqlite":
        folder = tempfile.mkdtemp(prefix="koers-ops-")
        yield f"sqlite://{folder}/koers.sqlite"
        return
    name = "ops_" + uuid.uuid4().hex[:12]
    psql(POSTGRES, f"CREATE DATABASE {name}")
    parts = urllib.parse.urlsplit(POSTGRES)
    yield urllib.parse.urlunsplit(parts._replace(path="/" + name))
    psql(POSTGRES, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def koers(url, *arguments):
    env = dict(os.environ, KOERS_DATABASE_URL=url, KOERS_LOG_LEVEL="warning")
    done = subprocess.run([BINARY, *arguments], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


class Server:
    """One `koers serve` process on a free loopback port."""

    def __init__(self, url, **extra_env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, KOERS_DATABASE_URL=url, KOERS_PORT=str(self.port), KOERS_LOG_LEVEL="warning",
                   KOERS_COOKIE_SECURE="false", KOERS_BCRYPT_COST="4", **extra_env)
        self.log = tempfile.NamedTemporaryFile(prefix="koers-serve-", suffix=".log", delete=False)
        self.process = subprocess.Popen([BINARY, "serve"], env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(self.base + "/ready", timeout=1)
                return
            except Exception:
                if self.process.poll() is not None or time.time() > deadline:
                    raise RuntimeError("koers serve did not start: " + open(self.log.name).read())
                time.sleep(0.1)

    def stop(self):
        """SIGTERM, and the exit status."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=30)


def api(base, method, path, token, body=None, if_match=None):
    """(status, headers, parsed body) of an API call; errors are answers too."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    if if_match:
        headers["If-Match"] = if_match
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + "/api/v1" + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers, json.load(answer)
    except urllib.error.HTTPError as error:
        return error.code, error.headers, json.loads(error.read() or b"null")


def a_case(base, token):
    status, _, body = api(base, "GET", "/trajectories?stage=active", token)
    assert status == 200 and body["items"], body
    return body["items"][0]["trajectoryId"].lower()


def note_texts(base, token, case):
    status, _, body = api(base, "GET", f"/trajectories/{case}", token)
    assert status == 200
    return {note["text"] for note in body.get("notes") or []}


def prepared(url):
    """Loads the demo network and population into `url` and returns a token of the Utrecht NGO."""
    koers(url, "demo", "--persons", "40")
    token = koers(url, "token", "create", "--user", "ngo.utrecht@demo.koers.nl")
    return token


@pytest.mark.parametrize("database", DATABASES, indirect=True)
def test_sigterm_answers_what_was_accepted_and_loses_nothing_acknowledged(database):
    token = prepared(database)
    server = Server(database)
    case = a_case(server.base, token)

    # A request the server has begun to read before the signal: its body arrives after it.
    body = json.dumps({"classification": "general", "text": "half-way through SIGTERM"}).encode()
    pending = socket.create_connection(("127.0.0.1", server.port))
    pending.sendall(
        (f"POST /api/v1/trajectories/{case}/notes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
         f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
         f"Content-Length: {len(body)}\r\n\r\n").encode() + body[:10])

    # Writers posting notes until the server stops taking them.
    acknowledged, refused, lock, stop = [], [], threading.Lock(), threading.Event()

    def writer(number):
        count = 0
        while not stop.is_set():
            text = f"writer {number} note {count}"
            try:
                status, _, _ = api(server.base, "POST", f"/trajectories/{case}/notes", token,
                                   {"classification": "general", "text": text})
            except (urllib.error.URLError, ConnectionError, http.client.HTTPException, OSError):
                return  # the server has closed: not acknowledged
            with lock:
                (acknowledged if status == 200 else refused).append((text, status))
            count += 1

    writers = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in writers:
        thread.start()
    time.sleep(1.5)
    server.process.send_signal(signal.SIGTERM)
    time.sleep(0.5)
    assert server.process.poll() is None, "the server stopped with a request half-read"
    pending.sendall(body[10:])
    answer = b""
    while b"\r\n\r\n" not in answer:
        chunk = pending.recv(65536)
        if not chunk:
            break
        answer += chunk
    pending.close()
    assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
    assert server.process.wait(timeout=30) == 0, open(server.log.name).read()
    stop.set()
    for thread in writers:
        thread.join(timeout=30)
    assert acknowledged and not refused, refused[:5]

    again = Server(database)
    try:
        stored = note_texts(again.base, token, case)
    finally:
        assert again.stop() == 0
    missing = [text for text, _ in acknowledged if text not in stored]
    assert not missing, f"{len(missing)} of {len(acknowledged)} acknowledged notes lost: {missing[:5]}"
    assert "half-way through SIGTERM" in stored


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Answers a redirect as it is, so its status and cookie can be checked."""

    def redirect_request(self, *args, **kwargs):
        return None


def sign_in(base, email, password="koers-demo"):
    """(status, session cookie) of a web login, CSRF token and all."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    page = opener.open(base + "/login").read().decode()
    csrf = page.split('name="_csrf" value="', 1)[1].split('"', 1)[0]
    form = urllib.parse.urlencode({"email": email, "password": password, "_csrf": csrf}).encode()
    try:
        status = opener.open(base + "/login", data=form).status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, next((c.value for c in jar if c.name == "koers_session"), None)


def page_status(base, path, session):
    request = urllib.request.Request(base + path, headers={"Cookie": f"koers_session={session}"})
    try:
        return urllib.request.build_opener(NoRedirect()).open(request).status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.skipif(not POSTGRES, reason="needs KOERS_TEST_POSTGRES_URL")
@pytest.mark.parametrize("database", ["postgres"], indirect=True)
def test_two_instances_share_one_postgresql(database):
    token = prepared(database)
    one, two = Server(database), Server(database)
    try:
        case = a_case(one.base, token)

        # A session started on one instance is valid on the other; a signed-out one on neither.
        status, session = sign_in(one.base, "ngo.utrecht@demo.koers.nl")
        assert status == 302 and session
        assert page_status(two.base, "/cases", session) == 200
        assert page_status(one.base, "/cases", "not-a-session") == 303  # to the login page

        # Writes through one are read through the other, alternating.
        for n in range(6):
            writer, reader = (one, two) if n % 2 == 0 else (two, one)
            text = f"through {writer.port}, read on {reader.port}: {n}"
            assert api(writer.base, "POST", f"/trajectories/{case}/notes", token,
                       {"classification": "general", "text": text})[0] == 200
            assert text in note_texts(reader.base, token, case)

        # A stale If-Match is refused whichever instance answers.
        _, headers, _ = api(one.base, "GET", f"/trajectories/{case}", token)
        seen = headers["ETag"]
        assert api(one.base, "POST", f"/trajectories/{case}/notes", token,
                   {"classification": "general", "text": "with the version seen"}, if_match=seen)[0] == 200
        for server in (two, one):
            status, _, problem = api(server.base, "POST", f"/trajectories/{case}/notes", token,
                                     {"classification": "general", "text": "stale"}, if_match=seen)
            assert status == 409 and problem["status"] == 409, problem

        # Failed logins count across both: five wrong passwords, alternating, lock the account on both.
        for n in range(5):
            assert sign_in((one, two)[n % 2].base, "ngo.amsterdam@demo.koers.nl", "wrong")[0] == 401
        for server in (one, two):
            assert sign_in(server.base, "ngo.amsterdam@demo.koers.nl")[0] == 429
    finally:
        assert one.stop() == 0
        assert two.stop() == 0
