#!/usr/bin/env python3
"""Independent oracle for einvoice's business-rule validator.

Runs the `fatoority` package from PyPI (ZATCA's EN 16931 and KSA schematron rules, SDK profile
238-R3.4.8, compiled into a native library) over XML files and prints, as JSON, the rule IDs it
reports for each file:

    {"/path/a.xml": [{"rule": "BR-KSA-40", "severity": "error", "stage": "ksa"}, ...], ...}

Only the schematron stages (`cen`, `ksa`) are reported, plus one `XSD-INVALID` entry when the
document fails the UBL schema (fatoority then skips the rules); the signature, QR and chain
stages are other tests' business. Usage: fatoority_rules.py --evaluated-at 2023-01-01T00:00:00Z FILE...
"""
import argparse
import json
import sys

try:
    from fatoora import Config, validate_zatca_invoice_from_str
except ImportError:  # pragma: no cover - reported to the Swift test as a clear skip reason
    print(json.dumps({"error": "fatoority is not installed (pip install fatoority)"}))
    sys.exit(3)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--evaluated-at", default="2023-01-01T00:00:00Z")
    parser.add_argument("files", nargs="+")
    arguments = parser.parse_args()
    results = {}
    with Config() as config:
        for path in arguments.files:
            with open(path, encoding="utf-8") as handle:
                xml = handle.read()
            try:
                report = validate_zatca_invoice_from_str(config, xml, evaluated_at=arguments.evaluated_at)
            except Exception as error:  # a document fatoority cannot evaluate
                report = getattr(error, "details", {}).get("report") or {"stages": []}
                results[path] = [{"rule": "FATOORITY-ERROR", "severity": "error", "stage": "oracle", "message": str(error)[:300]}]
            findings = results.setdefault(path, [])
            for stage in report.get("stages", []):
                if stage.get("stage") == "xsd" and stage.get("findings"):
                    findings.append({"rule": "XSD-INVALID", "severity": "error", "stage": "xsd"})
                if stage.get("stage") not in ("cen", "ksa"):
                    continue
                for finding in stage.get("findings", []):
                    findings.append({"rule": finding["code"], "severity": finding["severity"], "stage": stage["stage"]})
    json.dump(results, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
