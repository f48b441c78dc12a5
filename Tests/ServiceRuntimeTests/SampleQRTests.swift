import Foundation
import TestSupport
import Testing

/// Every SDK sample that carries a QR, through `einvoice qr --png` and zbarimg: as the SDK signed
/// it, and stamped here with the SDK's key and certificate.
@Suite("QR images of every sample", .serialized)
struct SampleQRTests {
    @Test("Each sample's QR PNG scans to the sample's own TLV; stamped here, it verifies independently and its PNG scans to the new TLV")
    func everySample() async throws {
        let samples = try Samples.all.filter { documentQR(try String(contentsOf: $0, encoding: .utf8)) != nil }
        // The SDK ships 26 invoices and notes, each with a QR; a vectors folder that lost some
        // would make this test prove less.
        #expect(samples.count >= 26, "\(samples.map(Samples.name))")
        try await SigningDeployment.with { deployment in
            for (index, sample) in samples.enumerated() {
                let name = Samples.name(sample)
                let original = try #require(documentQR(try String(contentsOf: sample, encoding: .utf8)))

                // The sample as the SDK signed it.
                let png = deployment.path("sample-\(index).png")
                let rendered = try await deployment.cli(["qr", sample.path, "--png", png])
                #expect(rendered.status == 0, "\(name): \(rendered.output)")
                #expect(try await zbarRead(png) == original, "\(name): the sample's QR")

                // Stamped here by a unit of its own (some samples share a UUID).
                let unit = "sample-\(index)"
                try await deployment.importSDKUnit(unit)
                let stamped = deployment.path("stamped-\(index).xml")
                let signed = try await deployment.cli(["sign", "--egs", unit, sample.path, "-o", stamped])
                #expect(signed.status == 0, "\(name): \(signed.output)")
                let qr = try #require(documentQR(try String(contentsOfFile: stamped, encoding: .utf8)), "\(name)")
                #expect(qr != original, "\(name): a new stamp, a new QR")

                let independent = try run("python3", [SigningDeployment.verifier, stamped])
                #expect(independent.status == 0, "\(name): \(independent.output)")
                let report = try JSONSerialization.jsonObject(with: Data(independent.output.utf8)) as? [String: Any]
                #expect(report?["qr_tlv_base64"] as? String == qr, "\(name)")

                let stampedPNG = deployment.path("stamped-\(index).png")
                #expect(try await deployment.cli(["qr", stamped, "--png", stampedPNG]).status == 0)
                #expect(try await zbarRead(stampedPNG) == qr, "\(name): the stamped document's QR")
            }
        }
    }
}
