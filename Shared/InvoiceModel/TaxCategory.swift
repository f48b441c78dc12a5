/// A VAT category with its rate and, for Z, E and O, the exemption reason.
public struct TaxCategory: Sendable, Hashable, Codable {
    /// `S`, `Z`, `E` or `O` (kept as text: a document may hold anything).
    public var id: String?
    /// The rate in percent (`15.00`).
    public var percent: ExactDecimal?
    /// BT-121 (`VATEX-SA-32`, …).
    public var exemptionReasonCode: String?
    /// BT-120.
    public var exemptionReason: String?
    /// Whether `cac:TaxScheme/cbc:ID` is `VAT`.
    public var schemeIsVAT: Bool

    public init(id: String?, percent: ExactDecimal?, exemptionReasonCode: String? = nil, exemptionReason: String? = nil, schemeIsVAT: Bool = true) {
        self.id = id
        self.percent = percent
        self.exemptionReasonCode = exemptionReasonCode
        self.exemptionReason = exemptionReason
        self.schemeIsVAT = schemeIsVAT
    }

    public var category: VATCategory? { id.flatMap(VATCategory.init(rawValue:)) }
}

/// The four VAT categories ZATCA accepts (BR-KSA-18).
public enum VATCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// Standard rated: 15 % (or 5 % for some transitional supplies).
    case standard = "S"
    /// Zero rated: exports, international transport, medicines, …
    case zeroRated = "Z"
    /// Exempt: financial services, life insurance, residential rent.
    case exempt = "E"
    /// Out of scope: not subject to VAT.
    case outOfScope = "O"

    /// The exemption reason codes allowed for this category (BR-KSA-CL-04), empty for S.
    public var exemptionCodes: [String] {
        switch self {
        case .standard: []
        case .zeroRated:
            [
                "VATEX-SA-32", "VATEX-SA-33", "VATEX-SA-34-1", "VATEX-SA-34-2", "VATEX-SA-34-3", "VATEX-SA-34-4", "VATEX-SA-34-5",
                "VATEX-SA-35", "VATEX-SA-36", "VATEX-SA-EDU", "VATEX-SA-HEA", "VATEX-SA-MLTRY", "VATEX-SA-DIPLOMAT", "VATEX-SA-DUTYFREE",
                "VATEX-SA-ROYALDECREE", "VATEX-SA-32(bis)",
            ]
        case .exempt: ["VATEX-SA-29", "VATEX-SA-29-7", "VATEX-SA-30"]
        case .outOfScope: ["VATEX-SA-OOS"]
        }
    }
}

/// The standard English and Arabic texts for each exemption reason code, used when a request
/// gives the code without a text.
public enum ExemptionReasons {
    public static func text(for code: String) -> String? {
        texts[code]
    }

    static let texts: [String: String] = [
        "VATEX-SA-29": "Financial services mentioned in Article 29 of the VAT Regulations | الخدمات المالية",
        "VATEX-SA-29-7": "Life insurance services mentioned in Article 29 of the VAT Regulations | عقد تأمين على الحياة",
        "VATEX-SA-30": "Real estate transactions mentioned in Article 30 of the VAT Regulations | التوريدات العقارية المعفاة من الضريبة",
        "VATEX-SA-32": "Export of goods | صادرات السلع من المملكة",
        "VATEX-SA-33": "Export of services | صادرات الخدمات من المملكة",
        "VATEX-SA-34-1": "The international transport of Goods | النقل الدولي للسلع",
        "VATEX-SA-34-2": "International transport of passengers | النقل الدولي للركاب",
        "VATEX-SA-34-3": "Services directly connected and incidental to a Supply of international passenger transport | الخدمات المرتبطة مباشرة أو عرضيًا بتوريد النقل الدولي للركاب",
        "VATEX-SA-34-4": "Supply of a qualifying means of transport | توريد وسائل النقل المؤهلة",
        "VATEX-SA-34-5": "Any services relating to Goods or passenger transportation, as defined in article twenty five of these Regulations | الخدمات ذات الصلة بنقل السلع أو الركاب",
        "VATEX-SA-35": "Medicines and medical equipment | الأدوية والمعدات الطبية",
        "VATEX-SA-36": "Qualifying metals | المعادن المؤهلة",
        "VATEX-SA-EDU": "Private education to citizen | الخدمات التعليمية الخاصة للمواطنين",
        "VATEX-SA-HEA": "Private healthcare to citizen | الخدمات الصحية الخاصة للمواطنين",
        "VATEX-SA-MLTRY": "Supply of qualified military goods | توريد السلع العسكرية المؤهلة",
        "VATEX-SA-DIPLOMAT": "Supply to diplomats | التوريد للدبلوماسيين",
        "VATEX-SA-DUTYFREE": "Supply in duty-free shops | التوريد في الأسواق الحرة",
        "VATEX-SA-ROYALDECREE": "Supply exempted by royal decree | التوريد المعفى بأمر ملكي",
        "VATEX-SA-OOS": "Not subject to VAT | غير خاضع لضريبة القيمة المضافة",
    ]
}

/// BG-22: a tax total, with its VAT breakdown (BG-23) or, in the tax currency, without.
public struct TaxTotal: Sendable, Hashable, Codable {
    public var taxAmount: Amount?
    public var subtotals: [TaxSubtotal]

    public init(taxAmount: Amount?, subtotals: [TaxSubtotal] = []) {
        self.taxAmount = taxAmount
        self.subtotals = subtotals
    }
}

/// BG-23, one row of the VAT breakdown.
public struct TaxSubtotal: Sendable, Hashable, Codable {
    public var taxableAmount: Amount?
    public var taxAmount: Amount?
    public var category: TaxCategory?

    public init(taxableAmount: Amount?, taxAmount: Amount?, category: TaxCategory?) {
        self.taxableAmount = taxableAmount
        self.taxAmount = taxAmount
        self.category = category
    }
}

/// BG-22's monetary totals (`cac:LegalMonetaryTotal`).
public struct MonetaryTotal: Sendable, Hashable, Codable {
    /// BT-106, Σ line net amounts.
    public var lineExtensionAmount: Amount?
    /// BT-109.
    public var taxExclusiveAmount: Amount?
    /// BT-112.
    public var taxInclusiveAmount: Amount?
    /// BT-107.
    public var allowanceTotalAmount: Amount?
    /// BT-108.
    public var chargeTotalAmount: Amount?
    /// BT-113.
    public var prepaidAmount: Amount?
    /// BT-114.
    public var payableRoundingAmount: Amount?
    /// BT-115.
    public var payableAmount: Amount?

    public init(
        lineExtensionAmount: Amount? = nil, taxExclusiveAmount: Amount? = nil, taxInclusiveAmount: Amount? = nil,
        allowanceTotalAmount: Amount? = nil, chargeTotalAmount: Amount? = nil, prepaidAmount: Amount? = nil,
        payableRoundingAmount: Amount? = nil, payableAmount: Amount? = nil
    ) {
        self.lineExtensionAmount = lineExtensionAmount
        self.taxExclusiveAmount = taxExclusiveAmount
        self.taxInclusiveAmount = taxInclusiveAmount
        self.allowanceTotalAmount = allowanceTotalAmount
        self.chargeTotalAmount = chargeTotalAmount
        self.prepaidAmount = prepaidAmount
        self.payableRoundingAmount = payableRoundingAmount
        self.payableAmount = payableAmount
    }
}

/// A document-level (BG-20/21), line-level (BG-27/28) or price-level (BG-29) allowance or charge.
public struct AllowanceCharge: Sendable, Hashable, Codable {
    /// `true` for a charge, `false` for an allowance; nil when the indicator is not a boolean.
    public var isCharge: Bool?
    /// The indicator text as written (BR-KSA-F-02 checks it).
    public var indicatorText: String?
    /// UNTDID 5189 (allowances) or 7161 (charges).
    public var reasonCode: String?
    public var reason: String?
    /// The percentage (BT-94 …), 0–100.
    public var multiplierFactor: ExactDecimal?
    public var amount: Amount?
    public var baseAmount: Amount?
    /// Document level only.
    public var taxCategory: TaxCategory?

    public init(
        isCharge: Bool?, indicatorText: String? = nil, reasonCode: String? = nil, reason: String? = nil, multiplierFactor: ExactDecimal? = nil,
        amount: Amount?, baseAmount: Amount? = nil, taxCategory: TaxCategory? = nil
    ) {
        self.isCharge = isCharge
        self.indicatorText = indicatorText ?? isCharge.map { $0 ? "true" : "false" }
        self.reasonCode = reasonCode
        self.reason = reason
        self.multiplierFactor = multiplierFactor
        self.amount = amount
        self.baseAmount = baseAmount
        self.taxCategory = taxCategory
    }
}
