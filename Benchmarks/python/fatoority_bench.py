#!/usr/bin/env python3
"""The baseline for `rpc-bench invoices`: fatoority (PyPI; ZATCA's XSD and schematron rules compiled
into a native library) validating one XML document in a loop on one thread.

Usage: fatoority_bench.py [--seconds 3] FILE  → {"per_second": N}
"""
import argparse
import json
import time

from fatoora import Config, validate_zatca_invoice_from_str


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("file")
    arguments = parser.parse_args()
    with open(arguments.file, encoding="utf-8") as handle:
        xml = handle.read()
    with Config() as config:
        for _ in range(3):
            validate_zatca_invoice_from_str(config, xml, evaluated_at="2023-01-01T00:00:00Z")
        count, started = 0, time.perf_counter()
        while time.perf_counter() - started < arguments.seconds:
            validate_zatca_invoice_from_str(config, xml, evaluated_at="2023-01-01T00:00:00Z")
            count += 1
        print(json.dumps({"per_second": count / (time.perf_counter() - started)}))


if __name__ == "__main__":
    main()
