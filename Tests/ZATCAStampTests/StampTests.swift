import Foundation
import TestSupport
import Testing
import ZATCACrypto
import ZATCAQR
import ZATCAStamp

@Suite("Stamping with the SDK test key")
struct StampTests {
    let stamper: InvoiceStamper

    init() throws {
        let key = try SigningKey(pem: try Samples.keyText())
        let certificate = try X509Certificate(pem: try Samples.certificateText())
        stamper = InvoiceStamper(key: key, certificate: certificate)
    }

    /// A sample with its stamp removed, as an ERP would hand it over.
    static func unsigned(_ sample: URL) throws -> [UInt8] {
        try StampRemover.remove(from: Samples.bytes(sample))
    }

    @Test("The unsigned form of every sample, stamped here, passes our verifier and the independent lxml/cryptography one", arguments: Samples.all)
    func stampEverySample(_ sample: URL) throws {
        let stamped = try stamper.stamp(try Self.unsigned(sample), icv: 7, previousHash: InvoiceHash.genesisPIH, signingTime: Date(timeIntervalSince1970: 1_764_400_000))
        #expect(try InvoiceHasher.hash(of: stamped.xml) == stamped.invoiceHash, "the returned hash must be the hash of the returned bytes")

        let report = InvoiceVerifier.verify(stamped.xml, expectedPreviousHash: InvoiceHash.genesisPIH)
        #expect(report.passed, "\(report.failures.map(\.id))")
        #expect(report.facts["icv"] == "7")

        let file = try temporaryFile("\(Samples.name(sample)).stamped.xml", stamped.xml)
        let script = Samples.repository.appendingPathComponent("Tests/Tools/zatca_verify.py").path
        let (status, output) = try run("python3", [script, file.path, "--expected-pih", InvoiceHash.genesisPIH])
        #expect(status == 0, "independent verifier: \(output)")
        #expect(output.contains(stamped.invoiceHash.base64))
    }

    @Test("The stamp sits at its schema positions and keeps the document's own bytes")
    func layout() throws {
        let unsigned = try Self.unsigned(Samples.root.appendingPathComponent("samples/Simplified/Invoice/Simplified_Invoice.xml"))
        let stamped = try stamper.stamp(unsigned, icv: 42, previousHash: InvoiceHash.genesisPIH, signingTime: Date())
        let text = String(decoding: stamped.xml, as: UTF8.self)
        func position(_ marker: String) throws -> String.Index { try #require(text.range(of: marker)?.lowerBound, "missing \(marker)") }
        #expect(try position("<ext:UBLExtensions>") < position("<cbc:ProfileID>"))
        #expect(try position("<cbc:TaxCurrencyCode>") < position("<cbc:ID>ICV</cbc:ID>"))
        #expect(try position("<cbc:ID>ICV</cbc:ID>") < position("<cbc:ID>PIH</cbc:ID>"))
        #expect(try position("<cbc:ID>PIH</cbc:ID>") < position("<cbc:ID>QR</cbc:ID>"))
        #expect(try position("<cbc:ID>QR</cbc:ID>") < position("<cac:Signature>"))
        #expect(try position("<cac:Signature>") < position("<cac:AccountingSupplierParty>"))
        #expect(text.contains("<cbc:UUID>42</cbc:UUID>"))
        // Everything from the supplier party to the end is the caller's bytes, untouched.
        let unsignedText = String(decoding: unsigned, as: UTF8.self)
        let tail = try #require(unsignedText.range(of: "<cac:AccountingSupplierParty>").map { unsignedText[$0.lowerBound...] })
        #expect(text.hasSuffix(tail))
    }

    @Test("A stamp's compact form reads its QR back at the offset it gives, and the in-place check agrees with that reading")
    func compactQR() throws {
        let stamped = try stamper.stamp(try Self.unsigned(Samples.all[0]), icv: 7, previousHash: InvoiceHash.genesisPIH, signingTime: Date(timeIntervalSince1970: 1_764_460_800))
        let compact = CompactStamp.compact(stamped)
        #expect(CompactStamp.qrCode(in: compact.bytes, at: compact.qrOffset) == stamped.qrCode)
        #expect(CompactStamp.holdsQRCode(stamped.qrCode, in: compact.bytes, at: compact.qrOffset))
        // One byte off either way, a shorter or longer text, past the end: neither reads it back.
        for offset in [compact.qrOffset - 1, compact.qrOffset + 1, -1, compact.bytes.count] {
            #expect(!CompactStamp.holdsQRCode(stamped.qrCode, in: compact.bytes, at: offset), "offset \(offset)")
            #expect(CompactStamp.qrCode(in: compact.bytes, at: offset) != stamped.qrCode)
        }
        #expect(!CompactStamp.holdsQRCode(String(stamped.qrCode.dropLast()), in: compact.bytes, at: compact.qrOffset))
        #expect(!CompactStamp.holdsQRCode(stamped.qrCode + "A", in: compact.bytes, at: compact.qrOffset))
        #expect(!CompactStamp.holdsQRCode("", in: compact.bytes, at: compact.qrOffset))
    }

    @Test("Re-stamping a stamped document replaces its stamp")
    func restamp() throws {
        let first = try stamper.stamp(Self.unsigned(Samples.root.appendingPathComponent("samples/Standard/Invoice/Standard_Invoice.xml")), icv: 1, previousHash: InvoiceHash.genesisPIH, signingTime: Date())
        let second = try stamper.stamp(first.xml, icv: 2, previousHash: first.invoiceHash.base64, signingTime: Date())
        let text = String(decoding: second.xml, as: UTF8.self)
        #expect(text.components(separatedBy: "<ext:UBLExtensions>").count == 2)
        #expect(text.components(separatedBy: "<cbc:ID>ICV</cbc:ID>").count == 2)
        #expect(InvoiceVerifier.verify(second.xml, expectedPreviousHash: first.invoiceHash.base64).passed)
    }

    @Test("Signatures are deterministic: the same input stamps to the same bytes")
    func deterministic() throws {
        let unsigned = try Self.unsigned(Samples.root.appendingPathComponent("samples/Simplified/Credit/Simplified_Credit_Note.xml"))
        let time = Date(timeIntervalSince1970: 1_764_400_000)
        let a = try stamper.stamp(unsigned, icv: 3, previousHash: InvoiceHash.genesisPIH, signingTime: time)
        let b = try stamper.stamp(unsigned, icv: 3, previousHash: InvoiceHash.genesisPIH, signingTime: time)
        #expect(a.xml == b.xml)
        #expect(a.signingTime == "2025-11-29T07:06:40")
    }

    @Test("QR tag 9 is only on simplified documents; tag 3 is IssueDate T IssueTime; tag 4 is the payable amount")
    func qrTags() throws {
        let simplified = try stamper.stamp(Self.unsigned(Samples.root.appendingPathComponent("samples/Simplified/Invoice/Simplified_Invoice.xml")), icv: 1, previousHash: InvoiceHash.genesisPIH, signingTime: Date())
        let standard = try stamper.stamp(Self.unsigned(Samples.root.appendingPathComponent("samples/Standard/Invoice/Advance Payment adjustments.xml")), icv: 1, previousHash: InvoiceHash.genesisPIH, signingTime: Date())
        let simplifiedQR = try QRCodeTLV(base64: simplified.qrCode)
        let standardQR = try QRCodeTLV(base64: standard.qrCode)
        #expect(simplifiedQR.bytes(9) != nil)
        #expect(standardQR.bytes(9) == nil)
        #expect(simplifiedQR.text(3) == "2022-08-17T17:41:08")
        let standardText = String(decoding: standard.xml, as: UTF8.self)
        #expect(standardText.contains("<cbc:PayableAmount currencyID=\"SAR\">\(standardQR.text(4) ?? "?")</cbc:PayableAmount>"))
        #expect(simplifiedQR.text(6) == simplified.invoiceHash.base64)
        #expect(simplifiedQR.text(7) == simplified.signatureValue)
    }

    @Test("The QR image of a stamped document decodes with zbarimg to the document's QR text")
    func qrImage() throws {
        try #require(toolAvailable("zbarimg"), "zbarimg (zbar-tools) is needed")
        let stamped = try stamper.stamp(Self.unsigned(Samples.root.appendingPathComponent("samples/Simplified/Invoice/Simplified_Invoice.xml")), icv: 9, previousHash: InvoiceHash.genesisPIH, signingTime: Date())
        let png = try QRCodeImage(text: stamped.qrCode).png()
        let file = try temporaryFile("qr-\(UUID().uuidString).png", png)
        // zbarimg prints harmless D-Bus complaints on stderr in containers; read stdout only.
        let (status, output) = try run("zbarimg", ["--raw", "-q", file.path], includeStandardError: false)
        #expect(status == 0)
        let decoded = output.split(separator: "\n").first.map(String.init)
        #expect(decoded == stamped.qrCode)
        #expect(try QRCodeTLV(base64: decoded ?? "") == QRCodeTLV(base64: stamped.qrCode))
    }

    @Test("Stamped documents validate against the UBL 2.1 XSD (xmllint)")
    func schema() throws {
        try #require(toolAvailable("xmllint"), "xmllint (libxml2-utils) is needed")
        let schema = Samples.root.appendingPathComponent("xsd/maindoc/UBL-Invoice-2.1.xsd").path
        for sample in ["Standard/Invoice/Standard_Invoice.xml", "Simplified/Credit/Simplified_Credit_Note.xml"] {
            let stamped = try stamper.stamp(Self.unsigned(Samples.root.appendingPathComponent("samples/\(sample)")), icv: 5, previousHash: InvoiceHash.genesisPIH, signingTime: Date())
            let file = try temporaryFile("schema-\(UUID().uuidString).xml", stamped.xml)
            let (status, output) = try run("xmllint", ["--noout", "--schema", schema, file.path])
            // libxml2 cannot hold xs:integer values over ~24 digits; real certificate serials are
            // longer (see vectors/zatca-sdk/README.md). Every other message must be absent.
            let problems = output.split(separator: "\n").filter { $0.contains("error") && !$0.contains("X509SerialNumber") }
            #expect(problems.isEmpty, "\(sample): \(output)")
            #expect(status == 0 || output.contains("X509SerialNumber"))
        }
    }
}
