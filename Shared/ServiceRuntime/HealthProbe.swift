public import Foundation
public import GRPCCore
public import HealthContract
public import UnixSocketTransport

/// One service's health as a caller sees it: serving, not serving, draining, not responding
/// (no answer in time) or unreachable (nothing listening), with its details when it answered.
public struct HealthProbe: Sendable {
    public var service: ServiceName
    public var status: String
    public var response: HealthCheckResponse?
    public var error: String?

    /// Checks `service` over `client` (a long-lived connection), or over a new connection to its socket.
    public static func check(
        _ service: ServiceName, paths: RuntimePaths, client: GRPCClient<UnixSocketClientTransport>? = nil, timeout: Duration
    ) async -> HealthProbe {
        var options = CallOptions.defaults
        options.timeout = timeout
        do {
            let response: HealthCheckResponse =
                if let client {
                    try await Health.Client(wrapping: client).check(options: options)
                } else {
                    try await withServiceClient(service, paths: paths) { try await Health.Client(wrapping: $0).check(options: options) }
                }
            return HealthProbe(service: service, status: response.status.rawValue, response: response)
        } catch let error as RPCError {
            return HealthProbe(service: service, status: error.code == .deadlineExceeded ? "not_responding" : "unreachable", error: error.message)
        } catch {
            return HealthProbe(service: service, status: "unreachable", error: "\(error)")
        }
    }
}
