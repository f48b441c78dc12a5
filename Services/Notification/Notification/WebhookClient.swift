import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import ZATCACrypto

/// POSTs a webhook's JSON body, signed, and judges the answer: 2xx delivered; 408, 429 and
/// 5xx (or no answer) retried; any other 4xx a dead letter.
///
/// Headers: `X-Einvoice-Event`, `X-Einvoice-Delivery` (the message id),
/// `Idempotency-Key`, `X-Einvoice-Timestamp` (Unix seconds) and `X-Einvoice-Signature:
/// sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" under the endpoint's secret>`.
struct WebhookClient: Sendable {
    let group: any EventLoopGroup

    init(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.group = group
    }

    struct Delivery: Sendable {
        var url: URL
        var secret: String
        var event: String
        var messageID: String
        var idempotencyKey: String
        var body: Data
        var timeout: Duration
        var timestamp: Date
    }

    static func signature(secret: String, timestamp: String, body: Data) -> String {
        let code = HMACSHA256.authenticationCode(key: Array(secret.utf8), message: Array("\(timestamp).".utf8) + Array(body))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    /// Returns the status line on success.
    func post(_ delivery: Delivery) async throws(DeliveryFailure) -> String {
        let status: HTTPResponseStatus
        do {
            status = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                group.addTask { try await self.exchange(delivery) }
                group.addTask {
                    try await Task.sleep(for: delivery.timeout)
                    throw DeliveryFailure.transient("No answer from \(Self.shown(delivery.url)) within \(delivery.timeout).")
                }
                let result = try await group.next()!
                group.cancelAll()
                return result
            }
        } catch let failure as DeliveryFailure {
            throw failure
        } catch let error as IOError {
            throw .transient("Cannot reach \(Self.shown(delivery.url)): \(error.description)")
        } catch let error as NIOConnectionError {
            throw .transient("Cannot reach \(Self.shown(delivery.url)): \(connectionProblem(error))")
        } catch {
            throw .transient("The webhook call to \(Self.shown(delivery.url)) failed: \(error)")
        }
        let line = "HTTP \(status.code) \(status.reasonPhrase)"
        switch status.code {
        case 200..<300: return line
        case 300..<400: throw .permanent("\(Self.shown(delivery.url)) answered \(line): redirects are not followed; configure the final URL.")
        case 408, 429: throw .transient("\(Self.shown(delivery.url)) answered \(line); trying again later.")
        case 400..<500: throw .permanent("\(Self.shown(delivery.url)) refused the call: \(line).")
        default: throw .transient("\(Self.shown(delivery.url)) answered \(line).")
        }
    }

    /// The URL without user info or query (which may carry tokens).
    static func shown(_ url: URL) -> String {
        "\(url.scheme ?? "http")://\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")\(url.path)"
    }

    private func exchange(_ delivery: Delivery) async throws -> HTTPResponseStatus {
        let url = delivery.url
        let https = url.scheme == "https"
        guard let host = url.host else { throw DeliveryFailure.permanent("\(url) has no host.") }
        let port = url.port ?? (https ? 443 : 80)
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if https {
                        let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: host))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        let timestamp = String(Int(delivery.timestamp.timeIntervalSince1970))
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: url.port.map { "\(host):\($0)" } ?? host)
        headers.add(name: "User-Agent", value: "einvoice-notification/1")
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        headers.add(name: "Content-Length", value: String(delivery.body.count))
        headers.add(name: "Connection", value: "close")
        headers.add(name: "X-Einvoice-Event", value: delivery.event)
        headers.add(name: "X-Einvoice-Delivery", value: delivery.messageID)
        headers.add(name: "Idempotency-Key", value: delivery.idempotencyKey)
        headers.add(name: "X-Einvoice-Timestamp", value: timestamp)
        headers.add(name: "X-Einvoice-Signature", value: Self.signature(secret: delivery.secret, timestamp: timestamp, body: delivery.body))
        // The path and query exactly as written (still percent-encoded).
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var path = components?.percentEncodedPath ?? "/"
        if path.isEmpty { path = "/" }
        if let query = components?.percentEncodedQuery { path += "?\(query)" }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(.head(HTTPRequestHead(version: .http1_1, method: .POST, uri: path, headers: headers)))
            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: delivery.body))))
            try await outbound.write(.end(nil))
            var status: HTTPResponseStatus?
            var received = 0
            for try await part in inbound {
                switch part {
                case .head(let head): status = head.status
                case .body(let buffer):
                    received += buffer.readableBytes
                    if received > 1 << 20, let status { return status }
                case .end: if let status { return status }
                }
            }
            guard let status else { throw DeliveryFailure.transient("\(Self.shown(url)) closed the connection without an answer.") }
            return status
        }
    }
}
