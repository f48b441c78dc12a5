public import Foundation

/// Turns an ``InvoiceDraft`` into an ``Invoice`` with every amount computed, exactly and with
/// ZATCA's rounding.
///
/// - Line net amount (BT-131): quantity × (price ÷ base quantity), cut to three decimals, plus
///   line charges, minus line allowances, rounded to two (the formula of BR-KSA-EN16931-11).
/// - Line VAT (KSA-11): line net × rate, rounded; line total (KSA-12): net + VAT (BR-KSA-51).
///   With VAT-inclusive prices the line total is the shelf total and the net is derived from it.
/// - VAT per category (BT-117): the category's taxable amount × rate, rounded once, never the
///   sum of rounded line VATs (BR-CO-17, the cause of most BR-CO-14/15 rejections).
/// - Totals (BR-CO-10/11/12/13/14/15/16): sums of what the document states.
///
/// ```swift
/// let built = InvoiceBuilder.build(draft, now: Date())
/// guard !built.findings.hasErrors else { … }
/// let xml = UBLInvoiceWriter.write(built.invoice)
/// ```
public enum InvoiceBuilder {
    /// Most lines an invoice may have. A 10,000-line invoice is about 9 MB of XML.
    public static let maximumLines = 10_000

    public struct Result: Sendable {
        public var invoice: Invoice
        /// Problems in the request itself (rules `EINV-…`); business rules are the validator's.
        public var findings: [Finding]
    }

    /// Builds the document. `number` and `uuid` override the draft's (the store assigns them);
    /// `now` supplies the issue date and time when the draft has none (Riyadh time, UTC+3).
    public static func build(_ draft: InvoiceDraft, number: String? = nil, uuid: String? = nil, now: Date = Date()) -> Result {
        var findings: [Finding] = []
        let lineCount = draft.lines.count + (draft.prepayments?.count ?? 0)
        guard lineCount <= maximumLines else {
            findings.append(
                Finding(
                    rule: "EINV-LIMIT-LINES", severity: .error, path: "/Invoice/cac:InvoiceLine", field: "lines", value: "\(lineCount)",
                    messageEN: "The invoice has \(lineCount) lines; einvoice accepts at most \(maximumLines). Split it into several invoices.",
                    messageAR: "تحتوي الفاتورة على \(lineCount) بندًا، والحد الأقصى المسموح به \(maximumLines) بند. قسّمها إلى عدة فواتير."
                )
            )
            return Result(invoice: Invoice(), findings: findings)
        }
        var context = Context(draft: draft)
        context.buildLines(&findings)
        context.buildDocumentAllowanceCharges(&findings)
        context.buildPrepayments()
        let invoice = context.assemble(number: number ?? draft.number, uuid: uuid ?? draft.uuid, now: now, findings: &findings)
        return Result(invoice: invoice, findings: findings)
    }

    /// The issue date and time in Riyadh (UTC+3, no daylight saving) for `now`.
    public static func riyadhDateTime(_ now: Date) -> (date: String, time: String) {
        let seconds = Int64(now.timeIntervalSince1970.rounded(.down)) + 3 * 3600
        let days = Int(seconds.quotientAndRemainder(dividingBy: 86_400).quotient) - (seconds < 0 && seconds % 86_400 != 0 ? 1 : 0)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let date = "\(year)-\(two(month))-\(two(day))"
        let time = "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
        return (date, time)
    }

    /// Whether `text` is a calendar date written `YYYY-MM-DD`.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func civilDate(daysSinceEpoch: Int) -> (Int, Int, Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
