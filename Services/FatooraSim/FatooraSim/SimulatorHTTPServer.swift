import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle
import Synchronization

/// Faults to inject, for tests: each request takes the next planned fault, if any.
///
/// `POST /__sim/faults` with `{"next": ["429", "500", "503", "drop", "slow:1500", "duplicate"]}`
/// queues them; `GET /__sim/faults` shows what is left; `GET /__sim/accepted` lists every
/// document the platform accepted (uuid, hash, endpoint). `drop` closes the connection without an
/// answer (after the platform did the work, as a lost answer would); `slow:MS` answers after MS
/// milliseconds; `duplicate` answers as if the document had been accepted before (208/409).
final class FaultPlan: Sendable {
    private let queue = Mutex<[String]>([])

    func plan(_ faults: [String]) { queue.withLock { $0.append(contentsOf: faults) } }
    func next() -> String? { queue.withLock { $0.isEmpty ? nil : $0.removeFirst() } }
    var pending: [String] { queue.withLock { $0 } }
}

/// HTTP/1.1 on loopback, serving ``FatooraAPI``, until shutdown.
struct SimulatorHTTPServer: Service {
    let api: FatooraAPI
    let faults: FaultPlan
    let host: String
    let port: Int
    /// Where the bound port is written (useful with port 0).
    let portFile: String
    let logger: Logger

    func run() async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(wrappingChannelSynchronously: channel)
                }
            }
        let bound = server.channel.localAddress?.port ?? port
        try String(bound).write(toFile: portFile, atomically: true, encoding: .utf8)
        logger.info("fatoora-sim.listening", metadata: ["url": "http://\(host):\(bound)/e-invoicing/simulation/"])
        try await withGracefulShutdownHandler {
            try await server.executeThenClose { connections in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in connections {
                        group.addTask { await self.serve(connection) }
                    }
                }
            }
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
        }
    }

    private func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
        do {
            try await connection.executeThenClose { inbound, outbound in
                var head: HTTPRequestHead?
                var body = ByteBuffer()
                for try await part in inbound {
                    switch part {
                    case .head(let requestHead):
                        head = requestHead
                        body.clear()
                    case .body(var chunk):
                        guard body.readableBytes + chunk.readableBytes <= FatooraAPI.maxBody + 1 else { continue }
                        body.writeBuffer(&chunk)
                    case .end:
                        guard let request = head else { continue }
                        let keepAlive = request.isKeepAlive
                        guard let response = await respond(request, body: Data(body.readableBytesView)) else { return }  // drop
                        var headers = HTTPHeaders()
                        headers.add(name: "Content-Type", value: "application/json")
                        headers.add(name: "Content-Length", value: String(response.body.count))
                        if !keepAlive { headers.add(name: "Connection", value: "close") }
                        try await outbound.write(.head(HTTPResponseHead(version: request.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)))
                        try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: response.body))))
                        try await outbound.write(.end(nil))
                        if !keepAlive { return }
                    }
                }
            }
        } catch {
            logger.debug("fatoora-sim.connection", metadata: ["error": "\(error)"])
        }
    }

    /// nil: drop the connection without an answer.
    private func respond(_ head: HTTPRequestHead, body: Data) async -> FatooraAPI.Response? {
        let path = head.uri.split(separator: "?").first.map(String.init) ?? head.uri
        if path == "/__sim/faults" {
            if head.method == .POST, let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any], let next = object["next"] as? [String] {
                faults.plan(next)
            }
            return FatooraAPI.json(200, ["pending": faults.pending])
        }
        if path == "/__sim/accepted" {
            let rows = (try? api.state.acceptedDocuments()) ?? []
            return FatooraAPI.json(200, ["accepted": rows.map { ["uuid": $0.uuid, "invoiceHash": $0.hash, "endpoint": $0.endpoint] }])
        }
        var headers: [String: String] = [:]
        for (name, value) in head.headers { headers[name.lowercased()] = value }
        let fault = faults.next()
        if let fault {
            logger.info("fatoora-sim.fault", metadata: ["fault": "\(fault)", "path": "\(path)"])
            switch fault {
            case "429", "500", "502", "503", "504", "413":
                return FatooraAPI.error(Int(fault)!, "Injected-Fault", "Fault injected by fatoora-sim: HTTP \(fault).")
            case let slow where slow.hasPrefix("slow:"):
                try? await Task.sleep(for: .milliseconds(Int64(slow.dropFirst(5)) ?? 1_000))
            default:
                break
            }
        }
        let response = api.handle(method: head.method.rawValue, path: path, headers: headers, body: body)
        logger.info("fatoora-sim.request", metadata: ["method": "\(head.method.rawValue)", "path": "\(path)", "status": "\(response.status)"])
        switch fault {
        case "drop": return nil
        case "duplicate" where response.status == 200 || response.status == 202:
            return path.hasSuffix("/clearance/single") ? FatooraAPI.Response(status: 208, body: response.body) : FatooraAPI.json(409, ["message": "Invoice was already Reported successfully earlier."])
        default: return response
        }
    }
}
