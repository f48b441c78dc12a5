import Foundation
import ServiceRuntime
import TestSupport
import Testing

/// `einvoice invoice …` and `einvoice validate` against the real signing and invoicing executables.
@Suite("Invoice commands", .serialized)
struct InvoiceCLITests {
    static let examples = Samples.repository.appendingPathComponent("protocols/Invoicing/examples")

    /// Signing and invoicing running, and a unit with a development certificate.
    private func withServices(_ body: (_ cli: ([String]) async throws -> (status: Int32, output: String), _ root: String) async throws -> Void) async throws {
        try await withDeploymentDirectories { runtime, data, logs in
            let environment = ["EINVOICE_RUNTIME_DIR": runtime, "EINVOICE_DATA_DIR": data]
            let signing = try ServiceProcess("signing-service", environment: environment, logDirectory: logs)
            let invoicing = try ServiceProcess("invoicing-service", environment: environment, logDirectory: logs)
            defer {
                signing.signal(SIGKILL)
                invoicing.signal(SIGKILL)
            }
            try await waitForFile("\(runtime)/signing.sock")
            try await waitForFile("\(runtime)/invoicing.sock")
            let cli: ([String]) async throws -> (status: Int32, output: String) = { try await runCLI($0, environment: environment) }
            let created = try await cli(["keys", "create", "--egs", "EGS-1", "--vat", "399999999900003", "--name", "Maximum Speed Tech Supply LTD", "--self-signed", "--csr-out", "\(logs)/csr.pem"])
            #expect(created.status == 0, "\(created.output)")
            try await body(cli, logs)
        }
    }

    private func json(_ output: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "not a JSON object: \(output)")
    }

    @Test("issue, show, list and note: the stamped XML is written, verifies, and is what show --xml prints")
    func issueShowListNote() async throws {
        try await withServices { cli, root in
            let standard = Self.examples.appendingPathComponent("standard-invoice.json").path
            let issued = try await cli(["invoice", "issue", standard, "--egs", "EGS-1", "-o", "\(root)/inv.xml", "--idempotency-key", "erp-1"])
            #expect(issued.status == 0, "\(issued.output)")
            #expect(issued.output.contains("Issued invoice INV-000001: stamped"))
            #expect(issued.output.contains("total with VAT:      4.60 SAR"))

            let verified = try await cli(["verify", "\(root)/inv.xml"])
            #expect(verified.status == 0, "\(verified.output)")

            let retried = try await cli(["invoice", "issue", standard, "--egs", "EGS-1", "--idempotency-key", "erp-1", "--json"])
            #expect(retried.status == 0, "\(retried.output)")
            let replay = try json(retried.output)
            #expect(replay["replayed"] as? Bool == true)
            #expect((replay["invoice"] as? [String: Any])?["number"] as? String == "INV-000001")

            let xml = try await cli(["invoice", "show", "INV-000001", "--xml"])
            #expect(xml.status == 0)
            #expect(Data(xml.output.utf8) == (try Data(contentsOf: URL(fileURLWithPath: "\(root)/inv.xml"))))

            let shown = try await cli(["invoice", "show", "INV-000001"])
            #expect(shown.status == 0, "\(shown.output)")
            #expect(shown.output.contains("History:"))
            #expect(shown.output.contains("stamped  signing    ICV 1"))

            let note = try await cli(["invoice", "note", "INV-000001", "--kind", "credit", "--reason", "إرجاع البضاعة | returned goods", "--egs", "EGS-1", "--json"])
            #expect(note.status == 0, "\(note.output)")
            let credit = try #require(try json(note.output)["invoice"] as? [String: Any])
            #expect(credit["number"] as? String == "CRN-000001")
            #expect(credit["billingReference"] as? String == "INV-000001")
            #expect(credit["icv"] as? Int == 2)

            let simplified = Self.examples.appendingPathComponent("simplified-invoice.json").path
            #expect(try await cli(["invoice", "issue", simplified, "--egs", "EGS-1"]).status == 0)

            let listed = try await cli(["invoice", "list", "--json"])
            let all = try json(listed.output)
            #expect(all["total"] as? Int == 3)
            let numbers = (all["invoices"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
            #expect(Set(numbers) == ["INV-000001", "INV-000002", "CRN-000001"])

            let credits = try json(try await cli(["invoice", "list", "--kind", "credit-note", "--json"]).output)
            #expect(credits["total"] as? Int == 1)
            let table = try await cli(["invoice", "list", "--status", "stamped", "--limit", "2"])
            #expect(table.output.hasPrefix("NUMBER"))
            #expect(table.output.contains("2 of 3 (more with --offset 2)"))

            let missing = try await cli(["invoice", "show", "INV-999999"])
            #expect(missing.status == 1)
            #expect(missing.output.contains("No invoice INV-999999"))
            let badDate = try await cli(["invoice", "list", "--from", "2024-13-01"])
            #expect(badDate.status != 0)
            #expect(badDate.output.contains("not a date"))
        }
    }

    @Test("A refused request prints each rule in English and Arabic, exits 1 and stores nothing")
    func refused() async throws {
        try await withServices { cli, root in
            var request = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: Self.examples.appendingPathComponent("standard-invoice.json"))) as? [String: Any]
            )
            var buyer = try #require(request["buyer"] as? [String: Any])
            buyer["vatNumber"] = "39999999980000"
            request["buyer"] = buyer
            let path = "\(root)/bad.json"
            try JSONSerialization.data(withJSONObject: request).write(to: URL(fileURLWithPath: path))

            let issued = try await cli(["invoice", "issue", path, "--egs", "EGS-1"])
            #expect(issued.status == 1)
            #expect(issued.output.contains("Refused, nothing was stored: 1 error(s)."))
            #expect(issued.output.contains("BR-KSA-44  buyer.vatNumber"))
            #expect(issued.output.contains("must have 15 digits"))
            #expect(issued.output.contains("الرقم الضريبي للمشتري"))

            let english = try await cli(["invoice", "issue", path, "--egs", "EGS-1", "--lang", "en"])
            #expect(!english.output.contains("الرقم الضريبي للمشتري"))

            let asJSON = try await cli(["validate", path, "--json"])
            #expect(asJSON.status == 1)
            let report = try json(asJSON.output)
            #expect(report["valid"] as? Bool == false)
            let finding = try #require((report["findings"] as? [[String: Any]])?.first)
            #expect(finding["rule"] as? String == "BR-KSA-44")
            #expect(finding["severity"] as? String == "error")
            #expect((finding["path"] as? String)?.hasSuffix("cac:PartyTaxScheme/cbc:CompanyID") == true)
            #expect((finding["message_en"] as? String)?.isEmpty == false)
            #expect((finding["message_ar"] as? String)?.isEmpty == false)

            #expect(try json(try await cli(["invoice", "list", "--json"]).output)["total"] as? Int == 0)

            try Data("{\"kind\": \"invoice\", \"subtype\": \"standard\", \"seller\": {\"name\": \"X\"}, \"lines\": [{\"name\": \"a\", \"quantity\": \"2,5\"}]}".utf8)
                .write(to: URL(fileURLWithPath: "\(root)/typo.json"))
            let typo = try await cli(["invoice", "issue", "\(root)/typo.json", "--egs", "EGS-1"])
            #expect(typo.status == 1)
            #expect(typo.output.contains("lines[0].quantity"), "\(typo.output)")

            try Data("<Invoice><unclosed></Invoice>".utf8).write(to: URL(fileURLWithPath: "\(root)/broken.xml"))
            let broken = try await cli(["validate", "\(root)/broken.xml"])
            #expect(broken.status == 1)
            #expect(broken.output.contains("not well-formed"), "\(broken.output)")
        }
    }

    @Test("validate on the official samples: the service and --local agree, errors exit 1")
    func validateSamples() async throws {
        try await withServices { cli, _ in
            let samples = Samples.all.filter { !$0.path.contains("PDF-A3") }
            let errorSample = try #require(samples.first { Samples.name($0) == "Standard_Invoice_Error" }).path
            let viaService = try await cli(["validate", errorSample, "--at", "2023-01-01", "--json"])
            let locally = try await cli(["validate", errorSample, "--at", "2023-01-01", "--json", "--local"])
            #expect(viaService.status == 1)
            #expect(locally.status == 1)
            let serviceRules = Set((try json(viaService.output)["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
            let localRules = Set((try json(locally.output)["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
            #expect(serviceRules.contains("BR-KSA-84"))
            #expect(serviceRules == localRules)

            let exempt = try #require(samples.first { Samples.name($0) == "Exempt Tax Invoice" }).path
            let fine = try await cli(["validate", exempt, "--at", "2023-01-01", "--lang", "en"])
            #expect(fine.status == 0, "\(fine.output)")
            #expect(fine.output.contains("VALID"))
        }
    }
}
