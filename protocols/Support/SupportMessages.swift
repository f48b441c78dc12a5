public import Foundation

// MARK: Diagnosis

public struct DiagnoseRequest: Codable, Sendable {
    /// An invoice's number or id (UUID) in the store.
    public var reference: String?
    /// Or any UBL document.
    public var xml: Data?
    public var sellerVAT: String?
    /// Judge dates as of this moment (default: now).
    public var evaluatedAt: Date?

    public init(reference: String? = nil, xml: Data? = nil, sellerVAT: String? = nil, evaluatedAt: Date? = nil) {
        self.reference = reference
        self.xml = xml
        self.sellerVAT = sellerVAT
        self.evaluatedAt = evaluatedAt
    }
}

/// One problem explained: what is wrong, where, the likely cause, how to fix it, in both languages.
public struct DiagnosisItem: Codable, Sendable, Hashable {
    /// `rules` (ZATCA's business rules), `stamp` (hash, signature, QR, chain) or `platform`
    /// (what ZATCA's Fatoora platform answered).
    public var source: String
    /// The rule ID (`BR-KSA-44`) or the platform's code (`invalid-invoice-hash`).
    public var code: String
    /// `error` or `warning`.
    public var severity: String
    /// The field in the JSON request, when known.
    public var field: String?
    /// Where in the XML.
    public var path: String?
    public var value: String?
    public var whatEN: String
    public var whatAR: String
    public var causeEN: String
    public var causeAR: String
    public var fixEN: String
    public var fixAR: String

    public init(
        source: String, code: String, severity: String, field: String? = nil, path: String? = nil, value: String? = nil, whatEN: String, whatAR: String,
        causeEN: String, causeAR: String, fixEN: String, fixAR: String
    ) {
        self.source = source
        self.code = code
        self.severity = severity
        self.field = field
        self.path = path
        self.value = value
        self.whatEN = whatEN
        self.whatAR = whatAR
        self.causeEN = causeEN
        self.causeAR = causeAR
        self.fixEN = fixEN
        self.fixAR = fixAR
    }
}

public struct Diagnosis: Codable, Sendable, Hashable {
    /// What was diagnosed: the invoice number, or "XML document".
    public var subject: String
    public var invoiceID: String?
    /// The invoice's status in the store (`stamped`, `rejected`, …), when it is one of ours.
    public var status: String?
    /// Its history, one line per step (`2026-11-29T10:00:00Z rejected by fatoora: HTTP 400`).
    public var history: [String]
    public var summaryEN: String
    public var summaryAR: String
    public var items: [DiagnosisItem]
    public var checkedAt: Date

    public init(
        subject: String, invoiceID: String?, status: String?, history: [String], summaryEN: String, summaryAR: String, items: [DiagnosisItem], checkedAt: Date
    ) {
        self.subject = subject
        self.invoiceID = invoiceID
        self.status = status
        self.history = history
        self.summaryEN = summaryEN
        self.summaryAR = summaryAR
        self.items = items
        self.checkedAt = checkedAt
    }

    public var errorCount: Int { items.filter { $0.severity == "error" }.count }
}

// MARK: Tickets

public enum TicketChannel: String, Codable, Sendable, Hashable, CaseIterable {
    case phone, email, chat, portal
    /// Opened by einvoice itself (a rejection, a reporting deadline).
    case automatic
}

public enum TicketPriority: String, Codable, Sendable, Hashable, CaseIterable {
    case urgent, high, normal, low
}

/// new → in-progress → waiting-on-customer → resolved → closed (any open status may go to
/// resolved or closed; a resolved ticket may be reopened to in-progress).
public enum TicketStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case new
    case inProgress = "in-progress"
    case waitingOnCustomer = "waiting-on-customer"
    case resolved
    case closed

    public var isOpen: Bool { self != .resolved && self != .closed }
}

public struct TicketRecord: Codable, Sendable, Hashable {
    /// `T-000042`.
    public var id: String
    public var subject: String
    public var channel: TicketChannel
    public var priority: TicketPriority
    public var status: TicketStatus
    public var assignee: String?
    public var taxpayerVAT: String?
    public var buyer: String?
    /// Invoice ids (UUIDs) or numbers it concerns.
    public var invoices: [String]
    public var createdAt: Date
    public var updatedAt: Date
    public var firstResponseAt: Date?
    public var resolvedAt: Date?
    /// When the first response and the resolution are due (business hours).
    public var firstResponseDue: Date
    public var resolutionDue: Date
    public var firstResponseBreached: Bool
    public var resolutionBreached: Bool

    public init(
        id: String, subject: String, channel: TicketChannel, priority: TicketPriority, status: TicketStatus, assignee: String?, taxpayerVAT: String?,
        buyer: String?, invoices: [String], createdAt: Date, updatedAt: Date, firstResponseAt: Date?, resolvedAt: Date?, firstResponseDue: Date,
        resolutionDue: Date, firstResponseBreached: Bool, resolutionBreached: Bool
    ) {
        self.id = id
        self.subject = subject
        self.channel = channel
        self.priority = priority
        self.status = status
        self.assignee = assignee
        self.taxpayerVAT = taxpayerVAT
        self.buyer = buyer
        self.invoices = invoices
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt
        self.firstResponseDue = firstResponseDue
        self.resolutionDue = resolutionDue
        self.firstResponseBreached = firstResponseBreached
        self.resolutionBreached = resolutionBreached
    }
}

public struct TicketNote: Codable, Sendable, Hashable {
    public var at: Date
    public var author: String
    /// `note`, `status`, `assignment`, `system`.
    public var kind: String
    public var text: String

    public init(at: Date, author: String, kind: String, text: String) {
        self.at = at
        self.author = author
        self.kind = kind
        self.text = text
    }
}

public struct TicketDetail: Codable, Sendable {
    public var ticket: TicketRecord
    public var notes: [TicketNote]
    /// The diagnosis attached when the ticket concerns an invoice.
    public var diagnosis: Diagnosis?
    /// True when the request found the ticket it would have opened.
    public var existing: Bool

    public init(ticket: TicketRecord, notes: [TicketNote], diagnosis: Diagnosis?, existing: Bool = false) {
        self.ticket = ticket
        self.notes = notes
        self.diagnosis = diagnosis
        self.existing = existing
    }
}

public struct OpenTicketRequest: Codable, Sendable {
    public var subject: String
    public var channel: TicketChannel
    public var priority: TicketPriority?
    /// An invoice number or id: the diagnosis is attached.
    public var invoice: String?
    public var taxpayerVAT: String?
    public var buyer: String?
    public var description: String?
    /// Who opened it (default `operator`).
    public var author: String?

    public init(
        subject: String, channel: TicketChannel, priority: TicketPriority? = nil, invoice: String? = nil, taxpayerVAT: String? = nil, buyer: String? = nil,
        description: String? = nil, author: String? = nil
    ) {
        self.subject = subject
        self.channel = channel
        self.priority = priority
        self.invoice = invoice
        self.taxpayerVAT = taxpayerVAT
        self.buyer = buyer
        self.description = description
        self.author = author
    }
}

public enum ProblemKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// ZATCA rejected an invoice.
    case rejection
    /// A simplified invoice nears its 24-hour reporting deadline.
    case reportingDeadline = "reporting-deadline"
}

public struct ReportProblemRequest: Codable, Sendable {
    public var kind: ProblemKind
    public var invoiceID: String
    public var invoiceNumber: String?
    public var sellerVAT: String?
    public var buyer: String?
    /// What the platform said.
    public var messages: [String]

    public init(kind: ProblemKind, invoiceID: String, invoiceNumber: String? = nil, sellerVAT: String? = nil, buyer: String? = nil, messages: [String] = []) {
        self.kind = kind
        self.invoiceID = invoiceID
        self.invoiceNumber = invoiceNumber
        self.sellerVAT = sellerVAT
        self.buyer = buyer
        self.messages = messages
    }
}

public struct TicketReference: Codable, Sendable {
    /// `T-000042`, or `42`.
    public var ticket: String

    public init(ticket: String) {
        self.ticket = ticket
    }
}

public struct ListTicketsRequest: Codable, Sendable {
    public var status: TicketStatus?
    /// Only open tickets (new, in progress, waiting on customer).
    public var openOnly: Bool
    public var assignee: String?
    /// Tickets about this invoice (id or number).
    public var invoice: String?
    public var limit: Int?

    public init(status: TicketStatus? = nil, openOnly: Bool = false, assignee: String? = nil, invoice: String? = nil, limit: Int? = nil) {
        self.status = status
        self.openOnly = openOnly
        self.assignee = assignee
        self.invoice = invoice
        self.limit = limit
    }
}

public struct ListTicketsResponse: Codable, Sendable {
    public var tickets: [TicketRecord]

    public init(tickets: [TicketRecord]) {
        self.tickets = tickets
    }
}

public struct TicketNoteRequest: Codable, Sendable {
    public var ticket: String
    public var author: String
    public var text: String

    public init(ticket: String, author: String, text: String) {
        self.ticket = ticket
        self.author = author
        self.text = text
    }
}

public struct AssignTicketRequest: Codable, Sendable {
    public var ticket: String
    public var assignee: String
    public var author: String

    public init(ticket: String, assignee: String, author: String) {
        self.ticket = ticket
        self.assignee = assignee
        self.author = author
    }
}

public struct TicketStatusRequest: Codable, Sendable {
    public var ticket: String
    public var status: TicketStatus
    public var author: String
    public var note: String?

    public init(ticket: String, status: TicketStatus, author: String, note: String? = nil) {
        self.ticket = ticket
        self.status = status
        self.author = author
        self.note = note
    }
}
