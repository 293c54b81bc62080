"""OpenTelemetry traces as an operator turns them on: `KOERS_TRACING=otlp` and the standard
OTEL_EXPORTER_OTLP_ENDPOINT. A small OTLP/HTTP collector on loopback receives what Koers exports.

- A request with a `traceparent` is exported as a span of that trace; `traceresponse` and the
  processing log carry the same trace and span ids as the exported span.
- A search's query string (a name) is not in what leaves Koers.
- Without KOERS_TRACING nothing is exported, whatever OTEL_* says.
"""
import http.server
import sqlite3
import tempfile
import threading
import time
import urllib.request

from conftest import free_port
from test_operations import Server, a_case, prepared

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
CALLER_SPAN = "00f067aa0ba902b7"


class Collector:
    """Records every OTLP/HTTP export: (path, body)."""

    def __init__(self):
        self.received = []
        received = self.received

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                received.append((self.path, self.headers.get("Content-Type"), body))
                self.send_response(200)
                self.send_header("Content-Type", "application/x-protobuf")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.port = free_port()
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_for(self, *needles, seconds=15):
        """The first export that holds every needle (a batch may hold only some of a trace's spans)."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            for path, _, body in list(self.received):
                if path == "/v1/traces" and all(needle in body for needle in needles):
                    return body
            time.sleep(0.2)
        return None

    def close(self):
        self.server.shutdown()


def traced_read(server, token, case):
    request = urllib.request.Request(
        f"{server.base}/api/v1/trajectories/{case}?q=Geheimenaam",
        headers={"Authorization": f"Bearer {token}", "traceparent": f"00-{TRACE_ID}-{CALLER_SPAN}-01"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 200
        return answer.headers["traceresponse"]


def test_a_traced_request_is_exported_under_the_callers_trace():
    folder = tempfile.mkdtemp(prefix="koers-tracing-")
    database = f"sqlite://{folder}/koers.sqlite"
    token = prepared(database)
    collector = Collector()
    server = Server(database, KOERS_TRACING="otlp", OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{collector.port}",
                    OTEL_BSP_SCHEDULE_DELAY="200")
    try:
        case = a_case(server.base, token)
        version, trace, span, flags = traced_read(server, token, case).split("-")
        assert (version, trace, flags) == ("00", TRACE_ID, "01") and span != CALLER_SPAN
        # The database's spans end before the request's and may be exported in an earlier batch of their own.
        exported = collector.wait_for(bytes.fromhex(TRACE_ID), bytes.fromhex(CALLER_SPAN), b"/api/v1/trajectories/{id}")
        assert exported is not None, f"the request's span did not reach the collector: {collector.received[:3]}"
        # The exported span is the one named in traceresponse, a child of the caller's span.
        assert bytes.fromhex(span) in exported and bytes.fromhex(CALLER_SPAN) in exported
        assert b"/api/v1/trajectories/{id}" in exported
        assert all(b"Geheimenaam" not in body for _, _, body in collector.received)
        assert all(kind == "application/x-protobuf" for _, kind, _ in collector.received)
    finally:
        assert server.stop() == 0
        collector.close()
    rows = sqlite3.connect(f"{folder}/koers.sqlite").execute(
        "SELECT trace_id, span_id FROM processing_log WHERE activity = 'case.read' AND trace_id = ?",
        (TRACE_ID,)).fetchall()
    assert rows and all(s == span for _, s in rows)


def test_tracing_is_off_unless_asked_for():
    folder = tempfile.mkdtemp(prefix="koers-tracing-")
    database = f"sqlite://{folder}/koers.sqlite"
    token = prepared(database)
    collector = Collector()
    server = Server(database, OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{collector.port}",
                    OTEL_BSP_SCHEDULE_DELAY="200")
    try:
        traced_read(server, token, a_case(server.base, token))
        time.sleep(2)
    finally:
        assert server.stop() == 0
        collector.close()
    assert collector.received == []
