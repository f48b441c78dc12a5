public import Foundation

/// How a message travels.
public enum Channel: String, Codable, Sendable, Hashable, CaseIterable {
    case email
    case webhook
}

/// pending → delivered, or pending → dead (after the last attempt, or a permanent refusal).
public enum MessageStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case pending
    case delivered
    case dead
}

public struct Attachment: Codable, Sendable, Hashable {
    /// May be Arabic: it is encoded for mail readers (RFC 2231).
    public var filename: String
    public var contentType: String
    public var data: Data

    public init(filename: String, contentType: String, data: Data) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}

/// An e-mail: plain text always, HTML optionally; Arabic bodies are sent right-to-left.
public struct EmailMessage: Codable, Sendable, Hashable {
    public var to: [String]
    public var subject: String
    public var text: String
    public var html: String?
    /// `ar` or `en`: the language of the body (sets `Content-Language` and the HTML direction).
    public var language: String?
    public var attachments: [Attachment]

    public init(to: [String], subject: String, text: String, html: String? = nil, language: String? = nil, attachments: [Attachment] = []) {
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.language = language
        self.attachments = attachments
    }
}

/// A webhook call: a JSON body POSTed to a configured endpoint, signed with its secret.
public struct WebhookMessage: Codable, Sendable, Hashable {
    /// The endpoint's name in the service's configuration (its URL and secret live there).
    public var endpoint: String
    /// The event name, sent as `X-Einvoice-Event`.
    public var event: String
    /// The JSON body.
    public var body: Data

    public init(endpoint: String, event: String, body: Data) {
        self.endpoint = endpoint
        self.event = event
        self.body = body
    }
}

public struct EnqueueRequest: Codable, Sendable {
    /// The same key always means the same message: a repeated request returns the first.
    public var idempotencyKey: String
    public var email: EmailMessage?
    public var webhook: WebhookMessage?

    public init(idempotencyKey: String, email: EmailMessage? = nil, webhook: WebhookMessage? = nil) {
        self.idempotencyKey = idempotencyKey
        self.email = email
        self.webhook = webhook
    }
}

public struct EnqueueResponse: Codable, Sendable {
    public var message: MessageRecord
    /// True when the key was known: nothing new was stored.
    public var replayed: Bool

    public init(message: MessageRecord, replayed: Bool) {
        self.message = message
        self.replayed = replayed
    }
}

public struct MessageRecord: Codable, Sendable, Hashable {
    public var id: String
    public var idempotencyKey: String
    public var channel: Channel
    /// E-mail addresses, or the webhook endpoint's name.
    public var recipient: String
    /// The subject, or the webhook event.
    public var subject: String
    public var status: MessageStatus
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// The event that produced it, if any.
    public var event: String?

    public init(
        id: String, idempotencyKey: String, channel: Channel, recipient: String, subject: String, status: MessageStatus, attempts: Int,
        nextAttemptAt: Date?, lastError: String?, createdAt: Date, updatedAt: Date, event: String?
    ) {
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.channel = channel
        self.recipient = recipient
        self.subject = subject
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.event = event
    }
}

public struct DeliveryAttempt: Codable, Sendable, Hashable {
    public var number: Int
    public var at: Date
    /// `delivered`, `retry` or `dead`.
    public var outcome: String
    public var detail: String
    public var milliseconds: Int

    public init(number: Int, at: Date, outcome: String, detail: String, milliseconds: Int) {
        self.number = number
        self.at = at
        self.outcome = outcome
        self.detail = detail
        self.milliseconds = milliseconds
    }
}

public struct MessageDetail: Codable, Sendable {
    public var message: MessageRecord
    public var attempts: [DeliveryAttempt]

    public init(message: MessageRecord, attempts: [DeliveryAttempt]) {
        self.message = message
        self.attempts = attempts
    }
}

public struct GetMessageRequest: Codable, Sendable {
    /// The message id or its idempotency key.
    public var reference: String

    public init(reference: String) {
        self.reference = reference
    }
}

public struct ListMessagesRequest: Codable, Sendable {
    public var status: MessageStatus?
    public var channel: Channel?
    /// At most this many (default 50, at most 1,000), newest first.
    public var limit: Int?

    public init(status: MessageStatus? = nil, channel: Channel? = nil, limit: Int? = nil) {
        self.status = status
        self.channel = channel
        self.limit = limit
    }
}

public struct ListMessagesResponse: Codable, Sendable {
    public var messages: [MessageRecord]
    /// Counts per status over the whole outbox.
    public var counts: [String: Int]

    public init(messages: [MessageRecord], counts: [String: Int]) {
        self.messages = messages
        self.counts = counts
    }
}

/// What happened, for the people who need to hear of it.
public enum EventKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// An invoice is ready for its buyer: cleared (standard) or issued (simplified).
    case invoiceReady = "invoice.ready"
    /// ZATCA rejected an invoice; the seller's operators get the platform's messages.
    case invoiceRejected = "invoice.rejected"
    /// A simplified invoice is still unreported 20 hours after it was issued.
    case reportingDeadline = "reporting.deadline"
    /// A unit's certificate expires within 30 days.
    case certificateExpiring = "certificate.expiring"
    case onboardingFinished = "onboarding.finished"
    case onboardingFailed = "onboarding.failed"
    /// A support ticket nears its first-response or resolution target.
    case ticketSLA = "ticket.sla"
}

public struct Event: Codable, Sendable {
    public var kind: EventKind
    /// What the event is about (an invoice id, a unit id): with `kind`, it makes the messages'
    /// idempotency keys, so publishing the same event twice sends nothing new.
    public var subject: String
    public var sellerName: String?
    public var sellerVAT: String?
    public var invoiceNumber: String?
    public var invoiceID: String?
    public var issuedAt: Date?
    public var total: String?
    public var currency: String?
    public var buyerName: String?
    public var buyerEmail: String?
    /// `ar` or `en` (default: both languages in one message).
    public var buyerLanguage: String?
    /// The XML to attach (the cleared document for a standard invoice).
    public var xml: Data?
    /// The platform's messages (a rejection), or what went wrong (onboarding).
    public var messages: [String]
    public var egsID: String?
    public var expiresAt: Date?
    /// A support ticket (`T-000042`) and what is due when (ticket.sla).
    public var ticketID: String?
    public var dueAt: Date?

    public init(
        kind: EventKind, subject: String, sellerName: String? = nil, sellerVAT: String? = nil, invoiceNumber: String? = nil, invoiceID: String? = nil,
        issuedAt: Date? = nil, total: String? = nil, currency: String? = nil, buyerName: String? = nil, buyerEmail: String? = nil,
        buyerLanguage: String? = nil, xml: Data? = nil, messages: [String] = [], egsID: String? = nil, expiresAt: Date? = nil, ticketID: String? = nil,
        dueAt: Date? = nil
    ) {
        self.kind = kind
        self.subject = subject
        self.sellerName = sellerName
        self.sellerVAT = sellerVAT
        self.invoiceNumber = invoiceNumber
        self.invoiceID = invoiceID
        self.issuedAt = issuedAt
        self.total = total
        self.currency = currency
        self.buyerName = buyerName
        self.buyerEmail = buyerEmail
        self.buyerLanguage = buyerLanguage
        self.xml = xml
        self.messages = messages
        self.egsID = egsID
        self.expiresAt = expiresAt
        self.ticketID = ticketID
        self.dueAt = dueAt
    }
}

public struct PublishRequest: Codable, Sendable {
    public var event: Event

    public init(event: Event) {
        self.event = event
    }
}

public struct PublishResponse: Codable, Sendable {
    /// The messages the event produced (the first ones, when it was published before).
    public var messages: [MessageRecord]

    public init(messages: [MessageRecord]) {
        self.messages = messages
    }
}
