#!/usr/bin/env python3
"""Parses e-mails with Python's standard `email` package (an outside judge of our MIME) and prints
JSON per file: decoded subject, headers, text and HTML bodies, and each attachment's file name,
type, size and SHA-256.

Usage: mime_check.py FILE.eml...
"""
import hashlib
import json
import sys
from email import policy
from email.parser import BytesParser


def describe(path):
    with open(path, "rb") as handle:
        message = BytesParser(policy=policy.default).parse(handle)
    result = {"file": path, "subject": str(message["Subject"]), "from": str(message["From"]), "to": str(message["To"]),
              "message_id": str(message["Message-ID"]), "idempotency_key": str(message["X-Einvoice-Idempotency-Key"]),
              "content_type": message.get_content_type(), "defects": [type(d).__name__ for d in message.defects],
              "attachments": []}
    for part in message.walk():
        result["defects"] += [type(d).__name__ for d in part.defects]
        if part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment":
            data = part.get_content()
            data = data if isinstance(data, bytes) else data.encode("utf-8")
            result["attachments"].append({"filename": part.get_filename(), "content_type": part.get_content_type(),
                                          "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
        elif part.get_content_type() == "text/plain":
            result["text"] = part.get_content()
        elif part.get_content_type() == "text/html":
            result["html"] = part.get_content()
    return result


if __name__ == "__main__":
    json.dump([describe(path) for path in sys.argv[1:]], sys.stdout, ensure_ascii=False)
