/// A ZATCA invoice, credit note, debit note or prepayment invoice as its UBL 2.1 XML states it.
///
/// This is the one model the writer, the reader and the validator share: ``InvoiceBuilder``
/// fills every field from a request (computing the amounts), ``InvoiceReader`` fills what a
/// document actually contains (anything may be missing or wrong), ``UBLInvoiceWriter`` writes it
/// and `InvoiceValidator` checks it. Optional means "may be absent from a document"; amounts
/// keep the digits as written so that decimal-place rules can be checked.
public struct Invoice: Sendable, Hashable, Codable {
    public var profileID: String?
    /// BT-1, the seller's invoice number.
    public var number: String?
    /// KSA-1.
    public var uuid: String?
    /// BT-2, `YYYY-MM-DD`.
    public var issueDate: String?
    /// KSA-25, `hh:mm:ss` or `hh:mm:ssZ`.
    public var issueTime: String?
    /// BT-3: 388, 381, 383 or 386 (kept as text: a document may hold anything).
    public var typeCode: String?
    /// KSA-2, the transaction code (`0100000`).
    public var typeName: String?
    public var notes: [InvoiceNote]
    public var documentCurrency: String?
    public var taxCurrency: String?
    /// BT-13.
    public var orderReference: String?
    /// BT-25 for each billing reference (credit and debit notes).
    public var billingReferences: [String]
    /// BT-12.
    public var contractReference: String?
    /// `cac:AdditionalDocumentReference` elements (ICV, PIH, QR once stamped).
    public var additionalDocuments: [AdditionalDocument]
    public var signature: SignatureReference?
    /// What `ext:UBLExtensions` says about the signature, once stamped.
    public var stampInformation: StampInformation?
    public var seller: Party?
    public var buyer: Party?
    public var delivery: Delivery?
    public var paymentMeans: [PaymentMeans]
    public var allowanceCharges: [AllowanceCharge]
    public var taxTotals: [TaxTotal]
    public var monetaryTotal: MonetaryTotal?
    public var lines: [InvoiceLine]

    public init(
        profileID: String? = "reporting:1.0", number: String? = nil, uuid: String? = nil, issueDate: String? = nil, issueTime: String? = nil,
        typeCode: String? = nil, typeName: String? = nil, notes: [InvoiceNote] = [], documentCurrency: String? = nil, taxCurrency: String? = nil,
        orderReference: String? = nil, billingReferences: [String] = [], contractReference: String? = nil,
        additionalDocuments: [AdditionalDocument] = [], signature: SignatureReference? = nil, seller: Party? = nil, buyer: Party? = nil,
        delivery: Delivery? = nil, paymentMeans: [PaymentMeans] = [], allowanceCharges: [AllowanceCharge] = [], taxTotals: [TaxTotal] = [],
        monetaryTotal: MonetaryTotal? = nil, lines: [InvoiceLine] = []
    ) {
        self.profileID = profileID
        self.number = number
        self.uuid = uuid
        self.issueDate = issueDate
        self.issueTime = issueTime
        self.typeCode = typeCode
        self.typeName = typeName
        self.notes = notes
        self.documentCurrency = documentCurrency
        self.taxCurrency = taxCurrency
        self.orderReference = orderReference
        self.billingReferences = billingReferences
        self.contractReference = contractReference
        self.additionalDocuments = additionalDocuments
        self.signature = signature
        self.seller = seller
        self.buyer = buyer
        self.delivery = delivery
        self.paymentMeans = paymentMeans
        self.allowanceCharges = allowanceCharges
        self.taxTotals = taxTotals
        self.monetaryTotal = monetaryTotal
        self.lines = lines
    }
}

extension Invoice {
    /// The document kind from the type code, if it is one ZATCA knows.
    public var kind: DocumentKind? { typeCode.flatMap(DocumentKind.init(typeCode:)) }

    /// The transaction code decoded, if it is well formed.
    public var transaction: TransactionCode? { typeName.flatMap(TransactionCode.init(name:)) }

    /// Simplified (B2C) when KSA-2 starts with `02`.
    public var isSimplified: Bool { typeName?.hasPrefix("02") ?? false }
    /// Standard (B2B) when KSA-2 starts with `01`.
    public var isStandard: Bool { typeName?.hasPrefix("01") ?? false }

    /// The tax total that carries the VAT breakdown (BG-22 with BG-23).
    public var breakdownTaxTotal: TaxTotal? { taxTotals.first { !$0.subtotals.isEmpty } }
    /// The tax total in the tax currency, without subtotals (BT-111).
    public var accountingTaxTotal: TaxTotal? { taxTotals.first { $0.subtotals.isEmpty } }
}

public struct InvoiceNote: Sendable, Hashable, Codable {
    public var text: String
    public var languageID: String?

    public init(text: String, languageID: String? = nil) {
        self.text = text
        self.languageID = languageID
    }
}

/// A `cac:AdditionalDocumentReference`.
public struct AdditionalDocument: Sendable, Hashable, Codable {
    public var id: String?
    public var uuid: String?
    public var embeddedObject: String?
    public var mimeCode: String?

    public init(id: String?, uuid: String? = nil, embeddedObject: String? = nil, mimeCode: String? = nil) {
        self.id = id
        self.uuid = uuid
        self.embeddedObject = embeddedObject
        self.mimeCode = mimeCode
    }
}

/// The identifiers in `sac:SignatureInformation` inside `ext:UBLExtensions`.
public struct StampInformation: Sendable, Hashable, Codable {
    public var signatureInformationID: String?
    public var referencedSignatureID: String?

    public init(signatureInformationID: String?, referencedSignatureID: String?) {
        self.signatureInformationID = signatureInformationID
        self.referencedSignatureID = referencedSignatureID
    }
}

/// `cac:Signature` (present once stamped).
public struct SignatureReference: Sendable, Hashable, Codable {
    public var id: String?
    public var method: String?

    public init(id: String?, method: String?) {
        self.id = id
        self.method = method
    }
}

public struct Delivery: Sendable, Hashable, Codable {
    /// KSA-5, the supply date.
    public var actualDate: String?
    /// KSA-24, the supply end date (summary invoices).
    public var latestDate: String?

    public init(actualDate: String? = nil, latestDate: String? = nil) {
        self.actualDate = actualDate
        self.latestDate = latestDate
    }
}

public struct PaymentMeans: Sendable, Hashable, Codable {
    /// BT-81, UNTDID 4461 (`10` cash, `30` credit transfer, `42` bank account, `48` card, …).
    public var code: String?
    /// KSA-10 for credit and debit notes: why the note was issued.
    public var instructionNotes: [String]
    /// BT-84.
    public var payeeAccountID: String?

    public init(code: String?, instructionNotes: [String] = [], payeeAccountID: String? = nil) {
        self.code = code
        self.instructionNotes = instructionNotes
        self.payeeAccountID = payeeAccountID
    }
}

/// An amount with its `currencyID`.
public struct Amount: Sendable, Hashable, Codable {
    public var value: ExactDecimal
    public var currency: String?

    public init(_ value: ExactDecimal, currency: String?) {
        self.value = value
        self.currency = currency
    }
}
