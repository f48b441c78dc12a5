import Foundation
import InvoicingContract
import Logging
import ServiceLifecycle

/// Stamps the invoices left numbered but unstamped — by a crash between the two steps, or while
/// the signing service was down — as soon as the signing service answers. Runs until shutdown.
struct StampRecovery: Service {
    let handler: InvoicingHandler
    let logger: Logger
    /// Pause between passes when there is nothing to do or the signing service is away.
    let interval: Duration
    /// How long an issued invoice is left to the request that issued it before recovery takes it.
    var grace: TimeInterval = 5

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var stamped = 0
            do {
                for stored in try await handler.store.awaitingStamp(before: Date().addingTimeInterval(-grace)) {
                    _ = try await handler.stamp(stored)
                    stamped += 1
                    logger.info("invoice.stamp.recovered", metadata: ["invoice.id": "\(stored.record.id)", "invoice.number": "\(stored.record.number ?? "")"])
                }
            } catch {
                logger.debug("invoice.stamp.recovery.waiting", metadata: ["error": "\(error)"])
            }
            if stamped == 0 {
                try? await gracefulSleep(interval)
            }
        }
    }

    private func gracefulSleep(_ duration: Duration) async throws {
        try await cancelWhenGracefulShutdown {
            try await Task.sleep(for: duration)
        }
    }
}
