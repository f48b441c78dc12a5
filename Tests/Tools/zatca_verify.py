#!/usr/bin/env python3
"""An independent verifier of ZATCA stamped invoices, for einvoice's tests.

Written from ZATCA's published rules (the SDK's samples and the BR-KSA-26 recipe), with lxml and
cryptography only, sharing no code with the Swift implementation it judges.

Usage: zatca_verify.py FILE [--expected-pih B64]   -> prints a JSON report, exit 0 when all pass.
"""
import base64
import hashlib
import json
import sys

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from lxml import etree

NS = {
    "inv": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "ext": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
    "sig": "urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2",
    "sac": "urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2",
    "ds": "http://www.w3.org/2000/09/xmldsig#",
    "xades": "http://uri.etsi.org/01903/v1.3.2#",
}


def invoice_hash(raw: bytes) -> str:
    """Remove UBLExtensions, cac:Signature and the QR reference (keeping surrounding text),
    canonicalize (inclusive C14N without comments), SHA-256, base64."""
    parser = etree.XMLParser(remove_blank_text=False, resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(raw, parser)
    doomed = root.xpath("//ext:UBLExtensions | //cac:Signature | //cac:AdditionalDocumentReference[cbc:ID='QR']", namespaces=NS)
    for element in doomed:
        parent = element.getparent()
        # Keep the text that followed the element: attach it to the previous sibling or parent.
        tail = element.tail or ""
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(element)
    canonical = etree.tostring(root, method="c14n", exclusive=False, with_comments=False)
    return base64.b64encode(hashlib.sha256(canonical).digest()).decode()


def text(root, path):
    found = root.xpath(path, namespaces=NS)
    if not found:
        return None
    value = found[0] if isinstance(found[0], str) else found[0].text
    return None if value is None else value.strip()


def tlv_decode(data: bytes):
    fields, i = {}, 0
    while i < len(data):
        if i + 2 > len(data):
            raise ValueError("truncated TLV")
        tag, length = data[i], data[i + 1]
        value = data[i + 2 : i + 2 + length]
        if len(value) != length:
            raise ValueError("truncated TLV value")
        fields[tag] = value
        i += 2 + length
    return fields


def signed_properties_digest(raw: bytes) -> str:
    start = raw.index(b"<xades:SignedProperties")
    end = raw.index(b"</xades:SignedProperties>") + len(b"</xades:SignedProperties>")
    element = raw[start:end].decode()
    element = element.replace("<xades:SignedProperties", '<xades:SignedProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#"', 1)
    out, rest = [], element
    while "<ds:" in rest:
        before, after = rest.split("<ds:", 1)
        name_end = min([i for i in (after.find(" "), after.find(">"), after.find("/")) if i >= 0])
        out.append(before + "<ds:" + after[:name_end] + ' xmlns:ds="http://www.w3.org/2000/09/xmldsig#"')
        rest = after[name_end:]
    out.append(rest)
    digest = hashlib.sha256("".join(out).encode()).hexdigest()
    return base64.b64encode(digest.encode()).decode()


def issuer_name(cert: x509.Certificate) -> str:
    parts = []
    for rdn in reversed(list(cert.issuer.rdns)):
        for attribute in rdn:
            parts.append(f"{attribute.rfc4514_attribute_name}={attribute.value}")
    return ", ".join(parts)


def verify(raw: bytes, expected_pih=None):
    checks = {}
    root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    sig_path = "/inv:Invoice/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/sig:UBLDocumentSignatures/sac:SignatureInformation/ds:Signature"
    claimed = text(root, sig_path + "/ds:SignedInfo/ds:Reference[@Id='invoiceSignedData']/ds:DigestValue")
    recomputed = invoice_hash(raw)
    checks["invoice-hash"] = (recomputed == claimed, recomputed, claimed)

    cert_b64 = "".join((text(root, sig_path + "/ds:KeyInfo/ds:X509Data/ds:X509Certificate") or "").split())
    cert = x509.load_der_x509_certificate(base64.b64decode(cert_b64))
    public_key = cert.public_key()
    signature_b64 = "".join((text(root, sig_path + "/ds:SignatureValue") or "").split())
    try:
        public_key.verify(base64.b64decode(signature_b64), base64.b64decode(claimed), ec.ECDSA(hashes.SHA256()))
        checks["signature-value"] = (True, None, None)
    except (InvalidSignature, ValueError) as error:
        checks["signature-value"] = (False, "valid", str(error) or "invalid")

    props = sig_path + "/ds:Object/xades:QualifyingProperties/xades:SignedProperties"
    expected_props = signed_properties_digest(raw)
    found_props = text(root, sig_path + "/ds:SignedInfo/ds:Reference[@URI='#xadesSignedProperties']/ds:DigestValue")
    checks["signed-properties-digest"] = (expected_props == found_props, expected_props, found_props)

    cert_digest = base64.b64encode(hashlib.sha256(cert_b64.encode()).hexdigest().encode()).decode()
    cert_path = props + "/xades:SignedSignatureProperties/xades:SigningCertificate/xades:Cert"
    found_digest = text(root, cert_path + "/xades:CertDigest/ds:DigestValue")
    checks["certificate-digest"] = (cert_digest == found_digest, cert_digest, found_digest)
    checks["issuer-name"] = (issuer_name(cert) == text(root, cert_path + "/xades:IssuerSerial/ds:X509IssuerName"), issuer_name(cert), text(root, cert_path + "/xades:IssuerSerial/ds:X509IssuerName"))
    checks["serial-number"] = (str(cert.serial_number) == text(root, cert_path + "/xades:IssuerSerial/ds:X509SerialNumber"), str(cert.serial_number), text(root, cert_path + "/xades:IssuerSerial/ds:X509SerialNumber"))

    qr_b64 = "".join((text(root, "/inv:Invoice/cac:AdditionalDocumentReference[cbc:ID='QR']/cac:Attachment/cbc:EmbeddedDocumentBinaryObject") or "").split())
    fields = tlv_decode(base64.b64decode(qr_b64))
    supplier = "/inv:Invoice/cac:AccountingSupplierParty/cac:Party"
    simplified = (root.xpath("string(/inv:Invoice/cbc:InvoiceTypeCode/@name)", namespaces=NS) or "").startswith("02")
    expected_tags = {
        1: text(root, supplier + "/cac:PartyLegalEntity/cbc:RegistrationName").encode(),
        2: text(root, supplier + "/cac:PartyTaxScheme/cbc:CompanyID").encode(),
        3: (text(root, "/inv:Invoice/cbc:IssueDate") + "T" + text(root, "/inv:Invoice/cbc:IssueTime")).encode(),
        4: text(root, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount").encode(),
        5: text(root, "/inv:Invoice/cac:TaxTotal[1]/cbc:TaxAmount").encode(),
        6: claimed.encode(),
        7: signature_b64.encode(),
        8: public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo),
    }
    if simplified:
        expected_tags[9] = cert.signature
    for tag, expected in expected_tags.items():
        checks[f"qr-tag-{tag}"] = (fields.get(tag) == expected, repr(expected), repr(fields.get(tag)))
    if not simplified:
        checks["qr-tag-9-absent"] = (9 not in fields, "absent", repr(fields.get(9)))

    if expected_pih is not None:
        pih = text(root, "/inv:Invoice/cac:AdditionalDocumentReference[cbc:ID='PIH']/cac:Attachment/cbc:EmbeddedDocumentBinaryObject")
        checks["previous-invoice-hash"] = (pih == expected_pih, expected_pih, pih)

    return {
        "passed": all(ok for ok, _, _ in checks.values()),
        "invoice_hash": recomputed,
        "qr_tlv_base64": qr_b64,
        "checks": {name: {"passed": ok, "expected": e, "found": f} for name, (ok, e, f) in checks.items()},
    }


def main():
    path = sys.argv[1]
    expected_pih = sys.argv[sys.argv.index("--expected-pih") + 1] if "--expected-pih" in sys.argv else None
    with open(path, "rb") as handle:
        report = verify(handle.read(), expected_pih)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    sys.exit(0 if report["passed"] else 1)


if __name__ == "__main__":
    main()
