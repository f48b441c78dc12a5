import Foundation
import TestSupport
import Testing
import ZATCACrypto
import ZATCAStamp

@Suite("ZATCA samples: invoice hash and verification")
struct HashAndVerifyTests {
    @Test("The vectors are present")
    func vectorsPresent() {
        #expect(Samples.all.count >= 26, "found \(Samples.all.count) samples under \(Samples.root.path)")
    }

    @Test("The recomputed invoice hash of every sample equals its ds:DigestValue", arguments: Samples.all)
    func hash(_ sample: URL) throws {
        let bytes = try Samples.bytes(sample)
        let text = String(decoding: bytes, as: UTF8.self)
        let claimed = try #require(text.range(of: "<ds:Reference Id=\"invoiceSignedData\"").flatMap { Samples.element("ds:DigestValue", in: String(text[$0.lowerBound...])) })
        #expect(try InvoiceHasher.hash(of: bytes).base64 == claimed)
    }

    @Test("Every sample passes every check of the verifier", arguments: Samples.all)
    func verify(_ sample: URL) throws {
        let report = InvoiceVerifier.verify(try Samples.bytes(sample))
        #expect(report.passed, "\(Samples.name(sample)): \(report.failures.map { "\($0.id): \($0.detail) expected \($0.expected ?? "") found \($0.found ?? "")" })")
        #expect(report.checks.count >= 15)
    }

    @Test("A sample with one amount changed fails on the hash check, with a message that says so")
    func tampered() throws {
        let original = String(decoding: try Samples.bytes(Samples.root.appendingPathComponent("samples/Standard/Invoice/Standard_Invoice.xml")), as: UTF8.self)
        let changed = original.replacingOccurrences(of: "<cbc:TaxExclusiveAmount currencyID=\"SAR\">", with: "<cbc:TaxExclusiveAmount currencyID=\"SAR\">1")
        #expect(changed != original)
        let report = InvoiceVerifier.verify(Array(changed.utf8))
        #expect(!report.passed)
        let hash = try #require(report.checks.first { $0.id == "invoice-hash" })
        #expect(!hash.passed)
        #expect(hash.detail.contains("changed after it was stamped"))
        // The signature itself is still a valid signature over the digest the document claims.
        #expect(report.checks.first { $0.id == "signature-value" }?.passed == true)
    }

    @Test("The genesis PIH is the SDK's pih.txt")
    func genesis() throws {
        let text = try String(contentsOf: Samples.root.appendingPathComponent("certs/pih.txt"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(InvoiceHash.genesisPIH == text)
        let hexOfZero = Hex.encode(SHA256Digest.hash(Array("0".utf8)))
        #expect(Data(hexOfZero.utf8).base64EncodedString() == text)
    }
}
