#!/usr/bin/env python3
"""A real SMTP server on loopback for einvoice's notification tests (aiosmtpd from PyPI).

Each accepted message is written to OUT/<n>.eml (the bytes as received) with OUT/<n>.json
(envelope: mail_from, rcpt_tos). Writes the port it listens on to --port-file once ready.

Usage: smtp_sink.py --out DIR --port-file FILE [--auth USER:PASSWORD] [--delay SECONDS]
                    [--hold-after N] [--tls-cert CERT --tls-key KEY]   (offers STARTTLS)

--hold-after N: after N messages, every further DATA waits (unanswered) until the file OUT/release
exists, so a test can kill the sender while messages are certainly still in flight.
"""
import argparse
import asyncio
import json
import os
import socket
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, out, delay, hold_after=None):
        self.out, self.delay, self.count, self.lock = out, delay, 0, threading.Lock()
        self.hold_after = hold_after

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.hold_after is not None:
            while self.count >= self.hold_after and not os.path.exists(os.path.join(self.out, "release")):
                await asyncio.sleep(0.05)
        with self.lock:
            self.count += 1
            number = self.count
        path = os.path.join(self.out, f"{number:05d}")
        with open(path + ".eml.part", "wb") as handle:
            handle.write(envelope.original_content)
        with open(path + ".json", "w") as handle:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "tls": session.ssl is not None,
                       "authenticated": bool(session.authenticated)}, handle)
        os.rename(path + ".eml.part", path + ".eml")
        return "250 OK queued as %05d" % number


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--auth")
    parser.add_argument("--delay", type=float, default=0)
    parser.add_argument("--hold-after", type=int)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    arguments = parser.parse_args()
    os.makedirs(arguments.out, exist_ok=True)

    options = {}
    if arguments.auth:
        user, password = arguments.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok)

        options.update(authenticator=authenticator, auth_required=True, auth_require_tls=bool(arguments.tls_cert))
    if arguments.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(arguments.tls_cert, arguments.tls_key)
        options.update(tls_context=context, require_starttls=True)
    port = free_port()
    controller = Controller(Sink(arguments.out, arguments.delay, arguments.hold_after), hostname="127.0.0.1", port=port, server_kwargs=options)
    controller.start()
    with open(arguments.port_file + ".part", "w") as handle:
        handle.write(str(port))
    os.rename(arguments.port_file + ".part", arguments.port_file)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
