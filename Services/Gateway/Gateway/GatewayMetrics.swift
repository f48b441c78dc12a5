import Foundation
import Synchronization

/// Counters for Prometheus (`GET /metrics`): forwarded RPCs and HTTP requests by outcome, and
/// the time they took.
final class GatewayMetrics: Sendable {
    private struct Counter {
        var count = 0
        var seconds = 0.0

        mutating func add(_ seconds: Double) {
            count += 1
            self.seconds += seconds
        }
    }

    private let rpc = Mutex<[String: Counter]>([:])
    private let http = Mutex<[String: Counter]>([:])

    func record(method: String, code: String, seconds: Double) {
        rpc.withLock { $0["method=\"\(method)\",code=\"\(code)\"", default: Counter()].add(seconds) }
    }

    func recordHTTP(route: String, status: Int, seconds: Double) {
        http.withLock { $0["route=\"\(route)\",status=\"\(status)\"", default: Counter()].add(seconds) }
    }

    /// The text exposition format, with `up` lines from a fresh health check.
    func render(up: [(service: String, serving: Bool)]) -> String {
        var lines: [String] = []
        func family(_ name: String, _ help: String, _ counters: [String: Counter]) {
            lines.append("# HELP \(name)_total \(help)")
            lines.append("# TYPE \(name)_total counter")
            for (labels, counter) in counters.sorted(by: { $0.key < $1.key }) { lines.append("\(name)_total{\(labels)} \(counter.count)") }
            lines.append("# HELP \(name)_seconds_total Time spent on them.")
            lines.append("# TYPE \(name)_seconds_total counter")
            for (labels, counter) in counters.sorted(by: { $0.key < $1.key }) { lines.append("\(name)_seconds_total{\(labels)} \(String(format: "%.6f", counter.seconds))") }
        }
        family("einvoice_gateway_rpc", "RPCs the gateway forwarded, by method and status code.", rpc.withLock { $0 })
        family("einvoice_gateway_http_requests", "HTTP API requests, by route and status.", http.withLock { $0 })
        lines.append("# HELP einvoice_service_up Whether the service answered its health check as serving.")
        lines.append("# TYPE einvoice_service_up gauge")
        for item in up { lines.append("einvoice_service_up{service=\"\(item.service)\"} \(item.serving ? 1 : 0)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
