public import Foundation
public import InvoiceModel

/// Where an invoice is in its life.
public enum InvoiceStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// Saved and validated, no number yet.
    case draft
    /// Numbered and stored; waiting for its stamp.
    case issued
    /// Stamped by the signing service (ICV, PIH, hash, signature, QR).
    case stamped
    /// Cleared by ZATCA (standard documents).
    case cleared
    /// Reported to ZATCA (simplified documents).
    case reported
    /// Rejected by ZATCA.
    case rejected

    /// Whether the lifecycle allows moving from this status to `next`.
    public func allows(_ next: InvoiceStatus) -> Bool {
        switch (self, next) {
        case (.draft, .issued), (.issued, .stamped), (.stamped, .cleared), (.stamped, .reported), (.stamped, .rejected): true
        default: false
        }
    }
}

/// An invoice's summary, as lists and searches show it.
public struct InvoiceRecord: Codable, Sendable, Hashable {
    /// The document's UUID (KSA-1), which also identifies it in einvoice.
    public var id: String
    /// BT-1; nil for drafts.
    public var number: String?
    public var kind: DocumentKind
    public var subtype: InvoiceSubtype
    public var status: InvoiceStatus
    public var sellerVAT: String
    public var sellerName: String?
    public var buyerName: String?
    public var buyerVAT: String?
    public var issueDate: String
    public var issueTime: String
    public var currency: String
    public var lineCount: Int
    public var totalWithoutVAT: ExactDecimal
    public var totalVAT: ExactDecimal
    public var totalWithVAT: ExactDecimal
    public var payable: ExactDecimal
    /// The invoice a credit or debit note adjusts.
    public var billingReference: String?
    public var egsID: String?
    public var icv: Int64?
    public var invoiceHash: String?
    public var qr: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, number: String?, kind: DocumentKind, subtype: InvoiceSubtype, status: InvoiceStatus, sellerVAT: String, sellerName: String?,
        buyerName: String?, buyerVAT: String?, issueDate: String, issueTime: String, currency: String, lineCount: Int,
        totalWithoutVAT: ExactDecimal, totalVAT: ExactDecimal, totalWithVAT: ExactDecimal, payable: ExactDecimal, billingReference: String?,
        egsID: String?, icv: Int64?, invoiceHash: String?, qr: String?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.number = number
        self.kind = kind
        self.subtype = subtype
        self.status = status
        self.sellerVAT = sellerVAT
        self.sellerName = sellerName
        self.buyerName = buyerName
        self.buyerVAT = buyerVAT
        self.issueDate = issueDate
        self.issueTime = issueTime
        self.currency = currency
        self.lineCount = lineCount
        self.totalWithoutVAT = totalWithoutVAT
        self.totalVAT = totalVAT
        self.totalWithVAT = totalWithVAT
        self.payable = payable
        self.billingReference = billingReference
        self.egsID = egsID
        self.icv = icv
        self.invoiceHash = invoiceHash
        self.qr = qr
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One step of an invoice's history, with the platform's messages (ZATCA's, for clearance and
/// reporting).
public struct StatusEvent: Codable, Sendable, Hashable {
    public var status: InvoiceStatus
    public var at: Date
    /// Who moved it: `invoicing`, `signing`, `fatoora`, an operator.
    public var source: String
    public var detail: String?
    public var messages: [Finding]

    public init(status: InvoiceStatus, at: Date, source: String, detail: String? = nil, messages: [Finding] = []) {
        self.status = status
        self.at = at
        self.source = source
        self.detail = detail
        self.messages = messages
    }
}

public struct ValidateRequest: Codable, Sendable {
    /// A request to check (it is built exactly as it would be issued), or…
    public var draft: InvoiceDraft?
    /// …any UBL XML document, signed or not.
    public var xml: Data?
    /// The clock for the date rules; now when absent.
    public var evaluatedAt: Date?

    public init(draft: InvoiceDraft? = nil, xml: Data? = nil, evaluatedAt: Date? = nil) {
        self.draft = draft
        self.xml = xml
        self.evaluatedAt = evaluatedAt
    }
}

public struct ValidateResponse: Codable, Sendable {
    /// No error-level finding.
    public var valid: Bool
    public var findings: [Finding]
    /// The document was checked as a stamped one (every rule) or before stamping.
    public var stamped: Bool
    /// For a request: the XML it builds (unsigned).
    public var xml: Data?

    public init(valid: Bool, findings: [Finding], stamped: Bool, xml: Data? = nil) {
        self.valid = valid
        self.findings = findings
        self.stamped = stamped
        self.xml = xml
    }
}

public struct CreateDraftRequest: Codable, Sendable {
    public var draft: InvoiceDraft
    /// A retried request with the same key returns the first result.
    public var idempotencyKey: String?

    public init(draft: InvoiceDraft, idempotencyKey: String? = nil) {
        self.draft = draft
        self.idempotencyKey = idempotencyKey
    }
}

public struct IssueRequest: Codable, Sendable {
    /// The sale to issue, or…
    public var draft: InvoiceDraft?
    /// …the id of a stored draft.
    public var draftID: String?
    /// The EGS unit whose key stamps it (and whose chain it joins).
    public var egsID: String
    public var idempotencyKey: String?

    public init(draft: InvoiceDraft? = nil, draftID: String? = nil, egsID: String, idempotencyKey: String? = nil) {
        self.draft = draft
        self.draftID = draftID
        self.egsID = egsID
        self.idempotencyKey = idempotencyKey
    }
}

public struct IssueResponse: Codable, Sendable {
    public var invoice: InvoiceRecord
    /// Warnings the rules raised (errors refuse the request).
    public var warnings: [Finding]
    /// True when this answers a retry of an earlier request with the same idempotency key.
    public var replayed: Bool

    public init(invoice: InvoiceRecord, warnings: [Finding], replayed: Bool) {
        self.invoice = invoice
        self.warnings = warnings
        self.replayed = replayed
    }
}

public struct CreateNoteRequest: Codable, Sendable {
    /// The invoice to adjust: its id (UUID) or number.
    public var original: String
    /// Needed with a number when several sellers share the store.
    public var sellerVAT: String?
    /// `credit-note` or `debit-note`.
    public var kind: DocumentKind
    /// Why (KSA-10).
    public var reason: String
    /// The lines of the note; absent for a credit note of the whole invoice.
    public var lines: [DraftLine]?
    public var egsID: String
    public var idempotencyKey: String?

    public init(
        original: String, sellerVAT: String? = nil, kind: DocumentKind, reason: String, lines: [DraftLine]? = nil, egsID: String,
        idempotencyKey: String? = nil
    ) {
        self.original = original
        self.sellerVAT = sellerVAT
        self.kind = kind
        self.reason = reason
        self.lines = lines
        self.egsID = egsID
        self.idempotencyKey = idempotencyKey
    }
}

public struct GetInvoiceRequest: Codable, Sendable {
    /// Id (UUID) or number.
    public var reference: String
    public var sellerVAT: String?
    /// Include the XML documents (unsigned, stamped, cleared).
    public var includeXML: Bool

    public init(reference: String, sellerVAT: String? = nil, includeXML: Bool = false) {
        self.reference = reference
        self.sellerVAT = sellerVAT
        self.includeXML = includeXML
    }
}

public struct InvoiceDetail: Codable, Sendable {
    public var invoice: InvoiceRecord
    public var history: [StatusEvent]
    /// Warnings the rules raised when it was issued.
    public var warnings: [Finding]
    public var unsignedXML: Data?
    public var stampedXML: Data?
    public var clearedXML: Data?
    /// The request it was built from.
    public var draft: InvoiceDraft?

    public init(
        invoice: InvoiceRecord, history: [StatusEvent], warnings: [Finding], unsignedXML: Data?, stampedXML: Data?, clearedXML: Data?,
        draft: InvoiceDraft?
    ) {
        self.invoice = invoice
        self.history = history
        self.warnings = warnings
        self.unsignedXML = unsignedXML
        self.stampedXML = stampedXML
        self.clearedXML = clearedXML
        self.draft = draft
    }
}

public struct SearchRequest: Codable, Sendable {
    public var sellerVAT: String?
    /// Part of the buyer's name or VAT number.
    public var buyer: String?
    /// Issue dates, inclusive (`YYYY-MM-DD`).
    public var fromDate: String?
    public var toDate: String?
    public var status: InvoiceStatus?
    public var kind: DocumentKind?
    public var number: String?
    public var id: String?
    /// At most this many (default 50, at most 1,000), newest first.
    public var limit: Int?
    public var offset: Int?

    public init(
        sellerVAT: String? = nil, buyer: String? = nil, fromDate: String? = nil, toDate: String? = nil, status: InvoiceStatus? = nil,
        kind: DocumentKind? = nil, number: String? = nil, id: String? = nil, limit: Int? = nil, offset: Int? = nil
    ) {
        self.sellerVAT = sellerVAT
        self.buyer = buyer
        self.fromDate = fromDate
        self.toDate = toDate
        self.status = status
        self.kind = kind
        self.number = number
        self.id = id
        self.limit = limit
        self.offset = offset
    }
}

public struct SearchResponse: Codable, Sendable {
    public var invoices: [InvoiceRecord]
    /// How many match in all (the page is `invoices`).
    public var total: Int

    public init(invoices: [InvoiceRecord], total: Int) {
        self.invoices = invoices
        self.total = total
    }
}

/// ZATCA's answer to a clearance or reporting submission, recorded in the invoice's history.
public struct RecordOutcomeRequest: Codable, Sendable {
    public var id: String
    /// `cleared`, `reported` or `rejected`.
    public var status: InvoiceStatus
    public var source: String
    public var detail: String?
    public var messages: [Finding]
    /// The cleared document ZATCA returned (standard invoices).
    public var clearedXML: Data?

    public init(id: String, status: InvoiceStatus, source: String = "fatoora", detail: String? = nil, messages: [Finding] = [], clearedXML: Data? = nil) {
        self.id = id
        self.status = status
        self.source = source
        self.detail = detail
        self.messages = messages
        self.clearedXML = clearedXML
    }
}

// MARK: Submissions

/// Where a stamped document goes on the platform.
public enum SubmissionEndpointName: String, Codable, Sendable, Hashable {
    /// `invoices/clearance/single`: standard documents, before the buyer gets them.
    case clearance
    /// `invoices/reporting/single`: simplified documents, within 24 hours.
    case reporting
}

/// Where a stamped document is in the submission queue.
public enum SubmissionState: String, Codable, Sendable, Hashable, CaseIterable {
    /// Owed to the platform: not sent yet, or sent without a final answer (it will be sent again, same bytes).
    case pending
    /// Cleared or reported.
    case done
    /// Rejected by the platform, with its reasons in the invoice's history.
    case rejected
    /// Not for the platform: the unit has no production CSID (a development certificate).
    case local
}

/// One invoice's submission.
public struct SubmissionRecord: Codable, Sendable, Hashable {
    public var invoiceID: String
    public var number: String?
    public var kind: DocumentKind
    public var subtype: InvoiceSubtype
    public var sellerVAT: String
    public var egsID: String
    public var endpoint: SubmissionEndpointName
    public var state: SubmissionState
    public var invoiceStatus: InvoiceStatus
    public var attempts: Int
    public var nextAttemptAt: Date
    /// The platform's last HTTP status (nil: no answer yet).
    public var lastStatus: Int?
    public var lastError: String?
    /// Reporting only: 24 hours after the issue moment.
    public var deadlineAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        invoiceID: String, number: String?, kind: DocumentKind, subtype: InvoiceSubtype, sellerVAT: String, egsID: String, endpoint: SubmissionEndpointName,
        state: SubmissionState, invoiceStatus: InvoiceStatus, attempts: Int, nextAttemptAt: Date, lastStatus: Int?, lastError: String?, deadlineAt: Date?,
        createdAt: Date, updatedAt: Date
    ) {
        self.invoiceID = invoiceID
        self.number = number
        self.kind = kind
        self.subtype = subtype
        self.sellerVAT = sellerVAT
        self.egsID = egsID
        self.endpoint = endpoint
        self.state = state
        self.invoiceStatus = invoiceStatus
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.deadlineAt = deadlineAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

public struct SubmissionsRequest: Codable, Sendable {
    public var state: SubmissionState?
    public var egsID: String?
    public var limit: Int?

    public init(state: SubmissionState? = nil, egsID: String? = nil, limit: Int? = nil) {
        self.state = state
        self.egsID = egsID
        self.limit = limit
    }
}

public struct SubmissionsResponse: Codable, Sendable {
    public var submissions: [SubmissionRecord]
    /// How many submissions are in each state, over the whole queue.
    public var counts: [String: Int]

    public init(submissions: [SubmissionRecord], counts: [String: Int]) {
        self.submissions = submissions
        self.counts = counts
    }
}

public struct SubmissionReference: Codable, Sendable {
    /// The invoice's id or number.
    public var reference: String
    public var sellerVAT: String?

    public init(reference: String, sellerVAT: String? = nil) {
        self.reference = reference
        self.sellerVAT = sellerVAT
    }
}
