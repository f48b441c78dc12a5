/// BG-25, one invoice line.
public struct InvoiceLine: Sendable, Hashable, Codable {
    /// BT-126.
    public var id: String?
    /// BT-129 with its unit (BT-130).
    public var quantity: ExactDecimal?
    /// The quantity's text as written (BR-22 compares the text with `0`).
    public var quantityText: String?
    public var unitCode: String?
    /// BT-131, the line net amount.
    public var lineExtensionAmount: Amount?
    /// KSA-26…29: the prepayment invoice this line settles (prepayment adjustment lines only).
    public var prepaymentReference: PrepaymentReference?
    /// BG-27/28.
    public var allowanceCharges: [AllowanceCharge]
    /// KSA-11, the line VAT amount.
    public var taxAmount: Amount?
    /// KSA-12, the line amount with VAT.
    public var roundingAmount: Amount?
    /// KSA-31…34 on prepayment adjustment lines: the prepaid taxable and tax amounts.
    public var taxSubtotals: [TaxSubtotal]
    public var item: Item
    public var price: Price?

    public init(
        id: String?, quantity: ExactDecimal?, quantityText: String? = nil, unitCode: String? = nil, lineExtensionAmount: Amount?,
        prepaymentReference: PrepaymentReference? = nil, allowanceCharges: [AllowanceCharge] = [], taxAmount: Amount? = nil,
        roundingAmount: Amount? = nil, taxSubtotals: [TaxSubtotal] = [], item: Item, price: Price?
    ) {
        self.id = id
        self.quantity = quantity
        self.quantityText = quantityText ?? quantity?.description
        self.unitCode = unitCode
        self.lineExtensionAmount = lineExtensionAmount
        self.prepaymentReference = prepaymentReference
        self.allowanceCharges = allowanceCharges
        self.taxAmount = taxAmount
        self.roundingAmount = roundingAmount
        self.taxSubtotals = taxSubtotals
        self.item = item
        self.price = price
    }
}

/// BG-31.
public struct Item: Sendable, Hashable, Codable {
    /// BT-153.
    public var name: String?
    public var buyersItemID: String?
    public var sellersItemID: String?
    public var standardItemID: String?
    /// BT-151/152 and the exemption reason.
    public var taxCategory: TaxCategory?

    public init(name: String?, buyersItemID: String? = nil, sellersItemID: String? = nil, standardItemID: String? = nil, taxCategory: TaxCategory?) {
        self.name = name
        self.buyersItemID = buyersItemID
        self.sellersItemID = sellersItemID
        self.standardItemID = standardItemID
        self.taxCategory = taxCategory
    }
}

/// BG-29.
public struct Price: Sendable, Hashable, Codable {
    /// BT-146, the net price.
    public var amount: Amount?
    /// BT-149 with its unit.
    public var baseQuantity: ExactDecimal?
    public var baseQuantityUnitCode: String?
    /// The price discount (BT-147, with the gross price BT-148 as its base amount).
    public var allowanceCharges: [AllowanceCharge]

    public init(amount: Amount?, baseQuantity: ExactDecimal? = nil, baseQuantityUnitCode: String? = nil, allowanceCharges: [AllowanceCharge] = []) {
        self.amount = amount
        self.baseQuantity = baseQuantity
        self.baseQuantityUnitCode = baseQuantityUnitCode
        self.allowanceCharges = allowanceCharges
    }
}

/// The prepayment invoice a line settles (`cac:DocumentReference` on the line).
public struct PrepaymentReference: Sendable, Hashable, Codable {
    /// KSA-26, the prepayment invoice's number.
    public var id: String?
    public var uuid: String?
    /// KSA-28.
    public var issueDate: String?
    /// KSA-29.
    public var issueTime: String?
    /// KSA-30, `386`.
    public var documentTypeCode: String?

    public init(id: String?, uuid: String? = nil, issueDate: String? = nil, issueTime: String? = nil, documentTypeCode: String? = "386") {
        self.id = id
        self.uuid = uuid
        self.issueDate = issueDate
        self.issueTime = issueTime
        self.documentTypeCode = documentTypeCode
    }
}
