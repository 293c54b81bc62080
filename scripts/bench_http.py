"""The HTTP benchmark: Koers's pages and API as a client sees them, on SQLite and PostgreSQL, per demo scale.

Driven by scripts/bench-http.sh (which builds the release binary, starts a throwaway PostgreSQL cluster and
cleans up); see its header for the options. For each database and scale this loads the pilot-2022 demo
(`koers demo --scenario pilot-2022 --scale N`), starts `koers serve` on 127.0.0.1, signs in through the login
form as the NGO and the municipality of the largest location and as the monitor, and measures each page with
wrk at 1 and 50 connections (p50, p99, requests/s, bytes of one response). A page whose single request takes
longer than --heavy seconds is not given to wrk: it is timed --repeat times, one request after another.
Beside the tables: `koers bench facts` writes the monitor's facts as CSV, which DuckDB loads and counts
(load and query timed apart), and `koers bench monitor` times Koers's in-memory tally on the same files.
Markdown goes to standard output, progress to standard error.
"""
import argparse
import html
import http.client
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse

PEILDATUM = "2022-07-01"
PASSWORD = "koers-demo"
MONITOR = "monitor@demo.koers.nl"
UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
TARGET_SCALE = 48


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Http:
    """One request per connection to the server on 127.0.0.1; returns (status, headers, body, seconds)."""

    def __init__(self, port, timeout):
        self.port, self.timeout = port, timeout

    def __call__(self, method, path, headers=None, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            start = time.perf_counter()
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
            return response.status, response.getheaders(), data, time.perf_counter() - start
        finally:
            connection.close()


def set_cookies(headers):
    cookies = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            pair = value.split(";", 1)[0]
            if "=" in pair:
                k, v = pair.split("=", 1)
                cookies[k.strip()] = v.strip()
    return cookies


def login(get, email):
    """Signs in through the form (CSRF double submit); returns the Cookie header of the session."""
    status, headers, body, _ = get("GET", "/login")
    if status != 200:
        raise RuntimeError(f"GET /login answered {status}")
    csrf_cookie = set_cookies(headers).get("koers_csrf")
    field = re.search(r'name="_csrf" value="([^"]*)"', body.decode("utf-8", "replace"))
    if not csrf_cookie or not field:
        raise RuntimeError("GET /login gave no koers_csrf cookie or _csrf field")
    form = urllib.parse.urlencode({"_csrf": field.group(1), "email": email, "password": PASSWORD})
    status, headers, _, _ = get("POST", "/login", {"Cookie": f"koers_csrf={csrf_cookie}",
                                                   "Content-Type": "application/x-www-form-urlencoded"}, form)
    session = set_cookies(headers).get("koers_session")
    if status not in (302, 303) or not session:
        raise RuntimeError(f"POST /login as {email} answered {status} without a session cookie")
    return f"koers_session={session}"


def run(command, env, timeout):
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True, timeout=timeout).stdout


def percentile(values, q):
    """Nearest rank: with fewer than 100 values the 99th percentile is the largest."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def lua_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrk_script(paths, headers, file, method="GET", body=None):
    """A wrk script that rotates over `paths` and counts answers other than 200 (wrk itself accepts 3xx).
    `body`, a Lua expression in which `n` counts the requests, is sent with each request when given."""
    with open(file, "w") as f:
        f.write("local paths = {" + ",".join(lua_string(p) for p in paths) + "}\n")
        f.write("local headers = {" + ",".join(f"[{lua_string(k)}] = {lua_string(v)}" for k, v in headers.items())
                + "}\n")
        f.write("""local n = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0; last = 0 end
function request()
  n = n + 1
  return wrk.format(""" + lua_string(method) + """, paths[(n % #paths) + 1], headers"""
                + (f", {body}" if body else "") + """)
end
function response(status, hdrs, body)
  if status ~= 200 then bad = bad + 1; last = status end
end
function done(summary, latency, requests)
  local total, status = 0, 0
  for _, t in ipairs(threads) do
    total = total + t:get("bad")
    if t:get("last") ~= 0 then status = t:get("last") end
  end
  io.write(string.format("NON200 %d %d\\n", total, status))
end
""")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def wrk(base, script, connections, duration, seconds):
    threads = 1 if connections < 2 else 2
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", duration, "--timeout", "30s",
                          "--latency", "-s", script, base], capture_output=True, text=True,
                         timeout=seconds + 60).stdout
    latency = {}
    for q, value, unit in re.findall(r"^\s*(50|99)%\s+([\d.]+)(us|ms|s|m|h)\s*$", out, re.M):
        latency[q] = float(value) * UNITS[unit]
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    bad = re.search(r"NON200 (\d+) (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    total = re.search(r"(\d+) requests in", out)
    if not rps or "50" not in latency:
        raise RuntimeError("wrk gave no result:\n" + out[-2000:])
    if total and int(total.group(1)) == 0:
        return {"p50": None, "p99": None, "rps": 0.0, "requests": 0,
                "notes": [f"no request completed within {duration}"]}
    notes = []
    if bad and int(bad.group(1)):
        notes.append(f"{bad.group(1)} answers not 200 (e.g. {bad.group(2)})")
    if errors and any(int(x) for x in errors.groups()):
        notes.append("socket errors connect/read/write/timeout " + "/".join(errors.groups()))
    return {"p50": latency["50"], "p99": latency.get("99", latency["50"]), "rps": float(rps.group(1)),
            "requests": int(total.group(1)) if total else None, "notes": notes}


def cpu_ticks(pid):
    """(utime + stime, parent pid) of a process, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12]), int(fields[1])
    except (OSError, IndexError, ValueError):
        return None


def database_pids(postgres_dir):
    """The throwaway cluster's postmaster and its children (the backends doing the queries)."""
    try:
        with open(os.path.join(postgres_dir, "data", "postmaster.pid")) as f:
            postmaster = int(f.readline())
    except (OSError, ValueError):
        return []
    children = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            ticks = cpu_ticks(int(entry))
            if ticks and ticks[1] == postmaster:
                children.append(int(entry))
    return [postmaster] + children


def settle(pids, limit=120.0, interval=0.5):
    """Waits until the server (and the database's processes) use under 5% of a core for two intervals in a row:
    wrk stops sending when its time is up, but the server still works off the requests it had accepted, and a
    measurement started then would wait behind them. Returns the seconds waited."""
    start = time.monotonic()
    quiet = 0
    hz = os.sysconf("SC_CLK_TCK")

    def total():
        return sum((cpu_ticks(p) or (0, 0))[0] for p in pids)

    before = total()
    while time.monotonic() - start < limit and quiet < 2:
        time.sleep(interval)
        now = total()
        quiet = quiet + 1 if (now - before) / hz < 0.05 * interval else 0
        before = now
    return time.monotonic() - start


def duration_seconds(text):
    m = re.fullmatch(r"(\d+)(s|m|h)?", text)
    if not m:
        raise SystemExit(f"DURATION {text!r}: use e.g. 10s, 2m")
    return int(m.group(1)) * {"s": 1, "m": 60, "h": 3600, None: 1}[m.group(2)]


class Server:
    def __init__(self, binary, url, folder, pids, name):
        self.port = free_port()
        self.log = os.path.join(folder, f"server-{name}.log")
        env = dict(os.environ, KOERS_DATABASE_URL=url, KOERS_PORT=str(self.port), KOERS_HOST="127.0.0.1",
                   KOERS_COOKIE_SECURE="false", KOERS_LOG_LEVEL="error")
        with open(self.log, "w") as out:
            self.process = subprocess.Popen([binary, "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                                            env=env, stdout=out, stderr=subprocess.STDOUT)
        self.pids = pids
        with open(pids, "a") as f:
            f.write(f"{self.process.pid}\n")

    def wait(self, get, limit):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"koers serve exited with {self.process.returncode}: {self.tail()}")
            try:
                if get("GET", "/health")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"koers serve did not answer /health within {limit} s")

    def alive(self):
        return self.process.poll() is None

    def tail(self, lines=5):
        try:
            with open(self.log, errors="replace") as f:
                return " | ".join(f.read().splitlines()[-lines:])
        except OSError:
            return ""

    def problems(self):
        """Lines of the server log other than the start-up line (the log level is `error`)."""
        try:
            with open(self.log, errors="replace") as f:
                return [line for line in f.read().splitlines() if line.strip() and "listens on" not in line]
        except OSError:
            return []

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        # Stopped: its pid leaves the file the shell's clean-up kills from.
        with open(self.pids) as f:
            rest = [line for line in f if line.strip() != str(self.process.pid)]
        with open(self.pids, "w") as f:
            f.writelines(rest)


def parse_accounts(output):
    """(party, location, printed email) per account line of `koers demo`."""
    accounts, inside = [], False
    for line in output.splitlines():
        if line.startswith("Accounts"):
            inside = True
            continue
        if inside:
            m = re.match(r"^\s+(\S+)\s+(\S+)\s+(.+?)\s*$", line)
            if not m:
                if accounts:
                    break
                continue
            accounts.append((m.group(2), m.group(3), m.group(1)))
    return accounts


def measure_run(a, database, url, scale, folder, pids, observations):
    """Loads one scale into one database and measures every page. Returns the run's dict."""
    env = dict(os.environ, KOERS_DATABASE_URL=url)
    result = {"database": database, "scale": scale, "rows": [], "notes": []}
    log(f"== {database}, scale {scale}: loading the pilot-2022 demo")
    start = time.perf_counter()
    out = run([a.binary, "demo", "--scenario", "pilot-2022", "--scale", str(scale)], env, a.load_timeout)
    result["load_wall"] = time.perf_counter() - start
    ready = re.search(r"(\d+) referrals \(([\d.]+) s\)", out)
    result["referrals"] = int(ready.group(1)) if ready else None
    result["load_reported"] = float(ready.group(2)) if ready else None
    log(f"   demo loaded: {result['referrals']} referrals in {result['load_wall']:.1f} s wall "
        f"({result['load_reported']} s as koers demo reports it)")
    accounts = parse_accounts(out)
    truncated = [e for _, _, e in accounts if not e.endswith(".nl")]
    if truncated:
        observations.add(f"`koers demo` prints {len(truncated)} account e-mail addresses cut off "
                         f"(e.g. `{truncated[0]}`)")
    cities = sorted({loc.split()[-1].lower() for party, loc, _ in accounts if party == "ngo"})
    if not cities:
        raise RuntimeError("no NGO account in the output of koers demo")

    tokens = {}
    for city in cities:
        tokens[f"ngo.{city}"] = run([a.binary, "token", "create", "--user", f"ngo.{city}@demo.koers.nl"],
                                    env, 120).strip().splitlines()[-1]

    server = Server(a.binary, url, folder, pids, f"{database}-{scale}")
    get = Http(server.port, a.request_timeout)
    base = f"http://127.0.0.1:{server.port}"
    try:
        server.wait(get, 300)
        # The monitor's first computation: the first request for it after the server started.
        monitor_cookie = login(get, MONITOR)
        monitor_path = f"/monitor?peildatum={PEILDATUM}"
        status, _, body, seconds = get("GET", monitor_path, {"Cookie": monitor_cookie})
        result["rows"].append({"page": "monitor, first computation", "path": monitor_path, "conns": "first",
                               "p50": seconds * 1000, "p99": seconds * 1000, "rps": 1 / seconds,
                               "bytes": len(body), "status": status, "html": True, "notes": ["one request"]})
        log(f"   monitor first computation: {seconds:.2f} s, HTTP {status}, {len(body):,} bytes")

        # The largest location: the NGO that sees the most cases.
        sizes = {}
        for city in cities:
            status, _, body, _ = get("GET", "/api/v1/trajectories?page=1",
                                     {"Authorization": f"Bearer {tokens['ngo.' + city]}"})
            sizes[city] = json.loads(body)["total"] if status == 200 else -1
        city = max(sizes, key=lambda c: sizes[c])
        ngo, municipality = f"ngo.{city}@demo.koers.nl", f"municipality.{city}@demo.koers.nl"
        token = tokens[f"ngo.{city}"]
        # The API counts up to 1000 and then says 1001: at larger scales several locations are
        # "more than 1000", and the first of them (Amsterdam, the pilot's largest) is taken.
        size = f"{sizes[city]:,}" if sizes[city] <= 1000 else "more than 1,000"
        result["who"] = f"{ngo} and {municipality} (LVV {city.capitalize()}, {size} cases)"
        ngo_cookie = login(get, ngo)
        municipality_cookie = login(get, municipality)

        ids, page = [], 1
        while len(ids) < 1000 and page <= 40:
            status, _, body, _ = get("GET", f"/api/v1/trajectories?page={page}", {"Authorization": f"Bearer {token}"})
            items = json.loads(body).get("items", []) if status == 200 else []
            if not items:
                break
            ids += [item["trajectoryId"].lower() for item in items]
            page += 1
        ids = ids[:1000]
        random.Random(7).shuffle(ids)
        if not ids:
            raise RuntimeError(f"{ngo} sees no case through the API")

        status, _, body, _ = get("GET", "/cases", {"Cookie": ngo_cookie})
        names = [html.unescape(n) for n in re.findall(rf'<a href="/cases/{UUID}">([^<]+)</a>', body.decode())]
        surname = names[0].split()[-1] if names else "a"
        status, _, body, _ = get("GET", "/meetings", {"Cookie": municipality_cookie})
        meetings = re.findall(rf'href="/meetings/({UUID})"', body.decode())
        if not meetings:
            mtoken = run([a.binary, "token", "create", "--user", municipality], env, 120).strip().splitlines()[-1]
            status, _, body, _ = get("GET", "/api/v1/meetings", {"Authorization": f"Bearer {mtoken}"})
            meetings = re.findall(UUID, body.decode()) if status == 200 else []

        def idle():
            waited = settle([server.process.pid] + (database_pids(a.postgres_dir) if database == "postgres" else []))
            if waited > 100:
                result["notes"].append(f"the server was still busy after {waited:.0f} s of waiting for it to settle")

        ngo_h, mun_h, mon_h = {"Cookie": ngo_cookie}, {"Cookie": municipality_cookie}, {"Cookie": monitor_cookie}
        pages = [
            ("/health (ceiling)", ["/health"], {}, False),
            ("case page", [f"/cases/{i}" for i in ids], ngo_h, True),
            ("case API", [f"/api/v1/trajectories/{i}" for i in ids], {"Authorization": f"Bearer {token}"}, False),
            ("case list", ["/cases"], ngo_h, True),
            ("search", [f"/cases?q={urllib.parse.quote(surname)}"], ngo_h, True),
            ("progress", ["/progress"], mun_h, True),
            ("inbox", ["/inbox"], mun_h, True),
            ("meetings", ["/meetings"], mun_h, True),
        ]
        if meetings:
            pages.append(("meeting agenda", [f"/meetings/{meetings[0]}"], mun_h, True))
        else:
            result["notes"].append("no meeting found: the agenda was not measured")
        pages += [
            ("transfers", ["/transfers"], mun_h, True),
            ("duplicates", ["/duplicates"], mun_h, True),
            ("monitor, repeat visit", [monitor_path], mon_h, True),
            ("monitor CSV download", [f"/monitor/download/csv?peildatum={PEILDATUM}"], mon_h, False),
            ("monitor XLSX download", [f"/monitor/download/xlsx?peildatum={PEILDATUM}"], mon_h, False),
        ]
        for label, paths, headers, is_html in pages:
            if not server.alive():
                raise RuntimeError(f"koers serve died: {server.tail()}")
            result["rows"] += measure_page(a, get, base, folder, label, paths, headers, is_html, observations, idle)
        # The rotating case page: the largest of a sample, for the size target.
        sample = [len(get("GET", f"/cases/{i}", ngo_h)[2]) for i in ids[:20]]
        result["notes"].append(f"case page size over {len(sample)} cases: {min(sample):,} to {max(sample):,} bytes")
        result["case_page_max"] = max(sample)
        found = get("GET", f"/cases?q={urllib.parse.quote(surname)}", ngo_h)[2].decode("utf-8", "replace")
        hits = len(set(re.findall(rf'<a href="/cases/({UUID})">', found)))
        result["notes"].append(check_downloads(get, mon_h, observations))
        result["notes"].append(f"search: `/cases?q={surname}` (last word of the first name in the case list), "
                               f"{hits} cases on its first page")
        if meetings:
            result["notes"].append(f"agenda of meeting {meetings[0]} (the first on /meetings)")
    finally:
        server.stop()
        problems = server.problems()
        if problems:
            result["notes"].append(f"server log: {len(problems)} lines at level error or above, e.g. "
                                   + " | ".join(p[:200] for p in problems[:3]))
    return result


def check_downloads(get, headers, observations):
    """Whether the monitor's CSV parses and its XLSX opens (openpyxl, when the venv has it)."""
    import csv
    import io
    status, _, body, _ = get("GET", f"/monitor/download/csv?peildatum={PEILDATUM}", headers)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8", "replace")))) if status == 200 else []
    text = f"downloads: CSV HTTP {status}, {len(rows)} rows"
    status, _, body, _ = get("GET", f"/monitor/download/xlsx?peildatum={PEILDATUM}", headers)
    try:
        import openpyxl
        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        text += f"; XLSX HTTP {status}, opens with openpyxl, {len(book.sheetnames)} sheet(s)"
    except ImportError:
        text += f"; XLSX HTTP {status}, not opened (no openpyxl)"
    except Exception as error:
        text += f"; XLSX HTTP {status} does not open: {error}"
        observations.add(f"the monitor's XLSX download does not open with openpyxl: {error}")
    return text


def measure_page(a, get, base, folder, label, paths, headers, is_html, observations, idle):
    idle()
    # Two probes, the faster counts (the first also warms up what a first visit warms up).
    status, response_headers, body, seconds = get("GET", paths[0], headers)
    if status == 200:
        again = get("GET", paths[0], headers)
        if again[0] == 200:
            seconds = min(seconds, again[3])
    row = {"page": label, "path": paths[0], "bytes": len(body), "status": status, "html": is_html, "notes": []}
    if len(paths) > 1:
        row["notes"].append(f"rotating over {len(paths)} ids")
    if is_html and len(body) > 300 * 1024:
        observations.add(f"{label} (`{paths[0]}`) is {len(body) / 1024:,.0f} KB of HTML (target ≤ 300 KB)")
    if status != 200:
        location = dict((k.lower(), v) for k, v in response_headers).get("location")
        row.update(conns="-", p50=None, p99=None, rps=None)
        row["notes"].append(f"HTTP {status}" + (f" → {location}" if location else "") + "; not measured")
        observations.add(f"{label} (`{paths[0]}`) answered HTTP {status}")
        log(f"   {label}: HTTP {status}, not measured")
        return [row]
    if seconds > a.heavy:
        times = []
        for i in range(a.repeat):
            s, _, _, t = get("GET", paths[i % len(paths)], headers)
            times.append(t)
            if s != 200:
                row["notes"].append(f"HTTP {s} in the repeats")
        row.update(conns=f"seq×{a.repeat}", p50=percentile(times, 50) * 1000, p99=percentile(times, 99) * 1000,
                   rps=len(times) / sum(times))
        row["notes"].append(f"one request took {seconds:.2f} s > {a.heavy:g} s: {a.repeat} sequential requests, "
                            "no wrk")
        if any(t < a.heavy for t in times):
            row["notes"].append("some repeats were faster than the rule's limit")
        log(f"   {label}: sequential, p50 {row['p50']:.0f} ms")
        return [row]
    script = os.path.join(folder, "run.lua")
    wrk_script(paths, headers, script)
    rows = []
    for connections in a.connections:
        idle()
        r = wrk(base, script, connections, a.duration, duration_seconds(a.duration))
        rows.append(dict(row, conns=str(connections), p50=r["p50"], p99=r["p99"], rps=r["rps"],
                         notes=row["notes"] + r["notes"]))
        log(f"   {label} @{connections}: p50 {number(r['p50'])} ms, p99 {number(r['p99'])} ms, {r['rps']:.0f} req/s")
        for note in r["notes"]:
            observations.add(f"{label} under wrk at {connections} connections: {note}")
    return rows


def facts_and_duckdb(a, scale, folder):
    """koers bench facts → CSV; koers bench monitor (the in-memory tally) and DuckDB on those files."""
    import bench_monitor  # the DuckDB SQL of scripts/bench-monitor.sh; imports duckdb, pandas, statsmodels

    facts = os.path.join(folder, f"facts-{scale}")
    generated = json.loads(run([a.binary, "bench", "facts", "--scale", str(scale), "--output", facts],
                               os.environ.copy(), a.load_timeout).strip().splitlines()[-1])
    report = os.path.join(facts, "koers-report.json")
    tally = json.loads(run([a.binary, "bench", "monitor", "--facts", facts, "--peildatum", PEILDATUM,
                            "--output", report], os.environ.copy(), a.load_timeout).strip().splitlines()[-1])
    con, load = bench_monitor.duckdb_load(facts)
    counts, query = bench_monitor.duckdb_monitor(con, PEILDATUM)
    compared, mismatches = bench_monitor.compare(json.load(open(report)), counts)
    con.close()
    return {"scale": scale, "records": generated["records"], "generate": generated["generate_seconds"],
            "tally_read": tally["read_seconds"], "tally": tally["monitor_seconds"], "duck_load": load,
            "duck_query": query, "compared": compared, "mismatches": len(mismatches)}


def number(value, digits=1):
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def print_run(run_):
    print(f"\n### {run_['database']}, scale {run_['scale']}")
    print()
    if "error" in run_:
        print(f"**Failed:** {run_['error']}")
        return
    print(f"Demo: {run_['referrals']:,} referrals, loaded in {run_['load_wall']:.1f} s "
          f"(wall clock of `koers demo`; {run_['load_reported']} s as it reports the load). "
          f"Signed in as {run_.get('who', '?')} and monitor@demo.koers.nl.")
    print()
    print("| page | connections | p50 ms | p99 ms | req/s | bytes | notes |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for r in run_["rows"]:
        print(f"| {r['page']} | {r['conns']} | {number(r['p50'])} | {number(r['p99'])} | {number(r['rps'])} "
              f"| {r['bytes']:,} | {'; '.join(r['notes'])} |")
    for note in run_["notes"]:
        print(f"\n- {note}", end="")
    print()


def single(rows, page):
    """The single-client measurement of a page: 1 connection, or its sequential or first request."""
    for r in rows:
        single_client = r["conns"] in ("1", "first") or r["conns"].startswith("seq")
        if r["page"] == page and r["p50"] is not None and single_client:
            return r
    return None


def at(rows, page, conns):
    return next((r for r in rows if r["page"] == page and r["conns"] == conns and r["p50"] is not None), None)


def ratio(a, b):
    return f"{b / a:.1f}×" if a and b else "–"


def print_comparison(runs, databases):
    print("\n## Scale: the largest scale against scale 10 (or the smallest measured)\n")
    print("× = the value at the larger scale divided by the value at the smaller one.\n")
    for database in databases:
        done = {r["scale"]: r for r in runs if r["database"] == database and "error" not in r}
        if len(done) < 2:
            print(f"- {database}: only scale(s) {', '.join(map(str, done)) or 'none'} measured; nothing to compare.")
            continue
        low = 10 if 10 in done else min(done)
        high = max(done)
        print(f"**{database}**, scale {low} → {high} (data × {high / low:g}); single client = 1 connection, or "
              "sequential/first request where the page is heavy\n")
        print(f"| page | p50 ms @{low} | p50 ms @{high} | × | p99 ms @{low} | p99 ms @{high} | × "
              f"| req/s @50 @{low} | req/s @50 @{high} | × |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in done[high]["rows"]:
            if r["conns"] not in ("1", "first") and not r["conns"].startswith("seq"):
                continue
            s_low, s_high = single(done[low]["rows"], r["page"]), r
            w_low, w_high = at(done[low]["rows"], r["page"], "50"), at(done[high]["rows"], r["page"], "50")
            print(f"| {r['page']} | {number(s_low and s_low['p50'])} | {number(s_high['p50'])} "
                  f"| {ratio(s_low and s_low['p50'], s_high['p50'])} | {number(s_low and s_low['p99'])} "
                  f"| {number(s_high['p99'])} | {ratio(s_low and s_low['p99'], s_high['p99'])} "
                  f"| {number(w_low and w_low['rps'])} | {number(w_high and w_high['rps'])} "
                  f"| {ratio(w_low and w_low['rps'], w_high and w_high['rps'])} |")
        print()


def print_targets(runs, databases):
    print("\n## Targets of issue 14\n")
    for database in databases:
        done = {r["scale"]: r for r in runs if r["database"] == database and "error" not in r}
        if not done:
            continue
        scale = TARGET_SCALE if TARGET_SCALE in done else max(done)
        rows = done[scale]["rows"]
        caveat = "" if scale == TARGET_SCALE else f" — **scale {scale}, not {TARGET_SCALE}: indicative only**"
        print(f"**{database}**, scale {scale}{caveat}\n")
        print("| target | measured | |")
        print("|---|---|---|")

        def line(target, value, ok):
            print(f"| {target} | {value} | {'met' if ok else '**missed**'} |")

        first = next((r for r in rows if r["conns"] == "first"), None)
        if first:
            line("monitor first computation ≤ 3 s", f"{first['p50'] / 1000:.2f} s", first["p50"] <= 3000)
        repeat = single(rows, "monitor, repeat visit")
        if repeat:
            line("monitor repeat visit ≤ 100 ms (p99, single client)",
                 f"{number(repeat['p99'])} ms ({repeat['conns']})", repeat["p99"] <= 100)
        skip = ("monitor, first computation", "monitor, repeat visit", "/health (ceiling)")
        for page in dict.fromkeys(r["page"] for r in rows if r["page"] not in skip):
            r = single(rows, page)
            if r:
                line(f"{page}: p99 ≤ 200 ms at 1 connection", f"{number(r['p99'])} ms ({r['conns']})",
                     r["p99"] <= 200)
            else:
                failed = next(x for x in rows if x["page"] == page)
                line(f"{page}: p99 ≤ 200 ms at 1 connection", "; ".join(failed["notes"]), False)
        for page in ("case page", "case API"):
            r = at(rows, page, "50")
            if r:
                line(f"{page} at 50 connections: ≥ 1000 req/s and p99 ≤ 100 ms",
                     f"{number(r['rps'])} req/s, p99 {number(r['p99'])} ms", r["rps"] >= 1000 and r["p99"] <= 100)
            else:
                line(f"{page} at 50 connections: ≥ 1000 req/s and p99 ≤ 100 ms", "not measured at 50", False)
        for page in dict.fromkeys(r["page"] for r in rows if r["html"]):
            r = next(x for x in rows if x["page"] == page)
            size = max(r["bytes"], done[scale].get("case_page_max", 0) if page == "case page" else 0)
            line(f"{page}: HTML ≤ 300 KB", f"{size / 1024:,.0f} KB", size <= 300 * 1024)
        print()


def print_duckdb(results):
    print("\n## The monitor's facts beside DuckDB (not over HTTP; no process start-up counted)\n")
    print("| scale | trajectories | generate facts s | Koers read CSV s | Koers tally s | DuckDB load s "
          "| DuckDB query s | cells checked | mismatches |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for d in results:
        if "error" in d:
            print(f"| {d['scale']} | failed: {d['error']} | | | | | | | |")
            continue
        print(f"| {d['scale']} | {d['records']:,} | {d['generate']:.2f} | {d['tally_read']:.3f} | {d['tally']:.3f} "
              f"| {d['duck_load']:.3f} | {d['duck_query']:.3f} | {d['compared']:,} | {d['mismatches']} |")
    print("\n- Koers tally = `koers bench monitor`: component: in-memory tally (not the product's path — the web "
          "monitor reads the database; see the monitor rows above).")
    print("- DuckDB query = one reference date's raw counts (the SQL of scripts/bench_monitor.py), no suppression; "
          "Koers's tally builds every quarter's report with suppression. Cells checked = published cells of the "
          "tally equal to DuckDB's counts.")
    print("- Facts come from the generator (`koers bench facts`, same seed), without the demo's meetings, "
          "transfers and escalations, so they are the served database's population but not every one of its "
          "events.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--databases", default="sqlite postgres")
    parser.add_argument("--scales", default="1 10 48")
    parser.add_argument("--sqlite-extra-scales", default="", help="scales run on SQLite only (SCALE480=1 → 480)")
    parser.add_argument("--postgres-url", default=os.environ.get("KOERS_TEST_POSTGRES_URL", ""))
    parser.add_argument("--postgres-dir", default=os.environ.get("PG_THROWAWAY_DIR", ""),
                        help="the throwaway cluster's folder, to wait for its backends to be idle too")
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--connections", default="1 50")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--heavy", type=float, default=1.0, help="seconds of one request above which wrk is skipped")
    parser.add_argument("--load-timeout", type=int, default=7200)
    parser.add_argument("--request-timeout", type=int, default=300)
    parser.add_argument("--duckdb", type=int, default=1)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--pids", required=True, help="file the server pids are appended to (killed by the caller)")
    a = parser.parse_args()
    a.connections = [int(c) for c in a.connections.split()]
    a.repeat = max(1, min(a.repeat, 100))
    duration_seconds(a.duration)
    databases = a.databases.split()
    scales = [int(s) for s in a.scales.split()]
    extra = [int(s) for s in a.sqlite_extra_scales.split() if int(s) not in scales]
    for database in databases:
        if database not in ("sqlite", "postgres"):
            raise SystemExit(f"unknown database {database!r}: use sqlite and/or postgres")
    if "postgres" in databases and not a.postgres_url:
        raise SystemExit("postgres needs --postgres-url (KOERS_TEST_POSTGRES_URL)")

    # SIGTERM and SIGINT end the run through the finally blocks, which stop the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    observations = set()
    runs = []
    started = time.perf_counter()
    for database in databases:
        for scale in scales + (extra if database == "sqlite" else []):
            if database == "sqlite":
                path = os.path.join(a.folder, f"bench-{scale}.sqlite")
                url = f"sqlite://{path}"
            else:
                path, url = None, a.postgres_url
            try:
                runs.append(measure_run(a, database, url, scale, a.folder, a.pids, observations))
            except Exception as error:  # one failed run does not hide the others
                log(f"   {database}, scale {scale} failed: {error}")
                runs.append({"database": database, "scale": scale, "error": str(error)[:2000]})
                observations.add(f"{database}, scale {scale}: the run failed: {str(error)[:300]}")
            finally:
                if path and not os.environ.get("KEEP_DATABASES"):
                    for suffix in ("", "-wal", "-shm"):
                        if os.path.exists(path + suffix):
                            os.remove(path + suffix)

    duck = []
    if a.duckdb:
        for scale in sorted(set(scales + extra)):
            log(f"== facts and DuckDB, scale {scale}")
            try:
                duck.append(facts_and_duckdb(a, scale, a.folder))
            except Exception as error:
                log(f"   failed: {error}")
                duck.append({"scale": scale, "error": str(error)[:300]})

    print(f"# Koers over HTTP: pilot-2022 demo at scales {' '.join(map(str, scales))}"
          + (f" (+{' '.join(map(str, extra))} on SQLite)" if extra else ""))
    print(f"\nwrk {a.duration} per row at {', '.join(map(str, a.connections))} connections, "
          f"{os.cpu_count()} cores shared by server, wrk and database; binary {a.binary}; "
          f"pages slower than {a.heavy:g} s per request timed as {a.repeat} sequential requests (seq×{a.repeat}). "
          f"Total run {(time.perf_counter() - started) / 60:.1f} min.")
    print("\n## Pages")
    for r in runs:
        print_run(r)
    print_comparison(runs, databases)
    print_targets(runs, databases)
    if duck:
        print_duckdb(duck)
    if observations:
        print("\n## Observations\n")
        for o in sorted(observations):
            print(f"- {o}")
    sys.exit(1 if any("error" in r for r in runs) else 0)


if __name__ == "__main__":
    main()
