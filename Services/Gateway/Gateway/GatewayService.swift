import Foundation
import GRDB
import Hummingbird
import Logging
import NIOCore
public import ServiceRuntime
import Synchronization
import ZATCACrypto

/// The single entry point: the operator RPCs of every service on `gateway.sock` (forwarded with
/// a request ID and the remaining deadline), aggregated health, API keys, and the HTTP/JSON API
/// with the invoice page and Prometheus metrics on `EINVOICE_HTTP_HOST:EINVOICE_HTTP_PORT`
/// (127.0.0.1:8088 by default; 0 picks a free port; the port is written to
/// `<runtime>/gateway-http.port`).
public enum GatewayService {
    static let startedAt = Date()

    public static func parts(_ context: ServiceContext) async throws -> ServiceParts {
        _ = startedAt
        let directory = (context.paths.dataDirectory as NSString).appendingPathComponent("gateway")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let store = try GatewayStore(path: (directory as NSString).appendingPathComponent("gateway.sqlite"))
        let pages = PageTokens(
            key: try SecretFile.loadOrCreate(at: (directory as NSString).appendingPathComponent("page-key"), byteCount: 32, generate: KeyWrap.generateKey)
        )
        let backends = Backends(paths: context.paths)
        let metrics = GatewayMetrics()
        let environment = ProcessInfo.processInfo.environment
        let host = environment["EINVOICE_HTTP_HOST"] ?? "127.0.0.1"
        let port = Int(environment["EINVOICE_HTTP_PORT"] ?? "") ?? 8088
        let portFile = (context.paths.runtimeDirectory as NSString).appendingPathComponent("gateway-http.port")
        try? FileManager.default.removeItem(atPath: portFile)
        let listening = Mutex<String?>(nil)
        let handler = GatewayHandler(
            backends: backends, store: store, pages: pages, paths: context.paths, httpURL: { listening.withLock { $0 } }, logger: context.logger
        )
        let api = HTTPAPI(backends: backends, store: store, pages: pages, metrics: metrics, status: handler, logger: context.logger)
        let logger = context.logger
        let application = Application(
            router: api.router(), configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "einvoice"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                listening.withLock { $0 = "http://\(host):\(bound)/" }
                try? String(bound).write(toFile: portFile, atomically: true, encoding: .utf8)
                logger.info("gateway.http.listening", metadata: ["address": "\(host):\(bound)"])
            },
            logger: context.logger
        )
        context.health.update(details: ["http": "\(host):\(port)", "database": store.pool.path])
        return ServiceParts(
            rpcServices: [handler, ForwardingService(backends: backends, metrics: metrics, logger: context.logger)],
            background: Array(backends.connections.values) + [application]
        )
    }
}
