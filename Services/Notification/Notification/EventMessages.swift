import Foundation
import NotificationContract

/// What each event says, to whom: e-mail to the buyer or to the seller's operators, in Arabic
/// and English, and a JSON call to every webhook subscribed to the event.
enum EventMessages {
    struct Planned: Sendable {
        var key: String
        var email: EmailMessage?
        var webhook: WebhookMessage?
    }

    static func plan(_ event: Event, config: NotificationConfig) throws -> [Planned] {
        var planned: [Planned] = []
        let base = "\(event.kind.rawValue):\(event.subject)"
        if config.smtp?.url != nil {
            for (recipients, email) in try emails(for: event, operators: config.operators ?? []) {
                planned.append(Planned(key: "\(base):email:\(recipients.joined(separator: ","))", email: email))
            }
        }
        for webhook in config.webhooks ?? [] where webhook.events.map({ $0.contains(event.kind.rawValue) }) ?? true {
            planned.append(Planned(key: "\(base):webhook:\(webhook.name)", webhook: WebhookMessage(endpoint: webhook.name, event: event.kind.rawValue, body: try body(event))))
        }
        return planned
    }

    /// The webhook body: the event's facts as JSON (the XML is not included; fetch it by id).
    static func body(_ event: Event) throws -> Data {
        var fields: [String: String] = ["event": event.kind.rawValue, "subject": event.subject]
        let optional: [(String, String?)] = [
            ("invoice_id", event.invoiceID), ("invoice_number", event.invoiceNumber), ("seller_vat", event.sellerVAT), ("seller_name", event.sellerName),
            ("buyer_name", event.buyerName), ("total", event.total), ("currency", event.currency), ("egs_id", event.egsID),
            ("issued_at", event.issuedAt.map { $0.formatted(.iso8601) }), ("expires_at", event.expiresAt.map { $0.formatted(.iso8601) }),
            ("ticket_id", event.ticketID), ("due_at", event.dueAt.map { $0.formatted(.iso8601) }),
        ]
        for case (let key, let value?) in optional { fields[key] = value }
        var object: [String: Any] = fields
        if !event.messages.isEmpty { object["messages"] = event.messages }
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    private static func emails(for event: Event, operators: [String]) throws -> [([String], EmailMessage)] {
        let number = event.invoiceNumber ?? event.invoiceID ?? event.subject
        let seller = event.sellerName ?? event.sellerVAT ?? "einvoice"
        let messages = event.messages.map { "• \($0)" }.joined(separator: "\n")
        switch event.kind {
        case .invoiceReady:
            guard let buyer = event.buyerEmail else { return [] }
            let amount = [event.total, event.currency].compactMap { $0 }.joined(separator: " ")
            let arabic = Text(
                subject: "فاتورة ضريبية \(number) من \(seller)",
                body: "عزيزنا العميل \(event.buyerName ?? "")،\n\nمرفق فاتورتكم الضريبية رقم \(number)" + (amount.isEmpty ? "" : " بمبلغ \(amount)")
                    + " من \(seller)، بصيغة XML المعتمدة من هيئة الزكاة والضريبة والجمارك.\n\nمع التحية."
            )
            let english = Text(
                subject: "Tax invoice \(number) from \(seller)",
                body: "Dear \(event.buyerName ?? "customer"),\n\nAttached is your tax invoice \(number)" + (amount.isEmpty ? "" : " for \(amount)")
                    + " from \(seller), in the XML format approved by ZATCA.\n\nKind regards."
            )
            var email = compose(arabic: arabic, english: english, language: event.buyerLanguage, to: [buyer])
            if let xml = event.xml {
                let filename = event.buyerLanguage == "en" ? "invoice-\(number).xml" : "فاتورة-\(number).xml"
                email.attachments.append(Attachment(filename: filename, contentType: "application/xml", data: xml))
            }
            return [([buyer], email)]
        case .invoiceRejected:
            return operatorEmail(
                operators,
                Text(subject: "رفضت هيئة الزكاة الفاتورة \(number)", body: "رفضت منصة فاتورة الفاتورة \(number) للبائع \(seller). رسائل المنصة:\n\(messages)\n\nشغّل: einvoice diagnose \(number)"),
                Text(subject: "ZATCA rejected invoice \(number)", body: "The Fatoora platform rejected invoice \(number) of \(seller). The platform said:\n\(messages)\n\nRun: einvoice diagnose \(number)")
            )
        case .reportingDeadline:
            let issued = event.issuedAt.map { $0.formatted(.iso8601) } ?? "?"
            return operatorEmail(
                operators,
                Text(subject: "الفاتورة المبسطة \(number) لم يُبلَّغ عنها بعد", body: "صدرت الفاتورة المبسطة \(number) في \(issued) ولم يُبلَّغ عنها للهيئة بعد. يجب الإبلاغ خلال 24 ساعة من إصدارها."),
                Text(subject: "Simplified invoice \(number) is not reported yet", body: "Simplified invoice \(number) was issued at \(issued) and is not reported to ZATCA yet. It must be reported within 24 hours of issue.")
            )
        case .certificateExpiring:
            let expires = event.expiresAt.map { $0.formatted(.iso8601.year().month().day()) } ?? "?"
            let unit = event.egsID ?? event.subject
            return operatorEmail(
                operators,
                Text(subject: "شهادة الوحدة \(unit) تنتهي في \(expires)", body: "تنتهي شهادة التشفير (CSID) لوحدة الفوترة \(unit) في \(expires). جدّدها قبل ذلك: einvoice egs renew \(unit)"),
                Text(subject: "Certificate of unit \(unit) expires on \(expires)", body: "The CSID of invoicing unit \(unit) expires on \(expires). Renew it before then: einvoice egs renew \(unit)")
            )
        case .ticketSLA:
            let ticket = event.ticketID ?? event.subject
            let due = event.dueAt.map { $0.formatted(.iso8601) } ?? "?"
            return operatorEmail(
                operators,
                Text(subject: "التذكرة \(ticket) تقترب من موعدها المستهدف", body: "موعد التذكرة \(ticket) المستهدف \(due).\n\(messages)\n\nاعرضها: einvoice ticket show \(ticket)"),
                Text(subject: "Ticket \(ticket) nears its SLA target", body: "Ticket \(ticket) is due at \(due).\n\(messages)\n\nSee it: einvoice ticket show \(ticket)")
            )
        case .onboardingFinished, .onboardingFailed:
            let unit = event.egsID ?? event.subject
            let finished = event.kind == .onboardingFinished
            return operatorEmail(
                operators,
                Text(subject: finished ? "اكتمل تسجيل الوحدة \(unit)" : "تعذّر تسجيل الوحدة \(unit)", body: finished ? "حصلت الوحدة \(unit) على شهادة الإنتاج ويمكنها إصدار الفواتير." : "تعذّر تسجيل الوحدة \(unit):\n\(messages)"),
                Text(subject: finished ? "Unit \(unit) is onboarded" : "Onboarding of unit \(unit) failed", body: finished ? "Unit \(unit) has its production CSID and can issue invoices." : "Onboarding of unit \(unit) failed:\n\(messages)")
            )
        }
    }

    private struct Text {
        var subject: String
        var body: String
    }

    private static func operatorEmail(_ operators: [String], _ arabic: Text, _ english: Text) -> [([String], EmailMessage)] {
        guard !operators.isEmpty else { return [] }
        return [(operators, compose(arabic: arabic, english: english, language: nil, to: operators))]
    }

    /// One language, or both (Arabic first, right to left; then English).
    private static func compose(arabic: Text, english: Text, language: String?, to: [String]) -> EmailMessage {
        switch language {
        case "ar":
            return EmailMessage(to: to, subject: arabic.subject, text: arabic.body, html: html([(arabic.body, "ar")]), language: "ar")
        case "en":
            return EmailMessage(to: to, subject: english.subject, text: english.body, html: html([(english.body, "en")]), language: "en")
        default:
            return EmailMessage(
                to: to, subject: "\(arabic.subject) | \(english.subject)", text: "\(arabic.body)\n\n————\n\n\(english.body)",
                html: html([(arabic.body, "ar"), (english.body, "en")]), language: "ar, en"
            )
        }
    }

    private static func html(_ parts: [(String, String)]) -> String {
        let sections = parts.map { text, language in
            let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\n", with: "<br>\n")
            return "<div lang=\"\(language)\" dir=\"\(language == "ar" ? "rtl" : "ltr")\" style=\"text-align: \(language == "ar" ? "right" : "left")\">\(escaped)</div>"
        }
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n" + sections.joined(separator: "\n<hr>\n") + "\n</body></html>\n"
    }
}
