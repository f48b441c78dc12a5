import Foundation
import ServiceRuntime
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `einvoice diagnose` and `einvoice ticket …` against the real signing, invoicing and support executables.
@Suite("Support commands", .serialized)
struct SupportCLITests {
    private func withDesk(_ body: (_ cli: ([String]) async throws -> (status: Int32, output: String), _ scratch: String) async throws -> Void) async throws {
        try await withDeploymentDirectories { runtime, data, logs in
            let environment = ["EINVOICE_RUNTIME_DIR": runtime, "EINVOICE_DATA_DIR": data, "EINVOICE_OPERATOR": "noura"]
            let processes = try ["signing-service", "invoicing-service", "support-service"].map {
                try ServiceProcess($0, environment: environment, logDirectory: logs)
            }
            defer { processes.forEach { $0.signal(SIGKILL) } }
            for name in ["signing", "invoicing", "support"] { try await waitForFile("\(runtime)/\(name).sock") }
            let cli: ([String]) async throws -> (status: Int32, output: String) = { try await runCLI($0, environment: environment) }
            #expect(try await cli(["keys", "create", "--egs", "EGS-1", "--vat", "399999999900003", "--name", "Tech Supply", "--self-signed", "--csr-out", "\(logs)/csr.pem"]).status == 0)
            try await body(cli, logs)
        }
    }

    @Test("diagnose names each broken rule with its field, cause and fix in English and Arabic; a good invoice has no error")
    func diagnose() async throws {
        try await withDesk { cli, _ in
            let broken = try #require(Samples.all.first { Samples.name($0) == "Standard_Invoice_Error" }).path
            let text = try await cli(["diagnose", broken, "--at", "2023-01-01"])
            #expect(text.status == 1, "\(text.output)")
            #expect(text.output.contains("ERROR  BR-KSA-84  [rules]"))
            #expect(text.output.contains("What:  Wherever the VAT category is S"))
            #expect(text.output.contains("Cause: "))
            #expect(text.output.contains("المشكلة: "))
            #expect(text.output.contains("السبب المحتمل: "))
            #expect(text.output.contains("الحل: "))

            let json = try await cli(["diagnose", broken, "--at", "2023-01-01", "--json"])
            let diagnosis = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
            let items = diagnosis["items"] as? [[String: Any]] ?? []
            let rule = try #require(items.first { $0["code"] as? String == "BR-KSA-84" })
            for key in ["whatEN", "whatAR", "causeEN", "causeAR", "fixEN", "fixAR", "path"] {
                #expect((rule[key] as? String)?.isEmpty == false, "\(key)")
            }

            // Change one amount of a valid stamped sample: the stamp no longer matches.
            let sample = try #require(Samples.all.first { Samples.name($0) == "Simplified_Invoice" })
            var tampered = try String(contentsOf: sample, encoding: .utf8)
            tampered = tampered.replacingOccurrences(of: "<cbc:Note languageID=\"ar\">ABC</cbc:Note>", with: "<cbc:Note languageID=\"ar\">ABD</cbc:Note>")
            let path = try temporaryFile("tampered-\(UUID().uuidString.prefix(6)).xml", Array(tampered.utf8)).path
            let stamp = try await cli(["diagnose", path, "--at", "2023-01-01", "--lang", "en"])
            #expect(stamp.status == 1)
            #expect(stamp.output.contains("invalid-invoice-hash  [stamp]"), "\(stamp.output)")

            let issued = try await cli(["invoice", "issue", Samples.repository.appendingPathComponent("protocols/Invoicing/examples/standard-invoice.json").path, "--egs", "EGS-1"])
            #expect(issued.status == 0, "\(issued.output)")
            let good = try await cli(["diagnose", "INV-000001", "--lang", "en"])
            #expect(good.status == 0, "\(good.output)")
            #expect(good.output.contains("INV-000001: no error"))
            #expect(good.output.contains("It is stamped."))
            let missing = try await cli(["diagnose", "INV-424242"])
            #expect(missing.status == 1)
            #expect(missing.output.contains("No invoice 'INV-424242'"))
        }
    }

    @Test("ticket open, list, note, assign, status and close; bad input is refused with what to do")
    func tickets() async throws {
        try await withDesk { cli, _ in
            // Issued today: a 2022 document would be overdue for reporting, and the desk would open
            // its own ticket for it first.
            let issued = try await cli(["invoice", "issue", Samples.repository.appendingPathComponent("deploy/demo/simplified-invoice.json").path, "--egs", "EGS-1"])
            #expect(issued.status == 0)
            let opened = try await cli([
                "ticket", "open", "--channel", "phone", "--subject", "العميل لا يستطيع قراءة رمز QR | QR does not scan", "--invoice", "INV-000001", "--priority", "high",
                "--description", "اتصل أحمد من الفرع الرئيسي",
            ])
            #expect(opened.status == 0, "\(opened.output)")
            #expect(opened.output.contains("T-000001  new  high  via phone"))
            #expect(opened.output.contains("Diagnosis:"))
            #expect(opened.output.contains("INV-000001: no error"))

            let listed = try await cli(["ticket", "list"])
            #expect(listed.output.hasPrefix("TICKET"))
            #expect(listed.output.contains("T-000001  new"))
            // Arabic cells are isolated, so a terminal does not reorder neighbouring cells as one run.
            #expect(listed.output.contains("\u{2068}العميل لا يستطيع"), "\(listed.output)")
            #expect(try await cli(["ticket", "note", "T-000001", "اتصلنا بالعميل وشرحنا الخطوات"]).status == 0)
            #expect(try await cli(["ticket", "assign", "1", "--to", "ahmed"]).output.contains("assigned to ahmed"))
            #expect(try await cli(["ticket", "status", "1", "waiting-on-customer", "--note", "asked for a photo"]).status == 0)
            let closed = try await cli(["ticket", "close", "t-1", "--note", "the printer's resolution was too low"])
            #expect(closed.status == 0, "\(closed.output)")
            let shown = try await cli(["ticket", "show", "T-000001", "--json"])
            let detail = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
            let ticket = try #require(detail["ticket"] as? [String: Any])
            #expect(ticket["status"] as? String == "closed")
            #expect(ticket["assignee"] as? String == "ahmed")
            #expect(ticket["firstResponseAt"] != nil)
            let notes = (detail["notes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(notes.contains("اتصلنا بالعميل وشرحنا الخطوات"))
            #expect(notes.contains { $0.contains("waiting-on-customer → closed: the printer's resolution was too low") })
            #expect((detail["notes"] as? [[String: Any]] ?? []).contains { $0["author"] as? String == "noura" })

            let fax = try await cli(["ticket", "open", "--channel", "fax", "--subject", "x"])
            #expect(fax.status != 0)
            #expect(fax.output.contains("phone"), "the choices are listed: \(fax.output)")
            let noSuch = try await cli(["ticket", "show", "T-000099"])
            #expect(noSuch.status == 1)
            #expect(noSuch.output.contains("No ticket T-000099"))
            let again = try await cli(["ticket", "close", "1"])
            #expect(again.status == 1)
            #expect(again.output.contains("is closed; it cannot become closed"))
            let empty = try await cli(["ticket", "open", "--channel", "email", "--subject", "   "])
            #expect(empty.status == 1)
            #expect(empty.output.contains("subject must be 1 to 500 characters"))
        }
    }
}
