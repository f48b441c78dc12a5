import Foundation
import GRPCCore
import InvoiceModel
import InvoicingContract
import Logging
import NotificationContract
import ServiceLifecycle
import SupportContract
import UnixSocketTransport

/// Tells the notification service what buyers and operators must hear about, from the store's
/// state, so nothing is missed across crashes or while notification is down: an invoice ready
/// for its buyer (cleared; a simplified one once stamped), a rejection by ZATCA (with the
/// platform's messages), and a simplified invoice still unreported 20 hours after its issue.
/// An invoice is marked announced only after notification took the event; the event's subject
/// makes a repeat harmless.
struct InvoiceAnnouncer: Service {
    let store: InvoiceStore
    let client: GRPCClient<UnixSocketClientTransport>
    /// The support desk, which opens a ticket for each rejection and each deadline.
    let support: GRPCClient<UnixSocketClientTransport>
    let logger: Logger
    let interval: Duration
    /// Hours after issue at which an unreported simplified invoice raises a warning.
    var deadlineHours: Double = 20
    var clock: @Sendable () -> Date = { Date() }

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await pass()
            } catch {
                logger.debug("invoice.announce.waiting", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// One look at everything waiting to be announced. The notification service and the
    /// support desk are told independently: one being away does not hold up the other.
    func pass() async throws {
        var failure: (any Error)?
        do { try await announce() } catch { failure = error }
        do { try await openTickets() } catch { failure = failure ?? error }
        if let failure { throw failure }
    }

    private var options: CallOptions {
        var options = CallOptions.defaults
        options.timeout = .seconds(30)
        return options
    }

    private func announce() async throws {
        let notifications = Notifications.Client(wrapping: client)
        let now = clock()
        let plans: [(InvoiceStore.Announcement, EventKind, [(InvoiceStore.Stored, [StatusEvent])])] = [
            (.ready, .invoiceReady, try await store.awaiting(.ready)),
            (.rejection, .invoiceRejected, try await store.awaiting(.rejection)),
            (.deadline, .reportingDeadline, try await store.awaiting(.deadline, limit: 1_000).filter { isOverdue($0.0.record, now: now) }),
        ]
        for (announcement, kind, invoices) in plans {
            for (stored, history) in invoices {
                var event = Self.event(kind, stored, history: history)
                do {
                    _ = try await notifications.publish(PublishRequest(event: event), options: options)
                } catch let error as RPCError where error.code == .invalidArgument && event.buyerEmail != nil {
                    // A buyer address the outbox refuses must not hold up every later invoice:
                    // the event goes out without it (webhooks, operators), and the log says why.
                    logger.error(
                        "invoice.announce.buyer_email_refused",
                        metadata: ["invoice.id": "\(stored.record.id)", "invoice.number": "\(stored.record.number ?? "")", "error": "\(error.message)"]
                    )
                    event.buyerEmail = nil
                    _ = try await notifications.publish(PublishRequest(event: event), options: options)
                } catch let error as RPCError where error.code != .unavailable && error.code != .deadlineExceeded && error.code != .cancelled {
                    // Refused for another reason: say so loudly and go on with the others.
                    logger.error("invoice.announce.refused", metadata: ["invoice.id": "\(stored.record.id)", "event": "\(kind.rawValue)", "error": "\(error.message)"])
                    continue
                }
                try await store.markAnnounced(announcement, id: stored.record.id, at: clock())
                if kind == .reportingDeadline {
                    logger.warning("invoice.reporting.deadline", metadata: ["invoice.id": "\(stored.record.id)", "invoice.number": "\(stored.record.number ?? "")"])
                } else {
                    logger.info("invoice.announced", metadata: ["invoice.id": "\(stored.record.id)", "event": "\(kind.rawValue)"])
                }
            }
        }
    }

    private func openTickets() async throws {
        let desk = Support.Client(wrapping: support)
        for (stored, history) in try await store.awaiting(.rejectionTicket) {
            let event = Self.event(.invoiceRejected, stored, history: history)
            _ = try await desk.reportProblem(Self.problem(.rejection, stored, messages: event.messages), options: options)
            try await store.markAnnounced(.rejectionTicket, id: stored.record.id, at: clock())
        }
        let now = clock()
        for (stored, _) in try await store.awaiting(.deadlineTicket, limit: 1_000) where isOverdue(stored.record, now: now) {
            _ = try await desk.reportProblem(Self.problem(.reportingDeadline, stored, messages: []), options: options)
            try await store.markAnnounced(.deadlineTicket, id: stored.record.id, at: now)
        }
    }

    private func isOverdue(_ record: InvoiceRecord, now: Date) -> Bool {
        guard let issued = Self.issuedAt(record) else { return false }
        return now.timeIntervalSince(issued) >= deadlineHours * 3_600
    }

    static func problem(_ kind: ProblemKind, _ stored: InvoiceStore.Stored, messages: [String]) -> ReportProblemRequest {
        ReportProblemRequest(
            kind: kind, invoiceID: stored.record.id, invoiceNumber: stored.record.number, sellerVAT: stored.record.sellerVAT, buyer: stored.record.buyerName,
            messages: messages
        )
    }

    /// The issue moment: IssueDate and IssueTime are Riyadh time (UTC+3, no daylight saving).
    static func issuedAt(_ record: InvoiceRecord) -> Date? {
        try? Date("\(record.issueDate)T\(record.issueTime.prefix(8))+03:00", strategy: .iso8601)
    }

    static func event(_ kind: EventKind, _ stored: InvoiceStore.Stored, history: [StatusEvent]) -> Event {
        let record = stored.record
        let messages = history.last { $0.status == .rejected }.map { event in
            event.messages.map { "\($0.rule): \($0.messageEN)" } + (event.messages.isEmpty ? [event.detail].compactMap { $0 } : [])
        } ?? []
        let xml = stored.clearedXML ?? stored.stampedXML
        return Event(
            kind: kind, subject: record.id, sellerName: record.sellerName, sellerVAT: record.sellerVAT, invoiceNumber: record.number, invoiceID: record.id,
            issuedAt: issuedAt(record), total: record.payable.description, currency: record.currency, buyerName: record.buyerName,
            buyerEmail: kind == .invoiceReady ? stored.draft.buyer?.contact?.email : nil, xml: kind == .invoiceReady ? xml.map { Data($0) } : nil,
            messages: kind == .invoiceRejected ? messages : []
        )
    }
}
