import ArgumentParser
import Foundation
import ZATCACrypto
import UBLXML
import ZATCAStamp

/// `rpc-bench stamp`: the stamp alone (no RPC, no database), one thread, to know its floor.
struct StampBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stamp", abstract: "Time the ZATCA stamp itself on one thread.")

    @Option(help: "The ZATCA SDK vectors directory.") var vectors: String = "/work/shared/vectors/zatca-sdk"
    @Option var seconds: Double = 5
    @Option(help: "Run exactly this many whole stamps and nothing else (for callgrind).") var iterations: Int?

    func run() async throws {
        let key = try SigningKey(pem: try String(contentsOfFile: "\(vectors)/certs/ec-secp256k1-priv-key.pem", encoding: .utf8))
        let certificate = try X509Certificate(pem: try String(contentsOfFile: "\(vectors)/certs/cert.pem", encoding: .utf8))
        let stamper = InvoiceStamper(key: key, certificate: certificate)
        let sample = try StampRemover.remove(from: Array(try Data(contentsOf: URL(fileURLWithPath: "\(vectors)/samples/Simplified/Invoice/Simplified_Invoice.xml"))))
        func time(_ name: String, _ body: () throws -> Void) rethrows {
            for _ in 0..<200 { try body() }
            let clock = ContinuousClock()
            let start = clock.now
            var count = 0
            while clock.now - start < .milliseconds(Int64(seconds * 1_000)) {
                for _ in 0..<50 { try body() }
                count += 50
            }
            let elapsed = clock.now - start
            let micros = (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / Double(count)
            print(String(format: "  %@: %.1f µs (%.0f/s)", name, micros, 1e6 / micros))
        }
        if let iterations {
            let canonical = try InvoiceHasher.canonicalHashInput(of: sample)
            for _ in 0..<iterations { _ = try stamper.stamp(canonical, icv: 1, previousHash: InvoiceHash.genesisPIH, signingTime: Date()) }
            return
        }
        print("Stamp pieces, one thread, \(sample.count)-byte invoice:")
        try time("scan (XMLIndex)") { _ = try sample.withUnsafeBytes { try XMLIndex($0) } }
        try time("scan (XMLSpanScanner tree)") { _ = try sample.withUnsafeBytes { try XMLSpanScanner.scan($0) } }
        try time("invoice hash (libxml2 parse + C14N 1.1 + SHA-256)") { _ = try InvoiceHasher.hash(of: sample) }
        let digest = SHA256Digest.hash(sample)
        try time("ECDSA sign (libsecp256k1)") { _ = try key.signature(forDigest: digest) }
        try time("identity (UUID lookup)") { _ = try InvoiceIdentity(document: sample) }
        try time("whole stamp, SDK sample layout (libxml2 C14N)") { _ = try stamper.stamp(sample, icv: 1, previousHash: InvoiceHash.genesisPIH, signingTime: Date()) }
        let canonical = try InvoiceHasher.canonicalHashInput(of: sample)
        try time("whole stamp, canonical layout (fast path)") { _ = try stamper.stamp(canonical, icv: 1, previousHash: InvoiceHash.genesisPIH, signingTime: Date()) }
        try time("  of which prepare (layout + canonical check)") { _ = try stamper.prepare(canonical) }
        let prepared = try stamper.prepare(canonical)
        try time("  of which the chain's turn (hash, sign, QR, XAdES, assemble)") { _ = try stamper.stamp(prepared, icv: 1, previousHash: InvoiceHash.genesisPIH, signingTime: Date()) }
    }
}
