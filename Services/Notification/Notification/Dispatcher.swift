import Foundation
import Logging
import NotificationContract
import ServiceLifecycle
import Synchronization

/// Delivers due messages, a few at a time, until shutdown: records every attempt, retries with
/// exponential backoff and jitter, and turns a message into a dead letter after its last
/// attempt or a permanent refusal. A message is marked delivered only after the receiver
/// accepted it, so a crash in between delivers it again, with the same idempotency key.
final class Dispatcher: Service, Sendable {
    let store: OutboxStore
    let config: NotificationConfig
    let smtp: SMTPClient?
    let webhooks: WebhookClient
    let logger: Logger
    private let wakeStream: AsyncStream<Void>
    private let wakeContinuation: AsyncStream<Void>.Continuation
    /// The longest pause between looks at the outbox.
    let idle: Duration
    /// Outcomes of attempts whose recording failed (the database refused a write): kept here and
    /// recorded first on the next pass, so a delivered message is not sent again meanwhile.
    private let unrecorded = Mutex<[String: (outcome: OutboxStore.Outcome, milliseconds: Int, at: Date)]>([:])

    init(store: OutboxStore, config: NotificationConfig, smtp: SMTPClient?, webhooks: WebhookClient, logger: Logger, idle: Duration = .seconds(1)) {
        self.store = store
        self.config = config
        self.smtp = smtp
        self.webhooks = webhooks
        self.logger = logger
        self.idle = idle
        (wakeStream, wakeContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Something new is due: look now.
    func wake() {
        wakeContinuation.yield()
    }

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            var wakes = self.wakeStream.makeAsyncIterator()
            while !Task.isCancelled {
                var batch: [OutboxStore.Stored] = []
                var failing = false
                do {
                    let held = try await self.flushUnrecorded()
                    batch = try await self.store.due(at: Date(), excluding: held, limit: self.config.concurrency)
                    failing = !held.isEmpty
                } catch {
                    if Task.isCancelled { break }
                    self.logger.error("notification.outbox.unavailable", metadata: ["error": "\(error)"])
                    failing = true
                }
                if batch.isEmpty || failing {
                    // While the database fails, look again only after the idle pause.
                    let next = failing ? 3_600 : ((try? await self.store.nextDue()).map { max(0, $0.timeIntervalSinceNow) } ?? 3_600)
                    let pause = min(self.idle, .milliseconds(Int64(next * 1_000) + 1))
                    // The timer wakes the loop too; a stale wake only costs one more look.
                    let timer = Task { [continuation = self.wakeContinuation] in
                        // A cancelled timer (the loop woke for another reason) must not wake it again.
                        guard (try? await Task.sleep(for: pause)) != nil else { return }
                        continuation.yield()
                    }
                    _ = await wakes.next()
                    timer.cancel()
                    continue
                }
                await withTaskGroup(of: Void.self) { group in
                    for message in batch {
                        group.addTask { await self.attempt(message) }
                    }
                }
            }
        }
    }

    private func attempt(_ message: OutboxStore.Stored) async {
        let record = message.record
        let started = ContinuousClock.now
        let outcome: OutboxStore.Outcome
        do {
            let detail = try await deliver(message)
            outcome = .delivered(detail)
            logger.info("notification.delivered", metadata: ["message.id": "\(record.id)", "channel": "\(record.channel.rawValue)", "attempt": "\(record.attempts + 1)"])
        } catch {
            let attempt = record.attempts + 1
            if error.permanent || attempt >= config.maxAttempts {
                let reason = error.permanent ? error.description : "\(error.description) (gave up after \(attempt) attempts)"
                outcome = .dead(reason)
                logger.warning("notification.dead", metadata: ["message.id": "\(record.id)", "channel": "\(record.channel.rawValue)", "reason": "\(reason)"])
            } else {
                let delay = Self.backoff(attempt: attempt, base: config.baseDelay, maximum: config.maxDelay)
                outcome = .retry(error.description, at: Date().addingTimeInterval(delay))
                logger.info(
                    "notification.retry",
                    metadata: ["message.id": "\(record.id)", "attempt": "\(attempt)", "in_seconds": "\(String(format: "%.1f", delay))", "reason": "\(error.description)"]
                )
            }
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int(elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let at = Date()
        do {
            try await store.record(id: record.id, outcome: outcome, at: at, milliseconds: milliseconds)
        } catch {
            unrecorded.withLock { $0[record.id] = (outcome, milliseconds, at) }
            logger.error("notification.record.failed", metadata: ["message.id": "\(record.id)", "error": "\(error)"])
        }
    }

    /// Records what earlier passes could not; returns the ids still held back.
    private func flushUnrecorded() async throws -> Set<String> {
        let pending = unrecorded.withLock { $0 }
        for (id, entry) in pending {
            try await store.record(id: id, outcome: entry.outcome, at: entry.at, milliseconds: entry.milliseconds)
            _ = unrecorded.withLock { $0.removeValue(forKey: id) }
        }
        return Set(unrecorded.withLock { $0.keys })
    }

    /// Exponential backoff with "equal jitter": half the delay fixed, half random.
    static func backoff(attempt: Int, base: Double, maximum: Double) -> Double {
        let exponential = min(maximum, base * pow(2, Double(min(attempt - 1, 30))))
        return exponential / 2 + Double.random(in: 0...(exponential / 2))
    }

    private func deliver(_ message: OutboxStore.Stored) async throws(DeliveryFailure) -> String {
        let record = message.record
        if let email = message.email {
            guard let smtp else { throw .transient("No SMTP server is configured (set EINVOICE_SMTP_URL).") }
            let from = config.smtp?.from ?? "einvoice <einvoice@localhost>"
            let messageID = "\(record.id)@einvoice"
            let data = MIMEMessage.render(email, from: from, idempotencyKey: record.idempotencyKey, messageID: messageID, date: record.createdAt)
            return try await smtp.send(from: EmailAddress.bare(from), recipients: email.to, data: data)
        }
        if let webhook = message.webhook {
            guard let endpoint = config.webhooks?.first(where: { $0.name == webhook.endpoint }), let url = URL(string: endpoint.url) else {
                throw .permanent("No webhook endpoint named \(webhook.endpoint) is configured any more.")
            }
            return try await webhooks.post(
                WebhookClient.Delivery(
                    url: url, secret: endpoint.secret, event: webhook.event, messageID: record.id, idempotencyKey: record.idempotencyKey, body: webhook.body,
                    timeout: .milliseconds(Int64((endpoint.timeoutSeconds ?? 10) * 1_000)), timestamp: Date()
                )
            )
        }
        throw .permanent("The message has neither an e-mail nor a webhook.")
    }
}
