"""The fake PE-online service on 127.0.0.1, for the tests: a real HTTP server on a free port.

``mode`` says how it answers the next calls:
- "judge": as PE-online documents, per row (accreditation.fake_pe_online.judge);
- "timeout": only after ``delay`` seconds (longer than the client waits);
- "garbage": text that is not XML; "not-summary": XML that is no PE-online summary;
- "http-500": an HTTP error; "wrapped": the judged summary inside an ASMX ``<string>``;
- "echo": an HTML error page that repeats what it was sent (the key among it).
Every form it received is kept in ``received`` (the decoded ``sXML`` documents).
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs
from xml.sax.saxutils import escape

from accreditation.fake_pe_online import judge


class FakePeOnline:
    def __init__(self):
        self.mode = "judge"
        self.delay = 2.0
        self.received: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 — the name http.server calls
                length = int(self.headers.get("Content-Length", 0))
                form = parse_qs(self.rfile.read(length).decode("utf-8"))
                sxml = form.get("sXML", [""])[0]
                fake.received.append(sxml)
                status, body = fake.answer(sxml)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "text/xml; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped waiting (the timeout test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/pe-services/pe-attendanceelearning/WriteAttendance.asmx/ProcessXML"

    def answer(self, sxml: str) -> tuple[int, bytes]:
        if self.mode == "timeout":
            time.sleep(self.delay)
            return 200, judge(sxml) or b""
        if self.mode == "garbage":
            return 200, b"Service Unavailable \x00\xff het ging mis"
        if self.mode == "not-summary":
            return 200, b"<?xml version='1.0'?><Fault><reason>onbekend</reason></Fault>"
        if self.mode == "http-500":
            return 500, b"<html><body>Runtime Error</body></html>"
        if self.mode == "echo":
            return 200, f"<html><body>Fout in {escape(sxml)}</body></html>".encode()
        summary = judge(sxml)
        if summary is None:
            return 400, b"sXML is geen Entry-document."
        if self.mode == "wrapped":
            text = escape(summary.decode("utf-8"))
            return 200, f'<string xmlns="http://tempuri.org/">{text}</string>'.encode()
        return 200, summary

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
