#!/usr/bin/env python3
"""A webhook receiver on loopback for einvoice's notification tests: checks each request's
HMAC-SHA256 signature (X-Einvoice-Signature over "<X-Einvoice-Timestamp>.<body>") itself and
records OUT/<n>.json with the headers, the body and whether the signature was valid.

Answers 200, except: --fail-first N answers 503 to the first N requests; --status CODE
answers CODE to every request; --delay SECONDS waits before answering. Writes its port to --port-file once ready.
"""
import argparse
import hashlib
import hmac
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--status", type=int, default=200)
    parser.add_argument("--delay", type=float, default=0, help="seconds to wait before answering")
    arguments = parser.parse_args()
    os.makedirs(arguments.out, exist_ok=True)
    state = {"count": 0}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            timestamp = self.headers.get("X-Einvoice-Timestamp", "")
            expected = "sha256=" + hmac.new(arguments.secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
            valid = hmac.compare_digest(expected, self.headers.get("X-Einvoice-Signature", ""))
            with lock:
                state["count"] += 1
                number = state["count"]
            status = 503 if number <= arguments.fail_first else arguments.status
            if arguments.delay:
                time.sleep(arguments.delay)
            record = {"number": number, "path": self.path, "headers": dict(self.headers), "body": body.decode("utf-8"),
                      "signature_valid": valid, "answered": status}
            # Written aside, then renamed: a reader that sees the .json sees all of it.
            path = os.path.join(arguments.out, f"{number:05d}.json")
            with open(path + ".part", "w") as handle:
                json.dump(record, handle, ensure_ascii=False)
            os.rename(path + ".part", path)
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(arguments.port_file + ".part", "w") as handle:
        handle.write(str(server.server_address[1]))
    os.rename(arguments.port_file + ".part", arguments.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
