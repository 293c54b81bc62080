"""Concurrent writers on one case over HTTP: N threads post notes without If-Match for S seconds and the
answers are counted by status. A client that sent no version should never see 409.

  .venv/bin/python scripts/concurrent_notes.py --base http://127.0.0.1:8080 --token koers_… --case UUID \
      --writers 6 --seconds 60

Prints a Markdown table (status, answers, share) and the notes per second.
"""
import argparse
import collections
import http.client
import json
import threading
import time
import urllib.parse


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--case", required=True)
    parser.add_argument("--writers", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=60)
    a = parser.parse_args()
    url = urllib.parse.urlsplit(a.base)
    counts, lock = collections.Counter(), threading.Lock()
    deadline = time.monotonic() + a.seconds

    def writer(number):
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        n = 0
        while time.monotonic() < deadline:
            body = json.dumps({"classification": "general", "text": f"writer {number} note {n}"})
            try:
                connection.request("POST", f"/api/v1/trajectories/{a.case}/notes", body,
                                   {"Authorization": f"Bearer {a.token}", "Content-Type": "application/json"})
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                status = type(error).__name__
                connection.close()
                connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            with lock:
                counts[status] += 1
            n += 1

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(a.writers)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    total = sum(counts.values())
    print(f"{a.writers} writers, {elapsed:.0f} s, one case, notes without If-Match: {total} answers, "
          f"{counts.get(200, 0) / elapsed:.0f} notes/s\n")
    print("| status | answers | share |")
    print("|---|---:|---:|")
    for status, n in sorted(counts.items(), key=lambda kv: str(kv[0])):
        print(f"| {status} | {n} | {100 * n / total:.1f}% |")


if __name__ == "__main__":
    main()
