import Foundation
import GRPCCore
import InvoiceModel
import InvoicingContract
import Notification
import NotificationContract
import ServiceRuntime
import Support
import SupportContract
import TestSupport
import Testing
import UnixSocketTransport

/// The support desk with the services it reads: signing, invoicing, notification, support, on
/// real sockets.
@Suite("Support desk")
struct SupportDeskTests {
    func support<T: Sendable>(_ deployment: Deployment, _ body: (Support.Client<UnixSocketClientTransport>) async throws -> T) async throws -> T {
        try await withServiceClient(.support, paths: deployment.paths) { try await body(Support.Client(wrapping: $0)) }
    }

    @Test("ZATCA's rejection opens a ticket linked to the invoice with the diagnosis attached; a ticket near its SLA target warns the operators")
    func rejectionOpensTicket() async throws {
        let deployment = try Deployment()
        defer { deployment.remove() }
        let scratch = "\(deployment.root)/tools"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let hooks = try await ToolServer("webhook_sink.py", ["--secret", "desk-secret"], directory: scratch)
        let notificationConfig = "\(scratch)/notification.json"
        try JSONSerialization.data(withJSONObject: [
            "webhooks": [["name": "desk", "url": "http://127.0.0.1:\(hooks.port)/sla", "secret": "desk-secret", "events": ["ticket.sla"]]],
            "delivery": ["baseDelaySeconds": 0.1],
        ]).write(to: URL(fileURLWithPath: notificationConfig))
        // Open around the clock, so the test does not depend on the hour it runs at; urgent
        // tickets are due within seconds.
        let supportConfig = "\(scratch)/support.json"
        try JSONSerialization.data(withJSONObject: [
            "calendar": ["workdays": ["sun", "mon", "tue", "wed", "thu", "fri", "sat"], "opens": "00:00", "closes": "24:00"],
            "targets": ["urgent": ["firstResponseHours": 0.001, "resolutionHours": 1]],
            "warnMinutes": 0.05,
        ]).write(to: URL(fileURLWithPath: supportConfig))

        let signing = try await deployment.startSigning()
        let invoicing = try await deployment.startInvoicing()
        let notification = try await RunningService(.notification, paths: deployment.paths) {
            try await NotificationService.parts($0, environment: ["EINVOICE_NOTIFICATION_CONFIG": notificationConfig])
        }
        let desk = try await RunningService(.support, paths: deployment.paths) {
            try await SupportService.parts($0, environment: ["EINVOICE_SUPPORT_CONFIG": supportConfig], slaInterval: .milliseconds(200))
        }
        do {
            try await deployment.createUnit()
            let issued = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: Drafts.standard(), egsID: "EGS-1")) }
            let reasons = [
                Finding(rule: "BR-KSA-44", severity: .error, path: "/Invoice/cac:AccountingCustomerParty", messageEN: "Buyer VAT number is wrong", messageAR: "الرقم الضريبي للمشتري خاطئ"),
                Finding(rule: "invalid-invoice-hash", severity: .error, path: "", messageEN: "The invoice hash API body does not match the (calculated) Hash of the XML", messageAR: ""),
            ]
            _ = try await deployment.invoicing {
                try await $0.recordOutcome(RecordOutcomeRequest(id: issued.invoice.id, status: .rejected, detail: "HTTP 400", messages: reasons))
            }

            var tickets: [TicketRecord] = []
            let deadline = Date().addingTimeInterval(30)
            while tickets.isEmpty, Date() < deadline {
                tickets = try await support(deployment) { try await $0.listTickets(ListTicketsRequest(invoice: issued.invoice.id)) }.tickets
                if tickets.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
            }
            let ticket = try #require(tickets.first, "the rejection opened a ticket")
            #expect(tickets.count == 1)
            #expect(ticket.channel == .automatic)
            #expect(ticket.priority == .high)
            #expect(ticket.subject.contains("ZATCA rejected invoice INV-000001"))
            #expect(ticket.invoices.contains(issued.invoice.id))
            let detail = try await support(deployment) { try await $0.getTicket(TicketReference(ticket: ticket.id)) }
            let diagnosis = try #require(detail.diagnosis, "the diagnosis is attached")
            #expect(diagnosis.status == "rejected")
            let codes = diagnosis.items.map(\.code)
            #expect(codes.contains("BR-KSA-44"))
            #expect(codes.contains("invalid-invoice-hash"))
            let hash = try #require(diagnosis.items.first { $0.code == "invalid-invoice-hash" })
            #expect(hash.source == "platform")
            #expect(hash.causeAR.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })
            #expect(detail.notes.contains { $0.text.contains("Buyer VAT number is wrong") })

            // Reporting the same rejection again opens nothing new.
            let again = try await support(deployment) {
                try await $0.reportProblem(ReportProblemRequest(kind: .rejection, invoiceID: issued.invoice.id, invoiceNumber: issued.invoice.number))
            }
            #expect(again.existing)
            #expect(again.ticket.id == ticket.id)

            // An urgent ticket by phone: due in seconds, so the watch warns through notification.
            let urgent = try await support(deployment) {
                try await $0.openTicket(OpenTicketRequest(subject: "QR لا يُقرأ | QR does not scan", channel: .phone, priority: .urgent, invoice: issued.invoice.number, author: "noura"))
            }
            #expect(urgent.diagnosis?.subject == "INV-000001")
            let warned = Date().addingTimeInterval(30)
            while hooks.files(".json").isEmpty, Date() < warned { try await Task.sleep(for: .milliseconds(100)) }
            let call = try #require(try hooks.files(".json").first.map { try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: $0))) as! [String: Any] })
            #expect(call["signature_valid"] as? Bool == true)
            #expect((call["body"] as? String)?.contains(urgent.ticket.id) == true)
            let afterWarning = try await support(deployment) { try await $0.getTicket(TicketReference(ticket: urgent.ticket.id)) }
            #expect(afterWarning.notes.contains { $0.text.hasPrefix("SLA ") && $0.text.contains("first response") })

            // Answering stops the first-response clock; waiting on the customer stops the resolution clock.
            let answered = try await support(deployment) { try await $0.addNote(TicketNoteRequest(ticket: urgent.ticket.id, author: "noura", text: "اتصلنا بالعميل")) }
            #expect(answered.ticket.firstResponseAt != nil)
            #expect(answered.ticket.status == .inProgress)
            let waiting = try await support(deployment) { try await $0.setStatus(TicketStatusRequest(ticket: urgent.ticket.id, status: .waitingOnCustomer, author: "noura")) }
            #expect(waiting.ticket.status == .waitingOnCustomer)
            try await Task.sleep(for: .seconds(1))
            let resumed = try await support(deployment) { try await $0.setStatus(TicketStatusRequest(ticket: urgent.ticket.id, status: .inProgress, author: "noura")) }
            #expect(resumed.ticket.resolutionDue.timeIntervalSince(waiting.ticket.resolutionDue) >= 0.9, "the paused second moved the resolution target")
            let closed = try await support(deployment) { try await $0.setStatus(TicketStatusRequest(ticket: urgent.ticket.id, status: .closed, author: "noura", note: "fixed")) }
            #expect(closed.ticket.resolvedAt != nil)
            let reopen = await #expect(throws: RPCError.self) {
                try await support(deployment) { try await $0.setStatus(TicketStatusRequest(ticket: urgent.ticket.id, status: .inProgress, author: "noura")) }
            }
            #expect(reopen?.code == .failedPrecondition)
        } catch {
            await desk.stop()
            await notification.stop()
            await invoicing.stop()
            await signing.stop()
            throw error
        }
        await desk.stop()
        await notification.stop()
        await invoicing.stop()
        await signing.stop()
    }
}
