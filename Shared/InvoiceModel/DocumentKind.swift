/// What a document is (BT-3, UNTDID 1001 subset ZATCA accepts).
public enum DocumentKind: String, Sendable, Hashable, Codable, CaseIterable {
    case invoice
    case creditNote = "credit-note"
    case debitNote = "debit-note"
    case prepayment

    public init?(typeCode: String) {
        switch typeCode {
        case "388": self = .invoice
        case "381": self = .creditNote
        case "383": self = .debitNote
        case "386": self = .prepayment
        default: return nil
        }
    }

    public var typeCode: String {
        switch self {
        case .invoice: "388"
        case .creditNote: "381"
        case .debitNote: "383"
        case .prepayment: "386"
        }
    }

    public var isNote: Bool { self == .creditNote || self == .debitNote }

    /// Prefix of the numbers einvoice assigns (`INV-000042`).
    public var numberPrefix: String {
        switch self {
        case .invoice: "INV-"
        case .creditNote: "CRN-"
        case .debitNote: "DBN-"
        case .prepayment: "PRE-"
        }
    }
}

/// Standard (B2B, cleared) or simplified (B2C, reported).
public enum InvoiceSubtype: String, Sendable, Hashable, Codable, CaseIterable {
    case standard
    case simplified

    public var code: String { self == .standard ? "01" : "02" }
}

/// KSA-2, the invoice transaction code `NNPNESB`: subtype and the five transaction flags.
public struct TransactionCode: Sendable, Hashable, Codable {
    public var subtype: InvoiceSubtype
    public var flags: TransactionFlags

    public init(subtype: InvoiceSubtype, flags: TransactionFlags = TransactionFlags()) {
        self.subtype = subtype
        self.flags = flags
    }

    /// Parses a 7-character code; nil if it is not `01` or `02` followed by five 0/1 digits.
    public init?(name: String) {
        let bytes = Array(name.utf8)
        guard bytes.count >= 7, bytes[0] == UInt8(ascii: "0") else { return nil }
        switch bytes[1] {
        case UInt8(ascii: "1"): subtype = .standard
        case UInt8(ascii: "2"): subtype = .simplified
        default: return nil
        }
        func flag(_ index: Int) -> Bool? {
            switch bytes[index] {
            case UInt8(ascii: "0"): false
            case UInt8(ascii: "1"): true
            default: nil
            }
        }
        guard let thirdParty = flag(2), let nominal = flag(3), let export = flag(4), let summary = flag(5), let selfBilled = flag(6) else { return nil }
        flags = TransactionFlags(thirdParty: thirdParty, nominal: nominal, export: export, summary: summary, selfBilled: selfBilled)
    }

    public var name: String {
        func digit(_ value: Bool) -> Character { value ? "1" : "0" }
        return subtype.code + String([digit(flags.thirdParty), digit(flags.nominal), digit(flags.export), digit(flags.summary), digit(flags.selfBilled)])
    }
}

/// The transaction flags of KSA-2 positions 3–7.
public struct TransactionFlags: Sendable, Hashable, Codable {
    /// Issued by a third party on behalf of the seller.
    public var thirdParty: Bool
    /// A nominal supply (gift, sample, own use).
    public var nominal: Bool
    /// An export (standard invoices only).
    public var export: Bool
    /// A summary invoice for a period (needs supply date and end date).
    public var summary: Bool
    /// Issued by the buyer on the seller's behalf (standard only, never for exports).
    public var selfBilled: Bool

    public init(thirdParty: Bool = false, nominal: Bool = false, export: Bool = false, summary: Bool = false, selfBilled: Bool = false) {
        self.thirdParty = thirdParty
        self.nominal = nominal
        self.export = export
        self.summary = summary
        self.selfBilled = selfBilled
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        thirdParty = try container.decodeIfPresent(Bool.self, forKey: .thirdParty) ?? false
        nominal = try container.decodeIfPresent(Bool.self, forKey: .nominal) ?? false
        export = try container.decodeIfPresent(Bool.self, forKey: .export) ?? false
        summary = try container.decodeIfPresent(Bool.self, forKey: .summary) ?? false
        selfBilled = try container.decodeIfPresent(Bool.self, forKey: .selfBilled) ?? false
    }
}
