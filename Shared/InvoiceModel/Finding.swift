/// Whether a finding stops an invoice (ZATCA rejects it) or only needs attention.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// One problem found in an invoice: which rule, how bad, where, and what to do, in English and
/// in Arabic.
///
/// `rule` is ZATCA's identifier (`BR-KSA-40`, `BR-CO-15`, …) or, for checks einvoice adds on
/// requests, one starting with `EINV-`. `path` locates the field in the UBL document;
/// `field` locates it in the JSON request when the invoice came from one.
public struct Finding: Sendable, Hashable, Codable {
    public var rule: String
    public var severity: Severity
    /// XPath-like location in the UBL XML (`/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount`).
    public var path: String
    /// Location in the JSON request (`lines[1].rate`), when there is one.
    public var field: String?
    /// The value that failed, when there is one.
    public var value: String?
    public var messageEN: String
    public var messageAR: String

    public init(rule: String, severity: Severity, path: String, field: String? = nil, value: String? = nil, messageEN: String, messageAR: String) {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.field = field
        self.value = value
        self.messageEN = messageEN
        self.messageAR = messageAR
    }

    enum CodingKeys: String, CodingKey {
        case rule, severity, path, field, value
        case messageEN = "message_en"
        case messageAR = "message_ar"
    }
}

extension Array where Element == Finding {
    public var errors: [Finding] { filter { $0.severity == .error } }
    public var warnings: [Finding] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
    /// The distinct rule IDs, sorted.
    public var ruleIDs: [String] { Set(map(\.rule)).sorted() }
}
