import Foundation
import TestSupport
import Testing

/// `einvoice verify` on the SDK's samples and on changed copies, and `einvoice load sign`'s
/// readable output, against the real signing-service executable.
@Suite("Verify and load commands", .serialized)
struct VerifyCLITests {
    static let standard = Samples.root.appendingPathComponent("samples/Standard/Invoice/Standard_Invoice.xml").path
    static let simplified = Samples.root.appendingPathComponent("samples/Simplified/Invoice/Simplified_Invoice.xml").path

    /// The SDK's standard invoice with its TaxInclusiveAmount changed from 4.60 to 46.00: no QR
    /// tag carries that amount, so only the hash can catch it.
    /// A sample with one amount changed, and a file that is not XML, in the deployment's directory.
    static func badFiles(in deployment: SigningDeployment) throws -> (changed: String, notXML: String) {
        let changed = deployment.path("changed.xml")
        try tampered(at: changed)
        let notXML = deployment.path("notes.xml")
        try "not a document".write(toFile: notXML, atomically: true, encoding: .utf8)
        return (changed, notXML)
    }

    static func tampered(at path: String) throws {
        let text = try String(contentsOfFile: standard, encoding: .utf8)
        let original = "<cbc:TaxInclusiveAmount currencyID=\"SAR\">4.60</cbc:TaxInclusiveAmount>"
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: "<cbc:TaxInclusiveAmount currencyID=\"SAR\">46.00</cbc:TaxInclusiveAmount>")
            .write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("A sample with one amount changed fails verify on the hash check, with a message that says so, and exits non-zero")
    func changedAmount() async throws {
        try await SigningDeployment.with { deployment in
            let original = try await deployment.cli(["verify", Self.standard])
            #expect(original.status == 0, "the untouched sample verifies: \(original.output)")

            let changed = deployment.path("changed.xml")
            try Self.tampered(at: changed)
            let run = try await deployment.cli(["verify", changed])
            #expect(run.status == 1, "\(run.output)")
            #expect(run.output.hasPrefix("FAIL  \(changed)"), "\(run.output)")
            #expect(run.output.contains("✗ Invoice hash: The hash recomputed from the document differs from ds:DigestValue"), "\(run.output)")
            #expect(run.output.contains("the document was changed after it was stamped"))
            // Only the hash: the signature still verifies over the digest it signed.
            let failed = run.output.split(separator: "\n").filter { $0.hasPrefix("  ✗") }
            #expect(failed.count == 1, "\(failed)")
            #expect(run.output.contains("✓ Signature value"))
        }
    }

    @Test("Several files at once: one bad file makes the exit non-zero; each file gets its own PASS or FAIL")
    func severalFiles() async throws {
        try await SigningDeployment.with { deployment in
            let (changed, notXML) = try Self.badFiles(in: deployment)

            let good = try await deployment.cli(["verify", Self.standard, Self.simplified])
            #expect(good.status == 0, "\(good.output)")
            #expect(good.output.contains("PASS  \(Self.standard)") && good.output.contains("PASS  \(Self.simplified)"))

            for files in [[Self.standard, changed], [changed, Self.standard], [Self.standard, notXML, Self.simplified]] {
                let run = try await deployment.cli(["verify"] + files)
                #expect(run.status == 1, "\(files): \(run.output)")
                #expect(run.output.contains("PASS  \(Self.standard)"), "the good file is still checked and reported: \(run.output)")
                let bad = files.first { $0 != Self.standard && $0 != Self.simplified }!
                #expect(run.output.contains("FAIL  \(bad)"), "\(run.output)")
            }
        }
    }

    @Test("verify --json: an object per file with passed and every check's id, name, result and detail")
    func json() async throws {
        try await SigningDeployment.with { deployment in
            let (changed, notXML) = try Self.badFiles(in: deployment)

            let run = try await deployment.cli(["verify", Self.simplified, changed, notXML, "--json"])
            #expect(run.status == 1)
            let reports = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: [String: Any]], "\(run.output)")
            #expect(Set(reports.keys) == [Self.simplified, changed, notXML])

            func checks(_ file: String) throws -> [String: [String: Any]] {
                let list = try #require(reports[file]?["checks"] as? [[String: Any]], "\(file)")
                for check in list {
                    #expect(check["passed"] is Bool && (check["name"] as? String)?.isEmpty == false && (check["detail"] as? String)?.isEmpty == false, "\(check)")
                }
                return Dictionary(list.map { ($0["id"] as? String ?? "", $0) }) { first, _ in first }
            }

            let good = try checks(Self.simplified)
            #expect(reports[Self.simplified]?["passed"] as? Bool == true)
            let expectedIDs: Set<String> = [
                "invoice-hash", "signature-value", "signed-properties-digest", "certificate-digest", "issuer-name", "serial-number",
                "qr-tag-1", "qr-tag-2", "qr-tag-3", "qr-tag-4", "qr-tag-5", "qr-tag-6", "qr-tag-7", "qr-tag-8", "qr-tag-9",
            ]
            #expect(expectedIDs.isSubset(of: Set(good.keys)), "\(good.keys.sorted())")
            #expect(good.values.allSatisfy { $0["passed"] as? Bool == true })
            #expect((reports[Self.simplified]?["facts"] as? [String: String])?["id"] == "SME00010")

            let bad = try checks(changed)
            #expect(reports[changed]?["passed"] as? Bool == false)
            #expect(bad.filter { $0.value["passed"] as? Bool == false }.map(\.key) == ["invoice-hash"])
            let hash = try #require(bad["invoice-hash"])
            #expect((hash["detail"] as? String)?.contains("changed after it was stamped") == true)
            #expect(hash["expected"] as? String != nil && hash["found"] as? String != nil && hash["expected"] as? String != hash["found"] as? String)

            let broken = try checks(notXML)
            #expect(reports[notXML]?["passed"] as? Bool == false)
            #expect(broken["document"]?["passed"] as? Bool == false, "\(broken)")
        }
    }

    @Test("load sign without --json: a progress line on standard error, a readable table on standard output")
    func loadProgress() async throws {
        try await SigningDeployment.with { deployment in
            let run = try await deployment.cliSeparated(["load", "sign", "--egs-count", "2", "--concurrency", "4", "--duration", "2.5"])
            #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
            // "\r[  1.0s] 123 stamped, 123/s now, 0 errors", once a second.
            let updates = run.stderr.split(separator: "\r").filter { $0.contains(" stamped, ") }
            #expect(updates.count >= 2, "\(run.stderr)")
            let first = try #require(updates.first)
            #expect(first.contains("/s now") && first.contains("0 errors"), "\(first)")
            #expect(first.range(of: #"^\[\s*\d+\.\ds\] \d+ stamped, \d+/s now, \d+ errors"#, options: .regularExpression) != nil, "\(first)")
            #expect(!run.stdout.contains("/s now"), "the progress stays off standard output")

            let lines = run.stdout.split(separator: "\n")
            let header = try #require(lines.first { $0.hasPrefix("MODE") }, "\(run.stdout)")
            for column in ["UNITS", "CALLERS", "STAMPED", "ERRORS", "INVOICES/S", "P50 MS", "P99 MS", "P99.9 MS"] {
                #expect(header.contains(column), "\(header)")
            }
            let row = try #require(lines.first { $0.hasPrefix("unary") }, "\(run.stdout)")
            let cells = row.split(separator: " ", omittingEmptySubsequences: true)
            // MODE UNITS CALLERS BATCH OFFERED/S STAMPED ERRORS INVOICES/S …
            #expect(cells.count >= 8, "\(row)")
            #expect(cells[1] == "2" && cells[2] == "4" && cells[4] == "max")
            #expect((Int(cells[5]) ?? 0) > 0, "\(row)")
            #expect(cells[6] == "0", "\(row)")
            #expect((Double(cells[7]) ?? 0) > 0, "\(row)")
            #expect(!run.stdout.contains("{"), "no JSON without --json")
        }
    }
}
