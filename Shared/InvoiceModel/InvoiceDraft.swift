/// What a business sends to issue an invoice or a note: the sale, not the arithmetic.
///
/// The JSON form is documented in `protocols/Invoicing/INVOICE-JSON.md`, with an example for
/// every ZATCA scenario. Amounts are decimal strings (`"869.57"`); ``InvoiceBuilder`` computes
/// every line, tax and total from them with ZATCA's rounding.
public struct InvoiceDraft: Sendable, Hashable, Codable {
    public var kind: DocumentKind
    public var subtype: InvoiceSubtype
    public var flags: TransactionFlags?
    /// The invoice number; assigned by the invoice store (per seller, without gaps) when absent.
    public var number: String?
    public var uuid: String?
    /// `YYYY-MM-DD`; today in Riyadh when absent.
    public var issueDate: String?
    /// `hh:mm:ss`; now in Riyadh when absent.
    public var issueTime: String?
    /// ISO 4217, `SAR` when absent.
    public var currency: String?
    /// SAR per unit of `currency`; required when the currency is not SAR (VAT is also stated in SAR).
    public var exchangeRate: ExactDecimal?
    public var seller: DraftParty
    public var buyer: DraftParty?
    /// KSA-5.
    public var supplyDate: String?
    /// KSA-24 (summary invoices).
    public var supplyEndDate: String?
    /// UNTDID 4461 payment means code; `10` (cash) when absent.
    public var paymentMeansCode: String?
    public var payeeAccount: String?
    /// For credit and debit notes: the number of the invoice they adjust (BT-25).
    public var billingReference: String?
    /// For credit and debit notes: why (KSA-10).
    public var reason: String?
    public var notes: [String]?
    public var purchaseOrder: String?
    public var contract: String?
    /// Whether line prices include VAT (point-of-sale prices); a line may override it.
    public var pricesIncludeVAT: Bool?
    public var lines: [DraftLine]
    public var allowances: [DraftAllowanceCharge]?
    public var charges: [DraftAllowanceCharge]?
    /// Prepayment invoices this invoice settles.
    public var prepayments: [DraftPrepayment]?
    /// BT-114, added to the amount due (for example `-0.01` to make it a round figure).
    public var payableRoundingAmount: ExactDecimal?

    public init(
        kind: DocumentKind = .invoice, subtype: InvoiceSubtype, flags: TransactionFlags? = nil, number: String? = nil, uuid: String? = nil,
        issueDate: String? = nil, issueTime: String? = nil, currency: String? = nil, exchangeRate: ExactDecimal? = nil, seller: DraftParty,
        buyer: DraftParty? = nil, supplyDate: String? = nil, supplyEndDate: String? = nil, paymentMeansCode: String? = nil,
        payeeAccount: String? = nil, billingReference: String? = nil, reason: String? = nil, notes: [String]? = nil,
        purchaseOrder: String? = nil, contract: String? = nil, pricesIncludeVAT: Bool? = nil, lines: [DraftLine],
        allowances: [DraftAllowanceCharge]? = nil, charges: [DraftAllowanceCharge]? = nil, prepayments: [DraftPrepayment]? = nil,
        payableRoundingAmount: ExactDecimal? = nil
    ) {
        self.kind = kind
        self.subtype = subtype
        self.flags = flags
        self.number = number
        self.uuid = uuid
        self.issueDate = issueDate
        self.issueTime = issueTime
        self.currency = currency
        self.exchangeRate = exchangeRate
        self.seller = seller
        self.buyer = buyer
        self.supplyDate = supplyDate
        self.supplyEndDate = supplyEndDate
        self.paymentMeansCode = paymentMeansCode
        self.payeeAccount = payeeAccount
        self.billingReference = billingReference
        self.reason = reason
        self.notes = notes
        self.purchaseOrder = purchaseOrder
        self.contract = contract
        self.pricesIncludeVAT = pricesIncludeVAT
        self.lines = lines
        self.allowances = allowances
        self.charges = charges
        self.prepayments = prepayments
        self.payableRoundingAmount = payableRoundingAmount
    }
}

/// A seller or buyer in a request.
public struct DraftParty: Sendable, Hashable, Codable {
    public var name: String?
    public var vatNumber: String?
    /// Another identifier: the seller's CRN (or MOM, MLS, 700, SAG, OTH), or a buyer's ID when it
    /// has no VAT number (TIN, CRN, NAT, GCC, IQA, PAS, …).
    public var id: DraftIdentifier?
    public var address: PostalAddress?
    public var contact: Contact?

    public init(name: String? = nil, vatNumber: String? = nil, id: DraftIdentifier? = nil, address: PostalAddress? = nil, contact: Contact? = nil) {
        self.name = name
        self.vatNumber = vatNumber
        self.id = id
        self.address = address
        self.contact = contact
    }
}

public struct DraftIdentifier: Sendable, Hashable, Codable {
    public var scheme: String
    public var value: String

    public init(scheme: String, value: String) {
        self.scheme = scheme
        self.value = value
    }
}

/// One line of a request.
public struct DraftLine: Sendable, Hashable, Codable {
    public var id: String?
    public var name: String
    public var quantity: ExactDecimal
    /// UN/ECE rec 20 unit (`PCE` when absent).
    public var unitCode: String?
    /// The unit price: net of VAT, or including it when `priceIncludesVAT` (or the draft's
    /// `pricesIncludeVAT`) is true.
    public var price: ExactDecimal
    /// How many units `price` is for (`1` when absent).
    public var baseQuantity: ExactDecimal?
    /// A discount off the unit price (the price is then the gross price).
    public var priceDiscount: ExactDecimal?
    public var priceIncludesVAT: Bool?
    /// `S`, `Z`, `E` or `O`.
    public var category: String
    /// Percent; 15 for S when absent, 0 for the others.
    public var rate: ExactDecimal?
    public var exemptionReasonCode: String?
    public var exemptionReason: String?
    public var allowances: [DraftAllowanceCharge]?
    public var charges: [DraftAllowanceCharge]?
    public var sellerItemID: String?
    public var buyerItemID: String?
    public var standardItemID: String?

    public init(
        id: String? = nil, name: String, quantity: ExactDecimal, unitCode: String? = nil, price: ExactDecimal, baseQuantity: ExactDecimal? = nil,
        priceDiscount: ExactDecimal? = nil, priceIncludesVAT: Bool? = nil, category: String = "S", rate: ExactDecimal? = nil,
        exemptionReasonCode: String? = nil, exemptionReason: String? = nil, allowances: [DraftAllowanceCharge]? = nil,
        charges: [DraftAllowanceCharge]? = nil, sellerItemID: String? = nil, buyerItemID: String? = nil, standardItemID: String? = nil
    ) {
        self.id = id
        self.name = name
        self.quantity = quantity
        self.unitCode = unitCode
        self.price = price
        self.baseQuantity = baseQuantity
        self.priceDiscount = priceDiscount
        self.priceIncludesVAT = priceIncludesVAT
        self.category = category
        self.rate = rate
        self.exemptionReasonCode = exemptionReasonCode
        self.exemptionReason = exemptionReason
        self.allowances = allowances
        self.charges = charges
        self.sellerItemID = sellerItemID
        self.buyerItemID = buyerItemID
        self.standardItemID = standardItemID
    }
}

/// An allowance (discount) or charge, on a line or on the whole document. Give `amount`, or
/// `percent` of `base` (on a line, `base` defaults to quantity × price).
public struct DraftAllowanceCharge: Sendable, Hashable, Codable {
    public var amount: ExactDecimal?
    public var percent: ExactDecimal?
    public var base: ExactDecimal?
    /// UNTDID 5189 (allowances, e.g. `95` discount) or 7161 (charges, e.g. `LF`).
    public var reasonCode: String?
    public var reason: String?
    /// Document level: the VAT category and rate the amount belongs to.
    public var category: String?
    public var rate: ExactDecimal?
    public var exemptionReasonCode: String?
    public var exemptionReason: String?

    public init(
        amount: ExactDecimal? = nil, percent: ExactDecimal? = nil, base: ExactDecimal? = nil, reasonCode: String? = nil, reason: String? = nil,
        category: String? = nil, rate: ExactDecimal? = nil, exemptionReasonCode: String? = nil, exemptionReason: String? = nil
    ) {
        self.amount = amount
        self.percent = percent
        self.base = base
        self.reasonCode = reasonCode
        self.reason = reason
        self.category = category
        self.rate = rate
        self.exemptionReasonCode = exemptionReasonCode
        self.exemptionReason = exemptionReason
    }
}

/// A prepayment invoice settled by this invoice (KSA-26…34).
public struct DraftPrepayment: Sendable, Hashable, Codable {
    /// The prepayment invoice's number.
    public var number: String
    public var uuid: String?
    public var issueDate: String
    public var issueTime: String
    /// Item name for the adjustment line (`Prepayment adjustment` when absent).
    public var name: String?
    public var category: String?
    public var rate: ExactDecimal?
    public var exemptionReasonCode: String?
    public var exemptionReason: String?
    /// The prepaid amount without VAT; its VAT is computed at `rate`.
    public var taxableAmount: ExactDecimal

    public init(
        number: String, uuid: String? = nil, issueDate: String, issueTime: String, name: String? = nil, category: String? = nil,
        rate: ExactDecimal? = nil, exemptionReasonCode: String? = nil, exemptionReason: String? = nil, taxableAmount: ExactDecimal
    ) {
        self.number = number
        self.uuid = uuid
        self.issueDate = issueDate
        self.issueTime = issueTime
        self.name = name
        self.category = category
        self.rate = rate
        self.exemptionReasonCode = exemptionReasonCode
        self.exemptionReason = exemptionReason
        self.taxableAmount = taxableAmount
    }
}
