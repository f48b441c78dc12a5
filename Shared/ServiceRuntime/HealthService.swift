import Foundation
public import GRPCCore
public import HealthContract
import Synchronization

/// Answers `einvoice.health.v1.Health/Check` for a process.
///
/// A service can report that it is not ready yet (or any detail worth showing an operator)
/// through ``update(status:details:)``; the runner marks it draining on shutdown.
public final class HealthService: Health.ServiceProtocol, Sendable {
    public let service: String
    public let version: String
    private let startedAt = Date()
    private let state: Mutex<(status: ServingStatus, details: [String: String])>

    public init(service: String, version: String = EInvoiceVersion.current, status: ServingStatus = .serving, details: [String: String] = [:]) {
        self.service = service
        self.version = version
        self.state = Mutex((status, details))
    }

    public func update(status: ServingStatus? = nil, details: [String: String] = [:]) {
        state.withLock { state in
            if let status { state.status = status }
            state.details.merge(details) { _, new in new }
        }
    }

    public func check(_ request: HealthCheckRequest, context: ServerContext) async throws -> HealthCheckResponse {
        let (status, details) = state.withLock { ($0.status, $0.details) }
        return HealthCheckResponse(
            service: service,
            status: status,
            version: version,
            pid: ProcessInfo.processInfo.processIdentifier,
            startedAt: startedAt,
            details: details
        )
    }
}

public enum EInvoiceVersion {
    public static let current = "0.1.0"
}
