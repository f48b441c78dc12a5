import Foundation
import GRDB
import GRPCCore
import ServiceRuntime
import SigningContract
import Synchronization
import Testing
import UnixSocketTransport
import ZATCAStamp

#if canImport(Glibc)
import Glibc
#endif

/// The stamps callers were answered with, collected across tasks.
private final class Answers: Sendable {
    let list = Mutex<[StampResponse]>([])
}

/// The real `signing-service` executable, killed with SIGKILL (or stopped with SIGTERM) in the
/// middle of a run.
@Suite("Signing service crash safety", .serialized)
struct CrashTests {
    static var executable: URL {
        get throws {
            var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            while url.pathComponents.count > 1 {
                url.deleteLastPathComponent()
                let candidate = url.appendingPathComponent("signing-service")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
            throw RPCError(code: .failedPrecondition, message: "signing-service is not built: run swift build first")
        }
    }

    /// ``start(runtime:data:log:)``, then waits (up to 10 s) for its socket.
    static func startServing(runtime: String, data: String, log: String, socket: String) async throws -> Process {
        let process = try start(runtime: runtime, data: data, log: log)
        for _ in 0..<1_000 where !FileManager.default.fileExists(atPath: socket) { try await Task.sleep(for: .milliseconds(10)) }
        return process
    }

    static func start(runtime: String, data: String, log: String) throws -> Process {
        let process = Process()
        process.executableURL = try executable
        process.environment = ProcessInfo.processInfo.environment.merging(["EINVOICE_RUNTIME_DIR": runtime, "EINVOICE_DATA_DIR": data]) { $1 }
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        handle.seekToEndOfFile()
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        return process
    }

    @Test("kill -9 during 4 units' stamping: after a restart every answered stamp is on disk and the chains are intact and continue")
    func killMidRun() async throws {
        let scratch = try Scratch("einvoice-crash")
        defer { scratch.remove() }
        let (runtime, data, log, paths, socket) = (scratch.runtime, scratch.data, scratch.log, scratch.paths, scratch.socket)
        let units = ["k1", "k2", "k3", "k4"]

        var server = try await Self.startServing(runtime: runtime, data: data, log: log, socket: socket)
        let answered = Answers()
        let victim = server
        try await withServiceClient(.signing, paths: paths) { client in
            let signing = Signing.Client(wrapping: client)
            for unit in units {
                _ = try await signing.createKey(CreateKeyRequest(egsID: unit, csr: Fixtures.fields(unit), selfSigned: true))
            }
            // 8 callers stamp until the service dies under them.
            await withTaskGroup(of: Void.self) { group in
                for caller in 0..<8 {
                    group.addTask {
                        for number in 0..<10_000 {
                            do {
                                let response = try await signing.stamp(StampRequest(egsID: units[(caller + number) % 4], document: try Fixtures.invoice(number: caller * 100_000 + number)))
                                answered.list.withLock { $0.append(response) }
                            } catch {
                                return
                            }
                        }
                    }
                }
                group.addTask {
                    while answered.list.withLock({ $0.count }) < 300 { try? await Task.sleep(for: .milliseconds(5)) }
                    kill(victim.processIdentifier, SIGKILL)
                }
            }
        }
        server.waitUntilExit()
        #expect(server.terminationReason == .uncaughtSignal)
        let beforeKill = answered.list.withLock { $0 }
        #expect(beforeKill.count >= 300)

        // Restart on the same data directory; the stale socket is replaced.
        server = try Self.start(runtime: runtime, data: data, log: log)
        defer { kill(server.processIdentifier, SIGTERM); server.waitUntilExit() }
        for _ in 0..<1_000 {
            if (try? await withServiceClient(.signing, paths: paths, { try await Signing.Client(wrapping: $0).listUnits() })) != nil { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        try await withServiceClient(.signing, paths: paths) { client in
            let signing = Signing.Client(wrapping: client)
            for unit in units {
                let disk = try chainOnDisk(data: data, unit: unit)
                expectIntactChain(disk, unit: unit)
                // Every stamp a caller received is on disk, with the same hash.
                let received = beforeKill.filter { $0.egsID == unit }
                let onDisk = Dictionary(uniqueKeysWithValues: disk.map { ($0.icv, $0.hash) })
                for response in received {
                    #expect(onDisk[response.icv] == response.invoiceHash, "\(unit) ICV \(response.icv) was answered but is not on disk")
                }
                // A document answered before the kill, sent again to the restarted service (whose
                // UUID filter was loaded from disk), gets its first stamp back.
                let first = try #require(received.first)
                let firstText = String(decoding: first.document, as: UTF8.self)
                let idRange = try #require(firstText.range(of: #"<cbc:ID>INV-\d+</cbc:ID>"#, options: .regularExpression))
                let number = try #require(Int(firstText[idRange].dropFirst(12).prefix { $0.isNumber }))
                let again = try await signing.stamp(StampRequest(egsID: unit, document: try Fixtures.invoice(number: number, uuid: try #require(UUID(uuidString: first.uuid)))))
                #expect(again.repeated, "\(unit): the retried document was stamped a second time")
                #expect(again.icv == first.icv)
                #expect(again.invoiceHash == first.invoiceHash)
                #expect(again.document == first.document)
                #expect(again.qrCode == first.qrCode)
                // The chain continues from what is on disk.
                let next = try await signing.stamp(StampRequest(egsID: unit, document: try Fixtures.invoice(number: 999_999)))
                #expect(next.icv == Int64(disk.count + 1))
                #expect(next.previousInvoiceHash == (disk.last?.hash ?? InvoiceHash.genesisPIH))
            }
        }
        // After the restart, each unit went on compressing against its own first dictionary.
        let dictionaries = try await DatabaseQueue(path: "\(data)/signing/signing.sqlite").read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM dictionary") ?? 0
        }
        #expect(dictionaries == units.count)
    }

    @Test("SIGTERM during stamping: every call is answered or refused, every answered stamp is on disk, and the service exits 0")
    func gracefulStop() async throws {
        let scratch = try Scratch("einvoice-stop")
        defer { scratch.remove() }
        let (runtime, data, log, paths, socket) = (scratch.runtime, scratch.data, scratch.log, scratch.paths, scratch.socket)
        let server = try await Self.startServing(runtime: runtime, data: data, log: log, socket: socket)
        let answered = Answers()
        try await withServiceClient(.signing, paths: paths) { client in
            let signing = Signing.Client(wrapping: client)
            _ = try await signing.createKey(CreateKeyRequest(egsID: "stop", csr: Fixtures.fields("stop"), selfSigned: true))
            await withTaskGroup(of: Void.self) { group in
                for caller in 0..<8 {
                    group.addTask {
                        for number in 0..<10_000 {
                            var options = CallOptions.defaults
                            options.timeout = .seconds(10)
                            guard let response = try? await signing.stamp(
                                StampRequest(egsID: "stop", document: try Fixtures.invoice(number: caller * 100_000 + number)), options: options
                            ) else { return }
                            answered.list.withLock { $0.append(response) }
                        }
                    }
                }
                group.addTask {
                    let giveUp = ContinuousClock.now + .seconds(60)
                    while answered.list.withLock({ $0.count }) < 200 && ContinuousClock.now < giveUp { try? await Task.sleep(for: .milliseconds(5)) }
                    kill(server.processIdentifier, SIGTERM)
                }
            }
        }
        // It must stop by itself, promptly: a committer that never finishes would hang here.
        let stopBy = ContinuousClock.now + .seconds(20)
        while server.isRunning && ContinuousClock.now < stopBy { try await Task.sleep(for: .milliseconds(20)) }
        if server.isRunning {
            kill(server.processIdentifier, SIGKILL)
            Issue.record("the service did not stop within 20 s of SIGTERM")
        }
        server.waitUntilExit()
        #expect(server.terminationReason == .exit && server.terminationStatus == 0, "the service exited with \(server.terminationStatus)")
        #expect(answered.list.withLock { $0.count } >= 200)
        let disk = try chainOnDisk(data: data, unit: "stop")
        expectIntactChain(disk, unit: "stop")
        let onDisk = Dictionary(uniqueKeysWithValues: disk.map { ($0.icv, $0.hash) })
        for response in answered.list.withLock({ $0 }) {
            #expect(onDisk[response.icv] == response.invoiceHash, "ICV \(response.icv) was answered but is not on disk")
        }
    }
}

/// A crash test's directories under /tmp: runtime, data and the service's log.
private struct Scratch {
    let root: String
    var runtime: String { "\(root)/run" }
    var data: String { "\(root)/data" }
    var log: String { "\(root)/signing.log" }
    var paths: RuntimePaths { RuntimePaths(runtimeDirectory: runtime, dataDirectory: data) }
    var socket: String { paths.socketPath(for: .signing) }

    init(_ prefix: String) throws {
        root = "/tmp/\(prefix)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
