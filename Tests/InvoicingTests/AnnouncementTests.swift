import Foundation
import GRPCCore
import InvoiceModel
import InvoicingContract
import Notification
import NotificationContract
import ServiceRuntime
import Signing
import SigningContract
import TestSupport
import Testing

/// Invoicing tells notification what happened; notification e-mails the buyer and the
/// operators and calls the ERP's webhook. Real services on real sockets, a real SMTP server and
/// webhook receiver on loopback.
@Suite("Invoices announced to buyers and operators")
struct AnnouncementTests {
    @Test("Ready (simplified at once, standard once cleared), rejected and 20-hours-unreported invoices reach the buyer, the operators and the webhook")
    func announcements() async throws {
        let deployment = try Deployment()
        defer { deployment.remove() }
        let scratch = "\(deployment.root)/tools"
        try FileManager.default.createDirectory(atPath: "\(scratch)/hooks", withIntermediateDirectories: true)
        let smtp = try await ToolServer("smtp_sink.py", [], directory: scratch)
        let hooks = try await ToolServer("webhook_sink.py", ["--secret", "erp-secret"], directory: "\(scratch)/hooks")
        let configPath = "\(scratch)/notification.json"
        let config: [String: Any] = [
            "operators": ["ops@seller.example"],
            "webhooks": [["name": "erp", "url": "http://127.0.0.1:\(hooks.port)/einvoice", "secret": "erp-secret"]],
            "delivery": ["maxAttempts": 5, "baseDelaySeconds": 0.1, "maxDelaySeconds": 0.5],
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: configPath))
        let environment = ["EINVOICE_SMTP_URL": "smtp://127.0.0.1:\(smtp.port)", "EINVOICE_NOTIFICATION_CONFIG": configPath]

        let signing = try await deployment.startSigning()
        let invoicing = try await deployment.startInvoicing()
        let notification = try await RunningService(.notification, paths: deployment.paths) { try await NotificationService.parts($0, environment: environment) }
        do {
            try await deployment.createUnit()
            var buyer = Drafts.buyer
            buyer.contact = Contact(name: "أحمد", email: "buyer@samples.example")

            var simplified = Drafts.simplified()
            simplified.buyer = buyer
            let cash = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: simplified, egsID: "EGS-1")) }

            let cleared = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: Drafts.standard(buyer: buyer), egsID: "EGS-1")) }
            let rejected = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: Drafts.standard(buyer: buyer), egsID: "EGS-1")) }

            // Issued 21 hours ago (Riyadh time) and still not reported.
            let past = Date().addingTimeInterval(-21 * 3_600)
            var late = Drafts.simplified()
            let riyadh = TimeZone(secondsFromGMT: 3 * 3_600)!
            late.issueDate = past.formatted(Date.ISO8601FormatStyle(timeZone: riyadh).year().month().day())
            late.issueTime = past.formatted(Date.ISO8601FormatStyle(timeZone: riyadh).time(includingFractionalSeconds: false)).prefix(8).description
            let overdue = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: late, egsID: "EGS-1")) }

            let stampedXML = try #require(
                try await deployment.invoicing { try await $0.get(GetInvoiceRequest(reference: cleared.invoice.id, includeXML: true)) }.stampedXML
            )
            _ = try await deployment.invoicing { try await $0.recordOutcome(RecordOutcomeRequest(id: cleared.invoice.id, status: .cleared, clearedXML: stampedXML)) }
            let reason = Finding(rule: "BR-KSA-44", severity: .error, path: "/Invoice/cac:AccountingCustomerParty", messageEN: "Buyer VAT number is wrong", messageAR: "الرقم الضريبي للمشتري خاطئ")
            _ = try await deployment.invoicing {
                try await $0.recordOutcome(RecordOutcomeRequest(id: rejected.invoice.id, status: .rejected, detail: "HTTP 400", messages: [reason]))
            }

            // Ready: the cash sale, the cleared one and the late one; rejected: one; deadline: the late one.
            let expected = 5
            let deadline = Date().addingTimeInterval(45)
            while hooks.files(".json").count < expected, Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
            let calls = try hooks.files(".json").map { try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: $0))) as! [String: Any] }
            let events = calls.map { (($0["headers"] as? [String: String])?["X-Einvoice-Event"] ?? "", (try? JSONSerialization.jsonObject(with: Data(($0["body"] as? String ?? "").utf8)) as? [String: Any])?["invoice_id"] as? String ?? "") }
            #expect(Set(events.map { "\($0.0) \($0.1)" }) == [
                "invoice.ready \(cash.invoice.id)", "invoice.ready \(cleared.invoice.id)", "invoice.ready \(overdue.invoice.id)",
                "invoice.rejected \(rejected.invoice.id)", "reporting.deadline \(overdue.invoice.id)",
            ])
            #expect(!events.contains { $0.1 == rejected.invoice.id && $0.0 == "invoice.ready" }, "a rejected standard invoice is never sent to its buyer")
            #expect(calls.allSatisfy { $0["signature_valid"] as? Bool == true })

            // E-mails: the buyer gets the cash sale and the cleared invoice (the late one has no
            // buyer address); the operators get the rejection and the deadline.
            let mailDeadline = Date().addingTimeInterval(30)
            while smtp.files(".eml").count < 4, Date() < mailDeadline { try await Task.sleep(for: .milliseconds(100)) }
            let mails = try run("python3", [Samples.repository.appendingPathComponent("Tests/Tools/mime_check.py").path] + smtp.files(".eml"), includeStandardError: false)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(mails.output.utf8)) as? [[String: Any]])
            #expect(parsed.count == 4)
            let toBuyer = parsed.filter { $0["to"] as? String == "buyer@samples.example" }
            #expect(toBuyer.count == 2)
            #expect(toBuyer.allSatisfy { ($0["attachments"] as? [[String: Any]])?.first?["content_type"] as? String == "application/xml" })
            let toOperators = parsed.filter { $0["to"] as? String == "ops@seller.example" }
            #expect(toOperators.contains { ($0["subject"] as? String)?.contains("ZATCA rejected invoice \(rejected.invoice.number ?? "")") == true })
            #expect(toOperators.contains { ($0["text"] as? String)?.contains("BR-KSA-44: Buyer VAT number is wrong") == true })
            #expect(toOperators.contains { ($0["subject"] as? String)?.contains("is not reported yet") == true })
        } catch {
            await notification.stop()
            await invoicing.stop()
            await signing.stop()
            throw error
        }
        await notification.stop()
        await invoicing.stop()
        await signing.stop()
    }
    @Test("A production certificate that expires within 30 days is announced once to the operators and the webhook")
    func certificateExpiry() async throws {
        let deployment = try Deployment()
        defer { deployment.remove() }
        let scratch = "\(deployment.root)/tools"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let hooks = try await ToolServer("webhook_sink.py", ["--secret", "ops-secret"], directory: scratch)
        let configPath = "\(scratch)/notification.json"
        let config: [String: Any] = [
            "webhooks": [["name": "ops", "url": "http://127.0.0.1:\(hooks.port)/alerts", "secret": "ops-secret", "events": ["certificate.expiring"]]],
            "delivery": ["baseDelaySeconds": 0.1],
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: configPath))
        let key = "\(scratch)/key.pem"
        let certificate = "\(scratch)/cert.pem"
        let made = try run("openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:secp256k1", "-nodes", "-keyout", key, "-out", certificate, "-days", "10",
            "-subj", "/C=SA/OU=Riyadh/O=Tech Supply/CN=EGS-9-399999999900003",
        ])
        #expect(made.status == 0, "\(made.output)")
        let signing = try await RunningService(.signing, paths: deployment.paths) { try await SigningService.parts($0, certificateWatch: .milliseconds(300)) }
        let notification = try await RunningService(.notification, paths: deployment.paths) {
            try await NotificationService.parts($0, environment: ["EINVOICE_NOTIFICATION_CONFIG": configPath])
        }
        do {
            _ = try await withServiceClient(.signing, paths: deployment.paths) { client in
                try await Signing.Client(wrapping: client).importKey(
                    ImportKeyRequest(egsID: "EGS-9", privateKey: try String(contentsOfFile: key, encoding: .utf8), certificate: try String(contentsOfFile: certificate, encoding: .utf8), kind: .production)
                )
            }
            let deadline = Date().addingTimeInterval(30)
            while hooks.files(".json").isEmpty, Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
            try await Task.sleep(for: .seconds(1))  // several more passes of the watch
            let calls = try hooks.files(".json").map { try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: $0))) as! [String: Any] }
            #expect(calls.count == 1, "announced once, however often the watch looks")
            let body = try JSONSerialization.jsonObject(with: Data((calls.first?["body"] as? String ?? "").utf8)) as? [String: Any]
            #expect(body?["event"] as? String == "certificate.expiring")
            #expect(body?["egs_id"] as? String == "EGS-9")
            #expect((body?["expires_at"] as? String)?.isEmpty == false)
        } catch {
            await notification.stop()
            await signing.stop()
            throw error
        }
        await notification.stop()
        await signing.stop()
    }
}
