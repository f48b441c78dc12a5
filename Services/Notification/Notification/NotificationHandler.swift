import Foundation
import GRPCCore
import Logging
import NotificationContract

/// The notification RPCs: enqueue (checked before anything is stored), publish events, look up,
/// list and retry.
struct NotificationHandler: Notifications.ServiceProtocol {
    let store: OutboxStore
    let config: NotificationConfig
    let dispatcher: Dispatcher
    let logger: Logger

    static let maxKeyLength = 200
    static let maxAttachmentBytes = 20 << 20

    func enqueue(_ request: EnqueueRequest, context: ServerContext) async throws -> EnqueueResponse {
        try check(request)
        let (stored, replayed) = try await store.enqueue(key: request.idempotencyKey, email: request.email, webhook: request.webhook, event: nil, at: Date())
        if !replayed { dispatcher.wake() }
        logger.info("notification.enqueued", metadata: ["message.id": "\(stored.record.id)", "channel": "\(stored.record.channel.rawValue)", "replayed": "\(replayed)"])
        return EnqueueResponse(message: stored.record, replayed: replayed)
    }

    func publish(_ request: PublishRequest, context: ServerContext) async throws -> PublishResponse {
        guard !request.event.subject.isEmpty else { throw NotificationError.invalidRequest("The event needs a subject (the invoice or unit it is about).") }
        if let buyer = request.event.buyerEmail, !EmailAddress.isValid(buyer) {
            throw NotificationError.invalidRequest("The buyer's e-mail address '\(buyer)' is not an e-mail address.")
        }
        var records: [MessageRecord] = []
        var created = false
        for planned in try EventMessages.plan(request.event, config: config) {
            let (stored, replayed) = try await store.enqueue(key: planned.key, email: planned.email, webhook: planned.webhook, event: request.event.kind.rawValue, at: Date())
            records.append(stored.record)
            created = created || !replayed
        }
        if created { dispatcher.wake() }
        logger.info("notification.event", metadata: ["event": "\(request.event.kind.rawValue)", "subject": "\(request.event.subject)", "messages": "\(records.count)"])
        return PublishResponse(messages: records)
    }

    func get(_ request: GetMessageRequest, context: ServerContext) async throws -> MessageDetail {
        guard let detail = try await store.detail(reference: request.reference) else { throw NotificationError.notFound("No message '\(request.reference)'.") }
        return detail
    }

    func list(_ request: ListMessagesRequest, context: ServerContext) async throws -> ListMessagesResponse {
        try await store.list(request)
    }

    func retry(_ request: GetMessageRequest, context: ServerContext) async throws -> MessageRecord {
        let record = try await store.retry(reference: request.reference, at: Date())
        dispatcher.wake()
        return record
    }

    private func check(_ request: EnqueueRequest) throws {
        let key = request.idempotencyKey
        guard !key.isEmpty, key.utf8.count <= Self.maxKeyLength, !key.contains(where: \.isNewline) else {
            throw NotificationError.invalidRequest("The idempotency key must be 1 to \(Self.maxKeyLength) bytes on one line.")
        }
        switch (request.email, request.webhook) {
        case (let email?, nil):
            guard config.smtp?.url != nil else {
                throw NotificationError.failedPrecondition("No SMTP server is configured: set EINVOICE_SMTP_URL (smtp://user:password@host:587) and restart.")
            }
            guard !email.to.isEmpty else { throw NotificationError.invalidRequest("The e-mail has no recipient.") }
            for address in email.to where !EmailAddress.isValid(address) {
                throw NotificationError.invalidRequest("'\(address)' is not an e-mail address; nothing was queued.")
            }
            guard !email.subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw NotificationError.invalidRequest("The e-mail has no subject.") }
            // Values that become MIME header parameters must be plain tokens (no CR, LF or quotes).
            let token = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-+.,/ ")
            if let language = email.language, language.isEmpty || !language.unicodeScalars.allSatisfy(token.contains) {
                throw NotificationError.invalidRequest("The language '\(language)' is not a language tag such as ar or en.")
            }
            for attachment in email.attachments {
                let type = attachment.contentType
                guard type.contains("/"), !type.contains(" "), type.unicodeScalars.allSatisfy(token.contains) else {
                    throw NotificationError.invalidRequest("The attachment type '\(type)' is not a MIME type such as application/xml.")
                }
                guard !attachment.filename.isEmpty, !attachment.filename.contains(where: \.isNewline) else {
                    throw NotificationError.invalidRequest("An attachment needs a file name on one line.")
                }
            }
            let size = email.attachments.reduce(0) { $0 + $1.data.count }
            guard size <= Self.maxAttachmentBytes else {
                throw NotificationError.invalidRequest("The attachments total \(size) bytes; at most \(Self.maxAttachmentBytes) are sent.")
            }
        case (nil, let webhook?):
            guard config.webhooks?.contains(where: { $0.name == webhook.endpoint }) == true else {
                let known = (config.webhooks ?? []).map(\.name)
                throw NotificationError.invalidRequest(
                    "No webhook endpoint named '\(webhook.endpoint)'" + (known.isEmpty ? "; none is configured." : "; configured: \(known.joined(separator: ", ")).")
                )
            }
            guard (try? JSONSerialization.jsonObject(with: webhook.body, options: [.fragmentsAllowed])) != nil else {
                throw NotificationError.invalidRequest("The webhook body is not JSON.")
            }
        default:
            throw NotificationError.invalidRequest("Give exactly one of an e-mail or a webhook.")
        }
    }
}
