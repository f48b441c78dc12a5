import UBLXML
import Foundation
import ZATCACrypto
import ZATCAQR

/// Checks any stamped document, ours or anybody's, the way ZATCA does: the invoice hash, the
/// signature, the signed-properties and certificate digests, the issuer and serial, every QR tag
/// against the document and the certificate, and (when the caller knows it) the chain's PIH.
public enum InvoiceVerifier {
    public static func verify(_ document: [UInt8], expectedPreviousHash: String? = nil, maxDocumentSize: Int = 10 << 20) -> VerificationReport {
        var report = VerificationReport()
        guard document.count <= maxDocumentSize else {
            report.checks.append(.init(id: "document", name: "Document", passed: false, detail: XMLStampError.tooLarge(bytes: document.count, limit: maxDocumentSize).description))
            return report
        }
        document.withUnsafeBytes { text in
            do throws(XMLStampError) {
                try verify(text, document: document, expectedPreviousHash: expectedPreviousHash, into: &report)
            } catch {
                report.checks.append(.init(id: "document", name: "Document", passed: false, detail: error.description))
            }
        }
        return report
    }

    private static func verify(_ text: UnsafeRawBufferPointer, document: [UInt8], expectedPreviousHash: String?, into report: inout VerificationReport) throws(XMLStampError) {
        let root = try XMLSpanScanner.scan(text)
        func string(_ span: XMLSpan?) -> String? {
            guard let span, !span.isEmptyElementTag else { return nil }
            let raw = String(decoding: UnsafeRawBufferPointer(rebasing: text[span.startTagEnd..<span.contentEnd]), as: UTF8.self)
            return XMLEscaping.unescape(raw[...]).trimmingWhitespace()
        }
        func compact(_ value: String?) -> String? { value?.filter { !$0.isWhitespace } }

        report.facts["id"] = string(root.first("ID"))
        report.facts["uuid"] = string(root.first("UUID"))
        let references = root.children.filter { $0.localName == "AdditionalDocumentReference" }
        func reference(_ id: String) -> XMLSpan? { references.first { string($0.first("ID")) == id } }
        report.facts["icv"] = string(reference("ICV")?.first("UUID"))

        guard let signature = root.descendantByLocalNames("UBLExtensions", "UBLExtension", "ExtensionContent", "UBLDocumentSignatures", "SignatureInformation", "Signature") else {
            report.checks.append(.init(id: "signature-block", name: "Cryptographic stamp", passed: false, detail: "The document has no ext:UBLExtensions/…/ds:Signature: it was never stamped, or the stamp was removed."))
            return
        }
        let signedInfo = signature.first("SignedInfo")
        let references2 = signedInfo?.children.filter { $0.localName == "Reference" } ?? []
        let invoiceReference = references2.first { XMLAttributes.value(of: "Id", inStartTagOf: $0, text: text) == "invoiceSignedData" }
        let propertiesReference = references2.first { XMLAttributes.value(of: "URI", inStartTagOf: $0, text: text) == "#xadesSignedProperties" }
        let claimedHash = string(invoiceReference?.first("DigestValue"))
        let signatureValue = compact(string(signature.first("SignatureValue")))
        let certificateText = compact(string(signature.descendantByLocalNames("KeyInfo", "X509Data", "X509Certificate")))
        let signedProperties = signature.descendantByLocalNames("Object", "QualifyingProperties", "SignedProperties")

        // 1. Invoice hash.
        let recomputed = try InvoiceHasher.hash(of: text)
        report.add(
            "invoice-hash", "Invoice hash", expected: recomputed.base64, found: claimedHash,
            ok: "The document's content matches its signed digest.",
            failure: "The hash recomputed from the document differs from ds:DigestValue (invoiceSignedData): the document was changed after it was stamped (an amount, a name, even whitespace), or it was hashed by another recipe. Re-stamp the exact bytes you send."
        )

        // 2. Certificate.
        var certificate: X509Certificate?
        if let certificateText {
            certificate = try? X509Certificate(pem: certificateText)
        }
        guard let certificate else {
            report.checks.append(.init(id: "certificate", name: "Signing certificate", passed: false, detail: "ds:X509Certificate is missing or is not a DER X.509 certificate in base64."))
            return
        }
        report.facts["certificate.subject"] = certificate.subject
        report.facts["certificate.issuer"] = certificate.issuerName

        // 3. Signature value: SHA256withECDSA over the 32 bytes of the signed digest.
        let signatureOK: Bool = {
            guard let signatureValue, let signatureBytes = Data(base64Encoded: signatureValue), let claimedHash,
                let hash = InvoiceHash(base64: claimedHash)
            else { return false }
            return ECDSAVerifier.verify(signatureDER: Array(signatureBytes), digest: SHA256Digest.hash(hash.digest), publicKey: certificate.publicKeyDER)
        }()
        report.checks.append(.init(
            id: "signature-value", name: "Signature value", passed: signatureOK,
            detail: signatureOK
                ? "ds:SignatureValue verifies with the certificate's public key over the signed digest."
                : "ds:SignatureValue does not verify with the certificate's public key over the signed digest: it was made with another key, over other bytes, or it is not a DER ECDSA signature.",
            found: signatureValue
        ))

        // 4. Signed properties digest.
        let propertiesDigest = signedProperties.map { span in
            XAdESTemplate.signedPropertiesDigest(UnsafeRawBufferPointer(rebasing: text[span.start..<span.end]))
        }
        report.add(
            "signed-properties-digest", "Signed properties digest", expected: propertiesDigest, found: string(propertiesReference?.first("DigestValue")),
            ok: "The xades:SignedProperties digest matches.",
            failure: "The digest of xades:SignedProperties (base64 of the hex SHA-256 of the element as laid out, with xmlns:xades and xmlns:ds added) differs from its ds:Reference: the block was edited or re-indented after signing."
        )

        // 5. Certificate digest, issuer, serial.
        let certificateProperties = signedProperties?.descendantByLocalNames("SignedSignatureProperties", "SigningCertificate", "Cert")
        report.add(
            "certificate-digest", "Certificate digest", expected: certificate.zatcaDigest, found: string(certificateProperties?.descendantByLocalNames("CertDigest", "DigestValue")),
            ok: "xades:CertDigest matches the certificate.",
            failure: "xades:CertDigest must be base64 of the hex SHA-256 of the certificate's base64 text (not of its DER bytes)."
        )
        report.add(
            "issuer-name", "Issuer name", expected: certificate.issuerName, found: string(certificateProperties?.descendantByLocalNames("IssuerSerial", "X509IssuerName")),
            ok: "ds:X509IssuerName matches the certificate's issuer.",
            failure: "ds:X509IssuerName must be the certificate's issuer, most specific RDN first, separated by \", \"."
        )
        report.add(
            "serial-number", "Serial number", expected: certificate.serialNumberDecimal, found: string(certificateProperties?.descendantByLocalNames("IssuerSerial", "X509SerialNumber")),
            ok: "ds:X509SerialNumber matches the certificate.",
            failure: "ds:X509SerialNumber must be the certificate's serial number in decimal (not hex)."
        )

        // 6. QR.
        verifyQR(root: root, text: text, string: string, qr: compact(string(reference("QR")?.descendantByLocalNames("Attachment", "EmbeddedDocumentBinaryObject"))),
                 claimedHash: claimedHash, signatureValue: signatureValue, certificate: certificate, into: &report)

        // 7. Chain.
        if let expectedPreviousHash {
            report.add(
                "previous-invoice-hash", "Previous invoice hash (PIH)", expected: expectedPreviousHash,
                found: compact(string(reference("PIH")?.descendantByLocalNames("Attachment", "EmbeddedDocumentBinaryObject"))),
                ok: "The PIH is the hash of the unit's previous invoice.",
                failure: "The PIH must be the invoice hash of the previous document this unit stamped (the first one uses the SDK's genesis value): the chain is broken."
            )
        }
    }

    private static func verifyQR(
        root: XMLSpan, text: UnsafeRawBufferPointer, string: (XMLSpan?) -> String?, qr: String?,
        claimedHash: String?, signatureValue: String?, certificate: X509Certificate, into report: inout VerificationReport
    ) {
        guard let qr else {
            report.checks.append(.init(id: "qr", name: "QR code", passed: false, detail: "The document has no cac:AdditionalDocumentReference with cbc:ID QR."))
            return
        }
        let tlv: QRCodeTLV
        do {
            tlv = try QRCodeTLV(base64: qr)
        } catch {
            report.checks.append(.init(id: "qr", name: "QR code", passed: false, detail: "The QR is not base64 of ZATCA's TLV: \(error)"))
            return
        }
        let supplier = root.first("AccountingSupplierParty")?.first("Party")
        let typeName = root.first("InvoiceTypeCode").flatMap { XMLAttributes.value(of: "name", inStartTagOf: $0, text: text) } ?? ""
        // Both parts, or the document lacks what tag 3 is compared with.
        let issue = string(root.first("IssueDate")).flatMap { date in string(root.first("IssueTime")).map { "\(date)T\($0)" } }
        let expectations: [(UInt8, String?, String)] = [
            (1, string(supplier?.first("PartyLegalEntity")?.first("RegistrationName")), "the seller's cbc:RegistrationName"),
            (2, string(supplier?.first("PartyTaxScheme")?.first("CompanyID")), "the seller's VAT number"),
            (3, issue, "IssueDate + \"T\" + IssueTime (a mismatch is invoiceTimeStamp_QRCODE_INVALID)"),
            (4, string(root.first("LegalMonetaryTotal")?.first("PayableAmount")), "cbc:PayableAmount"),
            (5, string(root.first("TaxTotal")?.first("TaxAmount")), "the first cac:TaxTotal's cbc:TaxAmount"),
            (6, claimedHash, "the invoice hash (ds:DigestValue)"),
            (7, signatureValue, "ds:SignatureValue"),
        ]
        for (tag, expected, meaning) in expectations {
            let found = tlv.text(tag)
            report.add(
                "qr-tag-\(tag)", "QR tag \(tag) (\(QRCodeTLV.tagName(tag)))", expected: expected, found: found,
                ok: "Matches \(meaning).", failure: "QR tag \(tag) must equal \(meaning)."
            )
        }
        let key = tlv.bytes(8)
        report.checks.append(.init(
            id: "qr-tag-8", name: "QR tag 8 (\(QRCodeTLV.tagName(8)))", passed: key == certificate.publicKeyDER,
            detail: key == certificate.publicKeyDER ? "Matches the certificate's public key." : "QR tag 8 must be the certificate's public key (DER SubjectPublicKeyInfo)."
        ))
        let simplified = typeName.hasPrefix("02")
        let certificateSignature = tlv.bytes(9)
        let tag9OK = simplified ? certificateSignature == certificate.signatureDER : certificateSignature == nil
        report.checks.append(.init(
            id: "qr-tag-9", name: "QR tag 9 (\(QRCodeTLV.tagName(9)))", passed: tag9OK,
            detail: tag9OK
                ? (simplified ? "Matches the certificate's signature." : "Absent, as it must be on a standard document.")
                : (simplified ? "A simplified document's QR tag 9 must be the signature of its certificate (a mismatch is CERTIFICATE_SIGNATURE_QRCODE_INVALID)." : "QR tag 9 is only for simplified documents and their notes.")
        ))
    }
}

