import Foundation
import GRPCCore
import Logging
import NotificationContract
import ServiceLifecycle
import UnixSocketTransport
import ZATCACrypto

/// Warns through the notification service when a unit's compliance or production certificate
/// expires within 30 days: once per certificate (the event's subject is the unit and the
/// certificate's serial, so notification drops repeats, and a renewed certificate starts over).
struct CertificateWatch: Service {
    let store: SigningStore
    let client: GRPCClient<UnixSocketClientTransport>
    let logger: Logger
    let interval: Duration
    var warningDays: Double = 30

    func run() async throws {
        // A first look soon after start, then every interval.
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: min(interval, .seconds(5))) }
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await pass(now: Date())
            } catch {
                logger.debug("certificate.watch.waiting", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    func pass(now: Date) async throws {
        let notifications = Notifications.Client(wrapping: client)
        for unit in try await store.units() {
            guard let der = unit.certificateDER, let kind = unit.certificateKind, kind != "development",
                let certificate = try? X509Certificate(der: der), certificate.notAfter.timeIntervalSince(now) < warningDays * 86_400
            else { continue }
            let event = Event(
                kind: .certificateExpiring, subject: "\(unit.egsID):\(certificate.serialNumberDecimal)", sellerName: certificate.subject, egsID: unit.egsID,
                expiresAt: certificate.notAfter
            )
            var options = CallOptions.defaults
            options.timeout = .seconds(10)
            _ = try await notifications.publish(PublishRequest(event: event), options: options)
            logger.warning("certificate.expiring", metadata: ["egs.id": "\(unit.egsID)", "not_after": "\(certificate.notAfter.formatted(.iso8601))", "kind": "\(kind)"])
        }
    }
}
