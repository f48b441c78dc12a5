public import InvoiceModel

/// What one rule requires and how to fix a document that breaks it, in English and Arabic.
///
/// Every finding the validator reports starts from its rule's ``RuleDefinition``; the support
/// desk shows the same texts when staff look a rule up.
public struct RuleDefinition: Sendable, Hashable {
    /// ZATCA's identifier (`BR-KSA-40`) or einvoice's (`EINV-QUANTITY`).
    public let id: String
    public let severity: Severity
    /// What the rule requires, in one or two sentences.
    public let en: String
    public let ar: String
    /// What to change so the document passes.
    public let fixEN: String
    public let fixAR: String

    public init(_ id: String, _ severity: Severity, en: String, ar: String, fixEN: String, fixAR: String) {
        self.id = id
        self.severity = severity
        self.en = en
        self.ar = ar
        self.fixEN = fixEN
        self.fixAR = fixAR
    }
}

/// Every rule einvoice checks: ZATCA's KSA rules (`BR-KSA-…`), the EN 16931 rules ZATCA applies
/// (`BR-…`, `BR-CO-…`, `BR-DEC-…`, `BR-CL-…`, `BR-S/Z/E/O-…`), and einvoice's own checks on
/// requests (`EINV-…`).
public enum RuleCatalog {
    /// The definition of a rule, if einvoice knows it.
    public static func definition(_ id: String) -> RuleDefinition? {
        byID[id]
    }

    /// All definitions, in catalog order.
    public static var all: [RuleDefinition] { definitions }

    private static let byID: [String: RuleDefinition] = Dictionary(definitions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
}
