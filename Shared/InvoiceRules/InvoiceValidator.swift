public import Foundation
public import InvoiceModel

/// How to validate.
public struct ValidationOptions: Sendable {
    /// Whether the document is expected to carry its stamp yet.
    public enum Stage: String, Sendable, Codable {
        /// Before the signing service has stamped it: the ICV, PIH, QR and signature rules are
        /// skipped (the stamp adds those parts).
        case unsigned
        /// A stamped document: every rule applies.
        case stamped
    }

    public var stage: Stage
    /// The clock for BR-KSA-04 (no future issue date) and BR-KSA-98 (simplified invoices reported
    /// within 24 hours). Both read issue dates and times as Riyadh time (UTC+3).
    public var now: Date
    /// Also apply einvoice's own checks on requests (`EINV-…`), stricter than ZATCA's where a
    /// document would be accepted but is surely a mistake.
    public var platformRules: Bool

    public init(stage: Stage = .unsigned, now: Date = Date(), platformRules: Bool = false) {
        self.stage = stage
        self.now = now
        self.platformRules = platformRules
    }
}

/// ZATCA's business rules, in Swift: the KSA rules and the EN 16931 rules ZATCA applies, as its
/// validation rule files (SDK 238-R3.4.8) state them, including their tolerances.
///
/// It runs on any ``Invoice``: one ``InvoiceBuilder`` made from a request, or one
/// ``InvoiceReader`` read from anybody's XML. Each ``Finding`` names its rule, severity, the
/// field's path, and says what is wrong in English and Arabic.
///
/// ```swift
/// let findings = InvoiceValidator.validate(invoice, options: ValidationOptions(stage: .stamped))
/// for finding in findings.errors { print(finding.rule, finding.path, finding.messageEN) }
/// ```
public enum InvoiceValidator {
    public static func validate(_ invoice: Invoice, options: ValidationOptions = ValidationOptions()) -> [Finding] {
        var check = RuleCheck(invoice: invoice, options: options)
        check.checkHeader()
        check.checkStamp()
        check.checkParties()
        check.checkDeliveryAndPayment()
        check.checkNotes()
        check.checkAllowanceCharges()
        check.checkTaxBreakdown()
        check.checkTotals()
        check.checkLines()
        check.checkPrepayments()
        check.checkAmountsAndCodes()
        if options.platformRules {
            check.checkPlatformRules()
        }
        return check.findings
    }
}

/// The state of one validation run and the helpers the rules share.
struct RuleCheck {
    let invoice: Invoice
    let options: ValidationOptions
    var findings: [Finding] = []
    /// KSA-2 matches `01\d{5}` (the schematron's test for tax invoices and their notes).
    let isStandard: Bool
    /// KSA-2 matches `02\d{5}`.
    let isSimplified: Bool
    let documentCurrency: String?

    init(invoice: Invoice, options: ValidationOptions) {
        self.invoice = invoice
        self.options = options
        let name = invoice.typeName ?? ""
        isStandard = Self.containsCode(name, prefix: "01")
        isSimplified = Self.containsCode(name, prefix: "02")
        documentCurrency = invoice.documentCurrency
    }

    /// Whether `name` contains `prefix` followed by five digits (an unanchored regex match).
    static func containsCode(_ name: String, prefix: String) -> Bool {
        let bytes = Array(name.utf8)
        let first = Array(prefix.utf8)
        guard bytes.count >= 7 else { return false }
        for start in 0...(bytes.count - 7) where bytes[start] == first[0] && bytes[start + 1] == first[1] {
            if bytes[(start + 2)..<(start + 7)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
        }
        return false
    }

    /// Records a finding for rule `id` at `path`. The message is the rule's definition, then the
    /// specifics of this case, then the value found.
    mutating func report(_ id: String, _ path: String, value: String? = nil, en detailEN: String? = nil, ar detailAR: String? = nil) {
        let definition = RuleCatalog.definition(id)
        var english = definition?.en ?? id
        var arabic = definition?.ar ?? id
        if let detailEN { english += " " + detailEN }
        if let detailAR { arabic += " " + detailAR }
        if let value {
            let shown = value.count > 80 ? String(value.prefix(80)) + "…" : value
            english += " Found: '\(shown)'."
            arabic += " القيمة الموجودة: '\(shown)'."
        }
        if let definition {
            english += " " + definition.fixEN
            arabic += " " + definition.fixAR
        }
        findings.append(
            Finding(
                rule: id, severity: definition?.severity ?? .error, path: path, value: value,
                messageEN: english, messageAR: arabic
            )
        )
    }
}

// MARK: - XPath-like helpers

extension RuleCheck {
    /// True for a present, non-empty string (XPath `x != ''`).
    static func present(_ value: String?) -> Bool {
        guard let value else { return false }
        return !value.isEmpty
    }

    /// XPath `normalize-space`.
    static func normalized(_ value: String?) -> String {
        guard let value else { return "" }
        // Most values have nothing to normalize: no tab or line break, no leading, trailing or
        // doubled space.
        var previousSpace = true
        var clean = true
        for byte in value.utf8 {
            switch byte {
            case 0x20:
                clean = !previousSpace
                previousSpace = true
            case 0x09, 0x0A, 0x0D:
                clean = false
            default:
                previousSpace = false
            }
            if !clean { break }
        }
        if value.isEmpty || (clean && !previousSpace) { return value }
        return value.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// XPath `string-length` (code points).
    static func length(_ value: String?) -> Int {
        value?.unicodeScalars.count ?? 0
    }

    static func isDigits(_ value: String, count: Int? = nil) -> Bool {
        guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        if let count { return value.utf8.count == count }
        return true
    }

    /// Decimals after the point as written.
    static func decimals(_ amount: Amount?) -> Int {
        amount?.value.decimals ?? 0
    }

    /// XPath `round(x * 100) div 100` on decimals: half toward positive infinity.
    static func round2(_ value: ExactDecimal) -> ExactDecimal {
        value.rounded(scale: 2, .halfTowardPositiveInfinity)
    }

    static let root = "/Invoice"
    static let seller = "/Invoice/cac:AccountingSupplierParty/cac:Party"
    static let buyer = "/Invoice/cac:AccountingCustomerParty/cac:Party"
    static let totals = "/Invoice/cac:LegalMonetaryTotal"

    static func line(_ index: Int) -> String { "/Invoice/cac:InvoiceLine[\(index + 1)]" }
    static func allowanceCharge(_ index: Int) -> String { "/Invoice/cac:AllowanceCharge[\(index + 1)]" }
    static func taxTotal(_ index: Int) -> String { "/Invoice/cac:TaxTotal[\(index + 1)]" }
    static func subtotal(_ total: Int, _ index: Int) -> String { "\(taxTotal(total))/cac:TaxSubtotal[\(index + 1)]" }
}
