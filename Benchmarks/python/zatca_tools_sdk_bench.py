#!/usr/bin/env python3
"""The Python peer for `einvoice load sign`: zatca-tools-sdk (PyPI) building, hashing, signing and
making the QR of a three-line simplified invoice in one process, as fast as it can.

Usage: zatca_tools_sdk_bench.py --vectors DIR [--seconds 10] [--processes 1] [--json]
"""
import argparse
import json
import multiprocessing
import os
import textwrap
import time


def credentials(vectors):
    with open(os.path.join(vectors, "certs/cert.pem")) as handle:
        certificate = "".join(handle.read().split())
    with open(os.path.join(vectors, "certs/ec-secp256k1-priv-key.pem")) as handle:
        key = "".join(handle.read().split())
    pem = "-----BEGIN EC PRIVATE KEY-----\n" + "\n".join(textwrap.wrap(key, 64)) + "\n-----END EC PRIVATE KEY-----\n"
    return {"certificate": certificate, "secret": "benchmark", "private_key": pem}


def worker(vectors, seconds, results):
    from zatca_tools import Zatca

    zatca = Zatca("sandbox", credentials=credentials(vectors))
    invoice = {
        "type": "simplified",
        "items": [
            {"name": "قلم | Pen", "quantity": 2, "unit_price": 50},
            {"name": "دفتر | Notebook", "quantity": 1, "unit_price": 250},
        ],
    }
    for warm in range(50):
        zatca.create_invoice({**invoice, "number": f"WARM-{os.getpid()}-{warm}"})
    count, started = 0, time.perf_counter()
    latencies = []
    while time.perf_counter() - started < seconds:
        begin = time.perf_counter()
        zatca.create_invoice({**invoice, "number": f"PY-{os.getpid()}-{count}"})
        latencies.append(time.perf_counter() - begin)
        count += 1
    results.put((count, time.perf_counter() - started, latencies))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vectors", required=True)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=worker, args=(args.vectors, args.seconds, results)) for _ in range(args.processes)]
    for process in workers:
        process.start()
    outcomes = [results.get() for _ in workers]
    for process in workers:
        process.join()
    total = sum(count for count, _, _ in outcomes)
    elapsed = max(seconds for _, seconds, _ in outcomes)
    latencies = sorted(latency for _, _, values in outcomes for latency in values)
    report = {
        "peer": "zatca-tools-sdk",
        "processes": args.processes,
        "invoices": total,
        "seconds": elapsed,
        "invoices_per_second": total / elapsed,
        "p50_ms": latencies[len(latencies) // 2] * 1000 if latencies else None,
        "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000 if latencies else None,
    }
    print(json.dumps(report) if args.json else f"zatca-tools-sdk: {report['invoices_per_second']:.0f} invoices/s ({args.processes} process(es), p50 {report['p50_ms']:.2f} ms, p99 {report['p99_ms']:.2f} ms)")


if __name__ == "__main__":
    main()
