"""Scale-out on PostgreSQL: one `koers serve` beside two behind one port, over HTTP, with wrk.

Driven by scripts/bench-scaleout.sh (which builds the release binary, starts a throwaway PostgreSQL cluster and
cleans up); see its header for the options. Loads the pilot-2022 demo at --scale into PostgreSQL, then measures
the same pages three ways: one instance directly, one instance behind haproxy (the proxy's own cost), and two
instances behind haproxy (round robin). Rows: the case API and the case page (rotating over up to 1000 cases of
the largest location), the case list, and posting a note through the API (a write: one transaction with its
processing-log row). Markdown goes to standard output, progress to standard error.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import time

from bench_http import (Http, Server, free_port, log, login, number, parse_accounts, run, settle,
                        database_pids, wrk, wrk_script, duration_seconds)

HAPROXY = """global
  maxconn 4096
defaults
  mode http
  timeout connect 5s
  timeout client 120s
  timeout server 120s
  option http-keep-alive
frontend koers
  bind 127.0.0.1:{port}
  default_backend instances
backend instances
  balance roundrobin
{servers}
"""


def note_script(ids, token, file):
    """A wrk script that posts a note to each case in turn and counts answers other than 200."""
    wrk_script([f"/api/v1/trajectories/{i}/notes" for i in ids],
               {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}, file, method="POST",
               body="""'{"classification":"general","text":"benchmark note ' .. n .. '"}'""")


class Proxy:
    """haproxy on a free loopback port in front of the given instance ports."""

    def __init__(self, ports, folder, pids):
        self.port = free_port()
        config = os.path.join(folder, f"haproxy-{len(ports)}.cfg")
        with open(config, "w") as f:
            f.write(HAPROXY.format(port=self.port, servers="\n".join(
                f"  server s{i} 127.0.0.1:{p}" for i, p in enumerate(ports))))
        self.process = subprocess.Popen(["haproxy", "-f", config, "-db"], stdout=subprocess.DEVNULL,
                                        stderr=open(os.path.join(folder, "haproxy.log"), "a"))
        with open(pids, "a") as f:
            f.write(f"{self.process.pid}\n")
        get = Http(self.port, 10)
        for _ in range(100):
            try:
                if get("GET", "/health")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("haproxy did not answer")

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--postgres-url", required=True)
    parser.add_argument("--postgres-dir", default=os.environ.get("PG_THROWAWAY_DIR", ""))
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--pids", required=True)
    a = parser.parse_args()
    seconds = duration_seconds(a.duration)
    env = dict(os.environ, KOERS_DATABASE_URL=a.postgres_url)

    log(f"== loading the pilot-2022 demo at scale {a.scale} into PostgreSQL")
    started = time.perf_counter()
    out = run([a.binary, "demo", "--scenario", "pilot-2022", "--scale", str(a.scale)], env, 7200)
    load = time.perf_counter() - started
    accounts = parse_accounts(out)
    if not any(e == "ngo.amsterdam@demo.koers.nl" for _, _, e in accounts):
        raise SystemExit("the demo printed no ngo.amsterdam account")
    ngo = "ngo.amsterdam@demo.koers.nl"
    token = run([a.binary, "token", "create", "--user", ngo], env, 120).strip().splitlines()[-1]

    servers = [Server(a.binary, a.postgres_url, a.folder, a.pids, f"instance-{n}") for n in (1, 2)]
    proxies = []
    rows = []
    try:
        for server in servers:
            server.wait(Http(server.port, 60), 300)
        get = Http(servers[0].port, 300)
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
        cookie = login(get, ngo)  # a session in the database: valid on either instance
        api = {"Authorization": f"Bearer {token}"}
        pages = [
            ("case API", [f"/api/v1/trajectories/{i}" for i in ids], api),
            ("case page", [f"/cases/{i}" for i in ids], {"Cookie": cookie}),
            ("case list", ["/cases"], {"Cookie": cookie}),
        ]
        proxies = [Proxy([servers[0].port], a.folder, a.pids),
                   Proxy([servers[0].port, servers[1].port], a.folder, a.pids)]
        setups = [("one instance, direct", servers[0].port), ("one instance behind haproxy", proxies[0].port),
                  ("two instances behind haproxy", proxies[1].port)]
        watched = [s.process.pid for s in servers] + (database_pids(a.postgres_dir) if a.postgres_dir else [])
        script = os.path.join(a.folder, "run.lua")
        for label, paths, headers in pages + [("note API (write)", None, None)]:
            for setup, port in setups:
                settle(watched)
                if paths is None:
                    note_script(ids[:200], token, script)
                else:
                    wrk_script(paths, headers, script)
                r = wrk(f"http://127.0.0.1:{port}", script, a.connections, a.duration, seconds)
                rows.append({"page": label, "setup": setup, **r})
                log(f"   {label}, {setup}: {r['rps']:.0f} req/s, p50 {number(r['p50'])} ms, "
                    f"p99 {number(r['p99'])} ms {'; '.join(r['notes'])}")
    finally:
        for proxy in proxies:
            proxy.stop()
        for server in servers:
            server.stop()

    print(f"# Koers scale-out on PostgreSQL: pilot-2022 demo at scale {a.scale}")
    print(f"\nwrk {a.duration} per row at {a.connections} connections; {os.cpu_count()} cores shared by wrk, "
          f"haproxy, the Koers instances and PostgreSQL; binary {a.binary}. Demo loaded in {load:.0f} s. "
          f"Signed in as {ngo}; {len(ids)} of its cases rotate.")
    print("\n| page | setup | req/s | p50 ms | p99 ms | notes |")
    print("|---|---|---:|---:|---:|---|")
    for r in rows:
        print(f"| {r['page']} | {r['setup']} | {number(r['rps'])} | {number(r['p50'])} | {number(r['p99'])} "
              f"| {'; '.join(r['notes'])} |")
    print("\n## Two instances against one\n")
    print("| page | one instance behind haproxy, req/s | two instances behind haproxy, req/s | two ÷ one |")
    print("|---|---:|---:|---:|")
    for label in dict.fromkeys(r["page"] for r in rows):
        one = next(r["rps"] for r in rows if r["page"] == label and r["setup"] == "one instance behind haproxy")
        two = next(r["rps"] for r in rows if r["page"] == label and r["setup"] == "two instances behind haproxy")
        print(f"| {label} | {number(one)} | {number(two)} | {two / one:.2f}× |" if one
              else f"| {label} | – | – | – |")
    sys.exit(0)


if __name__ == "__main__":
    main()
