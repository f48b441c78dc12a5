import ArgumentParser
import BinaryCoding
import EInvoiceRPC
import Foundation
import GRPCCore
import GRPCInProcessTransport
import GRPCNIOTransportHTTP2Posix
import Synchronization
import NIOPosix
import UnixSocketTransport

#if canImport(Glibc)
import Glibc
#endif

@main
struct RPCBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rpc-bench",
        abstract: "Benchmarks einvoice's Unix-socket RPC transport and binary serializer.",
        subcommands: [Run.self, Serve.self, Load.self, Serializer.self, StampBenchCommand.self, InvoiceBenchCommand.self],
        defaultSubcommand: Run.self
    )
}

enum TransportKind: String, ExpressibleByArgument, CaseIterable, Sendable {
    case uds, h2
}

/// `rpc-bench serve`: an echo server for the load client (started by `run`).
struct Serve: AsyncParsableCommand {
    @Option var transport: TransportKind
    @Option var path: String
    @Option var eventLoopThreads: Int = 1

    func run() async throws {
        switch transport {
        case .uds:
            let group = MultiThreadedEventLoopGroup(numberOfThreads: eventLoopThreads)
            let server = GRPCServer(transport: UnixSocketServerTransport(path: path, peerPolicy: .anyone, eventLoopGroup: group), services: [EchoBenchService()])
            try await server.serve()
        case .h2:
            let server = GRPCServer(
                transport: .http2NIOPosix(address: .unixDomainSocket(path: path), transportSecurity: .plaintext),
                services: [EchoBenchService()]
            )
            try await server.serve()
        }
    }
}

/// `rpc-bench load`: one client load against a running `serve` (for profiling one side).
struct Load: AsyncParsableCommand {
    @Option var path: String
    @Option var eventLoopThreads: Int = 1
    @Option var inFlight: Int = 64
    @Option var duration: Double = 5
    @Flag var stream = false

    func run() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: eventLoopThreads)
        try await withGRPCClient(transport: UnixSocketClientTransport(path: path, eventLoopGroup: group)) { client in
            if stream {
                let result = try await StreamBench.run(client: client, seconds: duration, warmup: 0.5, serverPID: nil)
                print("\(Int(result.messagesPerSecond)) messages/s echoed")
                let oneWay = try await OneWayStreamBench.run(client: client, seconds: duration)
                print("\(Int(oneWay.messagesPerSecond)) messages/s one way")
            } else {
                let result = try await measureLoad(name: "unix-socket (ours)", inFlight: inFlight, warmup: .milliseconds(500), duration: .milliseconds(Int64(duration * 1_000)), serverPID: nil) {
                    _ = try await EchoBenchService.unary.call(on: client, EchoMessage(text: benchText))
                }
                print(result.line)
            }
        }
    }
}

/// `rpc-bench serializer`: only the serializer comparison.
struct Serializer: AsyncParsableCommand {
    @Option var duration: Double = 5

    func run() async throws {
        for row in SerializerBench.run(seconds: duration) { print("\(row.name): \(Int(row.opsPerSecond)) ops/s, \(row.bytes) bytes") }
    }
}

/// `rpc-bench run`: every benchmark, in one run, so the ratios compare like with like.
struct Run: AsyncParsableCommand {
    @Option(help: "Seconds per measurement.") var duration: Double = 5
    @Option(help: "Seconds of warm-up before each measurement.") var warmup: Double = 1
    @Option(help: "Calls in flight to measure (repeatable).") var inFlight: [Int] = [1, 64]
    @Option(help: "Write the results as JSON to this file.") var json: String?
    @Flag(help: "Skip the stock HTTP/2 transport.") var skipH2 = false
    @Option(help: "Event-loop threads for our transport, client and server each.") var eventLoopThreads: Int = 1

    func run() async throws {
        let measure = Duration.milliseconds(Int64(duration * 1_000))
        let warm = Duration.milliseconds(Int64(warmup * 1_000))
        var report = BenchReport()

        print("Serializer (30-field invoice-like message, encode + decode):")
        report.serializer = SerializerBench.run(seconds: duration)
        for row in report.serializer { print("  \(row.name): \(Int(row.opsPerSecond)) ops/s, \(row.bytes) bytes") }

        let directory = "/tmp/rpc-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        // The three transports are measured in interleaved segments (in-process, ours, HTTP/2,
        // in-process, …) so that the machine's drifting load falls on all of them alike.
        let inProcess = InProcessTransport()
        let inProcessServer = GRPCServer(transport: inProcess.server, services: [EchoBenchService()])
        let udsPath = "\(directory)/uds.sock"
        let h2Path = "\(directory)/h2.sock"
        let udsServer = try Process.startServer(kind: .uds, path: udsPath, eventLoopThreads: eventLoopThreads)
        defer { udsServer.terminate() }
        try await waitForSocket(udsPath)
        let h2Server = skipH2 ? nil : try Process.startServer(kind: .h2, path: h2Path, eventLoopThreads: eventLoopThreads)
        defer { h2Server?.terminate() }
        if !skipH2 { try await waitForSocket(h2Path) }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: eventLoopThreads)
        let h2Transport = try HTTP2ClientTransport.Posix(target: .unixDomainSocket(path: h2Path), transportSecurity: .plaintext)
        let rounds = max(1, Int(duration))
        let segment = Duration.milliseconds(Int64(duration * 1_000) / Int64(rounds))

        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await inProcessServer.serve() }
            try await withGRPCClient(transport: inProcess.client) { inProcessClient in
                try await withGRPCClient(transport: UnixSocketClientTransport(path: udsPath, eventLoopGroup: group)) { udsClient in
                    try await withGRPCClient(transport: h2Transport) { h2Client in
                        let message = EchoMessage(text: benchText)
                        var contenders: [(name: String, pid: Int32?, call: @Sendable () async throws -> Void)] = [
                            ("in-process", nil, { _ = try await EchoBenchService.unary.call(on: inProcessClient, message) }),
                            ("unix-socket (ours)", udsServer.processIdentifier, { _ = try await EchoBenchService.unary.call(on: udsClient, message) }),
                        ]
                        if let h2Server {
                            contenders.append(("HTTP/2 (grpc-swift-nio-transport)", h2Server.processIdentifier, { _ = try await EchoBenchService.unary.call(on: h2Client, message) }))
                        }
                        for n in inFlight {
                            var accumulators = contenders.map { LoadAccumulator(name: $0.name, inFlight: n) }
                            for contender in contenders {
                                try await runLoops(inFlight: n, until: ContinuousClock.now + warm, call: contender.call)
                            }
                            for _ in 0..<rounds {
                                for (index, contender) in contenders.enumerated() {
                                    try await accumulators[index].segment(duration: segment, serverPID: contender.pid, call: contender.call)
                                }
                            }
                            for accumulator in accumulators {
                                report.unary.append(accumulator.result)
                                print(accumulator.result.line)
                            }
                        }
                        let streamed = try await StreamBench.run(client: udsClient, seconds: duration, warmup: warmup, serverPID: udsServer.processIdentifier)
                        report.stream = streamed
                        print("  one bidirectional stream (unix-socket): \(Int(streamed.messagesPerSecond)) messages/s echoed")
                        let oneWay = try await OneWayStreamBench.run(client: udsClient, seconds: duration)
                        report.oneWayStream = oneWay
                        print("  one stream, one way (unix-socket): \(Int(oneWay.messagesPerSecond)) messages/s")
                    }
                }
            }
            inProcessServer.beginGracefulShutdown()
            try await tasks.waitForAll()
        }

        print("")
        print(report.summary())
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(report).write(to: URL(fileURLWithPath: json))
            print("JSON written to \(json)")
        }
    }
}

extension LoadResult {
    var line: String {
        "  \(name), \(inFlight) in flight: \(Int(callsPerSecond)) calls/s, p50 \(p50Microseconds) µs, p99 \(p99Microseconds) µs, "
            + String(format: "CPU %.1f µs/call", cpuMicrosecondsPerCall)
    }
}

extension Process {
    static func startServer(kind: TransportKind, path: String, eventLoopThreads: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        process.arguments = ["serve", "--transport", kind.rawValue, "--path", path, "--event-loop-threads", String(eventLoopThreads)]
        try process.run()
        return process
    }
}

func waitForSocket(_ path: String) async throws {
    for _ in 0..<1_000 {
        if FileManager.default.fileExists(atPath: path) { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    throw ValidationError("the benchmark server never created \(path)")
}
