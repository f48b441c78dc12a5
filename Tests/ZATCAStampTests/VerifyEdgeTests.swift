import Foundation
import TestSupport
import Testing
import ZATCACrypto
import ZATCAQR
import ZATCAStamp

/// Checks of the verifier that an equal-looking or absent value must not pass. The QR is not
/// covered by the invoice hash, so these edit it in a signed sample without touching the rest.
@Suite("Verifier edge cases")
struct VerifyEdgeTests {
    static let simplified = Samples.root.appendingPathComponent("samples/Simplified/Invoice/Simplified_Invoice.xml")

    /// The sample with its QR's fields edited by `edit`.
    static func editingQR(_ text: String, _ edit: ([QRCodeTLV.Field]) -> [QRCodeTLV.Field]) throws -> String {
        let qr = try #require(try InvoiceIdentity(document: Array(text.utf8)).qrCode)
        let tlv = try QRCodeTLV(base64: qr)
        let edited = try QRCodeTLV(fields: edit(tlv.fields)).base64()
        #expect(text.contains(qr))
        return text.replacingOccurrences(of: qr, with: edited)
    }

    static func check(_ id: String, in text: String) -> VerificationReport.Check? {
        InvoiceVerifier.verify(Array(text.utf8)).checks.first { $0.id == id }
    }

    @Test("A QR value canonically equivalent to the document's but not the same bytes fails (ZATCA compares bytes)")
    func bytesNotEquivalence() throws {
        let text = String(decoding: try Samples.bytes(Self.simplified), as: UTF8.self)
        #expect(Self.check("qr-tag-1", in: text)?.passed == true)
        // The seller's name decomposed: "أ" becomes "ا" + U+0654.
        let decomposed = try Self.editingQR(text) { fields in
            fields.map { $0.tag == 1 ? QRCodeTLV.Field(tag: 1, text: String(decoding: $0.value, as: UTF8.self).decomposedStringWithCanonicalMapping) : $0 }
        }
        let tag1 = Self.check("qr-tag-1", in: decomposed)
        #expect(tag1?.passed == false, "\(String(describing: tag1))")
        #expect(Self.check("invoice-hash", in: decomposed)?.passed == true)
    }

    @Test("A document without the field a QR tag is compared with fails that tag, whatever the QR holds")
    func absentFields() throws {
        let text = String(decoding: try Samples.bytes(Self.simplified), as: UTF8.self)
        let date = try #require(Samples.element("cbc:IssueDate", in: text))
        let time = try #require(Samples.element("cbc:IssueTime", in: text))
        // No IssueTime, and a QR whose tag 3 is the date alone.
        var noTime = text.replacingOccurrences(of: "<cbc:IssueTime>\(time)</cbc:IssueTime>", with: "")
        #expect(noTime != text)
        noTime = try Self.editingQR(noTime) { fields in fields.map { $0.tag == 3 ? QRCodeTLV.Field(tag: 3, text: date) : $0 } }
        #expect(Self.check("qr-tag-3", in: noTime)?.passed == false)
        // No PayableAmount, and a QR whose tag 4 is the placeholder the report shows.
        let payable = try #require(text.range(of: "<cbc:PayableAmount"))
        let payableEnd = try #require(text.range(of: "</cbc:PayableAmount>", range: payable.upperBound..<text.endIndex))
        var noTotal = text.replacingCharacters(in: payable.lowerBound..<payableEnd.upperBound, with: "")
        noTotal = try Self.editingQR(noTotal) { fields in fields.map { $0.tag == 4 ? QRCodeTLV.Field(tag: 4, text: "(absent in the document)") : $0 } }
        let tag4 = Self.check("qr-tag-4", in: noTotal)
        #expect(tag4?.passed == false)
        #expect(tag4?.detail.contains("lacks") == true, "\(String(describing: tag4))")
    }

    @Test("A comment inside a value is not part of it: the stamp's QR holds the value alone, and the document verifies")
    func commentInValue() throws {
        let unsigned = String(decoding: try StampRemover.remove(from: Samples.bytes(Self.simplified)), as: UTF8.self)
        let amount = try #require(Samples.element("cbc:PayableAmount", in: unsigned))
        let opening = try #require(unsigned.range(of: "<cbc:PayableAmount currencyID=\"SAR\">"))
        let commented = unsigned.replacingCharacters(in: opening, with: "<cbc:PayableAmount currencyID=\"SAR\"><!-- total -->")
        let stamper = InvoiceStamper(key: try SigningKey(pem: try Samples.keyText()), certificate: try X509Certificate(pem: try Samples.certificateText()))
        let stamped = try stamper.stamp(Array(commented.utf8), icv: 2, previousHash: InvoiceHash.genesisPIH, signingTime: Date())
        #expect(try QRCodeTLV(base64: stamped.qrCode).text(4) == amount)
        let report = InvoiceVerifier.verify(stamped.xml)
        #expect(report.passed, "\(report.failures.map { "\($0.id): \($0.detail)" })")
    }
}
