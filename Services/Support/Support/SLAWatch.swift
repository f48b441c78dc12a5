import Foundation
import GRPCCore
import Logging
import NotificationContract
import ServiceLifecycle
import SupportContract
import UnixSocketTransport

/// Warns the operators through the notification service before a ticket breaches its first
/// response or resolution target (once per target), and notes the warning on the ticket.
struct SLAWatch: Service {
    let store: TicketStore
    let notification: GRPCClient<UnixSocketClientTransport>
    let logger: Logger
    let interval: Duration

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await pass(now: Date())
            } catch {
                logger.debug("ticket.sla.waiting", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    func pass(now: Date) async throws {
        let client = Notifications.Client(wrapping: notification)
        for (ticket, firstResponse) in try await store.nearingBreach(at: now, lead: store.config.warnLead) {
            let due = firstResponse ? ticket.firstResponseDue : ticket.resolutionDue
            let what = firstResponse ? "first response" : "resolution"
            let event = Event(
                kind: .ticketSLA, subject: "\(ticket.id):\(firstResponse ? "first-response" : "resolution")", sellerVAT: ticket.taxpayerVAT,
                messages: ["\(ticket.subject) — \(what) due \(due.formatted(.iso8601)), priority \(ticket.priority.rawValue)"], ticketID: ticket.id, dueAt: due
            )
            var options = CallOptions.defaults
            options.timeout = .seconds(10)
            _ = try await client.publish(PublishRequest(event: event), options: options)
            guard let number = TicketStore.number(ticket.id) else { continue }
            let breached = due <= now
            try await store.markWarned(
                number, firstResponse: firstResponse, text: "SLA \(breached ? "breached" : "warning"): \(what) due \(due.formatted(.iso8601)); the operators were told.", at: now
            )
            logger.warning("ticket.sla", metadata: ["ticket": "\(ticket.id)", "target": "\(what)", "due": "\(due.formatted(.iso8601))"])
        }
    }
}
