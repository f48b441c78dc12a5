import Foundation
import GRPCCore
import InvoiceModel
import InvoiceRules
import InvoicingContract
import SigningContract
import SupportContract
import UnixSocketTransport
import ZATCAStamp

/// Explains an invoice or an XML document: ZATCA's business rules (through the invoicing
/// service's validator), the cryptographic stamp (through the signing service's verifier), and
/// what the Fatoora platform said, each with its field, likely cause and fix, in English and Arabic.
struct Diagnoser: Sendable {
    let invoicing: GRPCClient<UnixSocketClientTransport>
    let signing: GRPCClient<UnixSocketClientTransport>

    private var options: CallOptions {
        var options = CallOptions.defaults
        options.timeout = .seconds(30)
        return options
    }

    func diagnose(_ request: DiagnoseRequest, now: Date) async throws -> Diagnosis {
        let invoicingClient = Invoicing.Client(wrapping: invoicing)
        if let reference = request.reference {
            let detail: InvoiceDetail
            do {
                detail = try await invoicingClient.get(GetInvoiceRequest(reference: reference, sellerVAT: request.sellerVAT, includeXML: true), options: options)
            } catch let error as RPCError where error.code == .notFound {
                throw SupportError.notFound("No invoice '\(reference)' in the store. Give its number (INV-000042) or id, or diagnose the XML file itself.")
            }
            let record = detail.invoice
            var items: [DiagnosisItem] = []
            // What the platform said, newest first.
            for event in detail.history.reversed() where event.status == .rejected || !event.messages.isEmpty {
                items += event.messages.map { Self.platformItem($0) }
                if event.messages.isEmpty, event.status == .rejected, let text = event.detail {
                    items.append(Self.platformItem(Finding(rule: Self.platformCode(in: text), severity: .error, path: "", messageEN: text, messageAR: text)))
                }
            }
            if let xml = detail.clearedXML ?? detail.stampedXML ?? detail.unsignedXML {
                items += try await documentItems(xml, evaluatedAt: request.evaluatedAt ?? record.createdAt)
            }
            let history = detail.history.map { event in
                "\(event.at.formatted(.iso8601)) \(event.status.rawValue) by \(event.source)" + (event.detail.map { ": \($0)" } ?? "")
            }
            return Self.finish(
                subject: record.number ?? record.id, invoiceID: record.id, status: record.status.rawValue, history: history, items: Self.deduplicated(items), now: now
            )
        }
        guard let xml = request.xml else { throw SupportError.invalidRequest("Give an invoice number or id, or an XML document.") }
        let items = try await documentItems(xml, evaluatedAt: request.evaluatedAt ?? now)
        return Self.finish(subject: "XML document", invoiceID: nil, status: nil, history: [], items: Self.deduplicated(items), now: now)
    }

    /// The rules' findings and, for a stamped document, the stamp's failed checks.
    private func documentItems(_ xml: Data, evaluatedAt: Date) async throws -> [DiagnosisItem] {
        let validated: ValidateResponse
        do {
            validated = try await Invoicing.Client(wrapping: invoicing).validate(ValidateRequest(xml: xml, evaluatedAt: evaluatedAt), options: options)
        } catch let error as RPCError where error.code == .invalidArgument {
            // Not an invoice at all (not XML, another root element).
            return [
                DiagnosisItem(
                    source: "rules", code: "EINV-NOT-AN-INVOICE", severity: "error", whatEN: error.message, whatAR: "الملف ليس فاتورة بصيغة UBL قابلة للقراءة: \(error.message)",
                    causeEN: "The file is not UBL XML: a PDF, a JSON export, a truncated download, or XML with another root element.",
                    causeAR: "الملف ليس بصيغة UBL XML: قد يكون ملف PDF أو تصديرًا بصيغة JSON أو تنزيلًا ناقصًا أو ملف XML بعنصر جذر مختلف.",
                    fixEN: "Export the invoice as UBL 2.1 XML (<Invoice>) and diagnose that file.", fixAR: "صدّر الفاتورة بصيغة UBL 2.1 XML (العنصر <Invoice>) ثم شخّص ذلك الملف."
                )
            ]
        }
        var items = validated.findings.map(Self.ruleItem)
        if validated.stamped {
            let report = try await Signing.Client(wrapping: signing).verify(VerifyRequest(document: xml), options: options)
            items += report.checks.filter { !$0.passed }.map(Self.stampItem)
        }
        return items
    }

    // MARK: Items

    static func ruleItem(_ finding: Finding) -> DiagnosisItem {
        let definition = RuleCatalog.definition(finding.rule)
        let cause = KnowledgeBase.causes[finding.rule]
        let found = finding.value.map { (en: " Found: '\($0)'.", ar: " القيمة الموجودة: '\($0)'.") } ?? (en: "", ar: "")
        return DiagnosisItem(
            source: "rules", code: finding.rule, severity: finding.severity.rawValue, field: finding.field, path: finding.path, value: finding.value,
            whatEN: (definition?.en).map { $0 + found.en } ?? finding.messageEN, whatAR: (definition?.ar).map { $0 + found.ar } ?? finding.messageAR,
            causeEN: cause?.en ?? "See the rule's requirement.", causeAR: cause?.ar ?? "راجع متطلب القاعدة.",
            fixEN: definition?.fixEN ?? finding.messageEN, fixAR: definition?.fixAR ?? finding.messageAR
        )
    }

    /// A message of the Fatoora platform: a business rule it applied, or one of its own codes.
    static func platformItem(_ message: Finding) -> DiagnosisItem {
        if RuleCatalog.definition(message.rule) != nil {
            var item = ruleItem(message)
            item.source = "platform"
            item.whatEN = message.messageEN.isEmpty ? item.whatEN : "ZATCA: \(message.messageEN)"
            return item
        }
        let entry = KnowledgeBase.platformEntry(message.rule)
        return DiagnosisItem(
            source: "platform", code: message.rule, severity: message.severity.rawValue, path: message.path.isEmpty ? nil : message.path, value: message.value,
            whatEN: [entry?.titleEN, message.messageEN.isEmpty ? nil : "ZATCA: \(message.messageEN)"].compactMap { $0 }.joined(separator: ". "),
            whatAR: [entry?.titleAR, message.messageAR.isEmpty ? nil : "الهيئة: \(message.messageAR)"].compactMap { $0 }.joined(separator: ". "),
            causeEN: entry?.causeEN ?? "einvoice does not know this platform code yet; read ZATCA's message above.",
            causeAR: entry?.causeAR ?? "لا يعرف einvoice رمز المنصة هذا بعد؛ اقرأ رسالة الهيئة أعلاه.",
            fixEN: entry?.fixEN ?? "Correct what the message names and submit a new invoice.", fixAR: entry?.fixAR ?? "صحّح ما تذكره الرسالة وأصدر فاتورة جديدة."
        )
    }

    /// The platform code that the signing verifier's failed check corresponds to.
    static func stampCode(_ checkID: String) -> String {
        VerificationReport.Check.platformCode(forCheck: checkID)
    }

    static func stampItem(_ check: VerifyResponse.Check) -> DiagnosisItem {
        let code = stampCode(check.id)
        let entry = KnowledgeBase.platformEntry(code)
        let compared = [check.expected.map { "expected \($0)" }, check.found.map { "found \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return DiagnosisItem(
            source: "stamp", code: code, severity: "error", path: nil, value: check.found,
            whatEN: "\(check.name): \(check.detail)" + (compared.isEmpty ? "" : " (\(compared))"),
            whatAR: "\(entry?.titleAR ?? check.name): \(check.detail)",
            causeEN: entry?.causeEN ?? "The stamp does not match the document.", causeAR: entry?.causeAR ?? "الختم لا يطابق المستند.",
            fixEN: entry?.fixEN ?? "Stamp the document again from its unsigned form, and send exactly the stamped bytes.",
            fixAR: entry?.fixAR ?? "اختم المستند من جديد انطلاقًا من صيغته غير الموقعة، وأرسل البايتات المختومة كما هي."
        )
    }

    /// A known platform code inside free text (an HTTP reason), or `HTTP-<status>`.
    static func platformCode(in text: String) -> String {
        for code in KnowledgeBase.platformEntries.map(\.code) where text.localizedCaseInsensitiveContains(code) { return code }
        if let range = text.range(of: #"\b[1-5][0-9][0-9]\b"#, options: .regularExpression) { return "HTTP-\(text[range])" }
        return "HTTP-400"
    }

    private static func deduplicated(_ items: [DiagnosisItem]) -> [DiagnosisItem] {
        var seen: Set<String> = []
        return items.filter { seen.insert("\($0.code)|\($0.path ?? "")|\($0.value ?? "")").inserted }
    }

    private static func finish(subject: String, invoiceID: String?, status: String?, history: [String], items: [DiagnosisItem], now: Date) -> Diagnosis {
        let ordered = items.enumerated().sorted { ($0.element.severity == "error" ? 0 : 1, $0.offset) < ($1.element.severity == "error" ? 0 : 1, $1.offset) }.map(\.element)
        let errors = ordered.filter { $0.severity == "error" }
        let warnings = ordered.count - errors.count
        let state = status.map { " It is \($0)." } ?? ""
        let stateAR = status.map { " حالتها: \($0)." } ?? ""
        let summaryEN: String
        let summaryAR: String
        if let first = errors.first {
            summaryEN = "\(subject): \(errors.count) error(s), \(warnings) warning(s).\(state) Start with \(first.code): \(first.fixEN)"
            summaryAR = "\(subject): \(errors.count) خطأ، \(warnings) تحذير.\(stateAR) ابدأ بـ \(first.code): \(first.fixAR)"
        } else {
            summaryEN = "\(subject): no error" + (warnings > 0 ? ", \(warnings) warning(s)." : ".") + state
            summaryAR = "\(subject): لا أخطاء" + (warnings > 0 ? "، \(warnings) تحذير." : ".") + stateAR
        }
        return Diagnosis(subject: subject, invoiceID: invoiceID, status: status, history: history, summaryEN: summaryEN, summaryAR: summaryAR, items: ordered, checkedAt: now)
    }
}
