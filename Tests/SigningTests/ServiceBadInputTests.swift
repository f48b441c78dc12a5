import BinaryCoding
import Foundation
import GRPCCore
import ServiceRuntime
import SigningContract
import TestSupport
import Testing
import UnixSocketTransport
import ZATCAStamp

#if canImport(Glibc)
import Glibc
#endif

/// Bad input sent to the real `signing-service` executable, each refusal followed by a stamp that
/// shows it goes on serving; and the Verify RPC's PIH check.
@Suite("Signing service refuses bad input and keeps serving", .serialized, .timeLimit(.minutes(5)))
struct ServiceBadInputTests {
    /// The executable on a fresh data directory, with a unit `ok` that can stamp and a unit
    /// `nocert` without a certificate.
    private func withRealService(_ body: (Signing.Client<UnixSocketClientTransport>, _ server: Process, _ socket: String) async throws -> Void) async throws {
        let root = "/tmp/einvoice-bad-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let paths = RuntimePaths(runtimeDirectory: "\(root)/run", dataDirectory: "\(root)/data")
        let socket = paths.socketPath(for: .signing)
        let server = try await CrashTests.startServing(runtime: paths.runtimeDirectory, data: paths.dataDirectory, log: "\(root)/signing.log", socket: socket)
        defer {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        try await withServiceClient(.signing, paths: paths) { client in
            let signing = Signing.Client(wrapping: client)
            _ = try await signing.createKey(CreateKeyRequest(egsID: "ok", csr: Fixtures.fields("ok"), selfSigned: true))
            _ = try await signing.createKey(CreateKeyRequest(egsID: "nocert", csr: Fixtures.fields("nocert")))
            try await body(signing, server, socket)
        }
    }

    /// The refusal of `request`, or nil when it was stamped.
    private func refusal(_ signing: Signing.Client<UnixSocketClientTransport>, _ request: StampRequest) async -> RPCError? {
        do {
            _ = try await signing.stamp(request)
            return nil
        } catch {
            return error as? RPCError ?? RPCError(code: .unknown, message: "\(error)")
        }
    }

    /// Sends `bytes` on a thread of its own (the writes block while the service reads), never
    /// raising SIGPIPE; returns how many bytes went out before the service closed the connection.
    private func send(_ bytes: [UInt8], on socket: RawSocket) async -> Int {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                // A service that stops reading without closing must fail the test, not hang it.
                var timeout = timeval(tv_sec: 30, tv_usec: 0)
                setsockopt(socket.fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                var offset = 0
                while offset < bytes.count {
                    let n = bytes[offset...].withUnsafeBytes { Glibc.send(socket.fd, $0.baseAddress, min($0.count, 1 << 20), Int32(MSG_NOSIGNAL)) }
                    if n <= 0 { break }
                    offset += n
                }
                continuation.resume(returning: offset)
            }
        }
    }

    @Test("A document missing a mandatory part is refused with the part named; the next stamp takes the next ICV")
    func missingParts() async throws {
        try await withRealService { signing, _, _ in
            var icv: Int64 = 0
            let cases: [(pattern: String, named: String)] = [
                (#"<cbc:IssueDate>[^<]*</cbc:IssueDate>"#, "cbc:IssueDate"),
                (#"<cbc:IssueTime>[^<]*</cbc:IssueTime>"#, "cbc:IssueTime"),
                (#"<cac:AccountingSupplierParty>[\s\S]*</cac:AccountingSupplierParty>"#, "cac:AccountingSupplierParty"),
                (#"<cac:LegalMonetaryTotal>[\s\S]*</cac:LegalMonetaryTotal>"#, "cac:LegalMonetaryTotal/cbc:PayableAmount"),
                (#"<cbc:InvoiceTypeCode[^>]*>[^<]*</cbc:InvoiceTypeCode>"#, "cbc:InvoiceTypeCode"),
            ]
            for (number, (pattern, named)) in cases.enumerated() {
                let text = String(decoding: try Fixtures.invoice(number: number), as: UTF8.self)
                let stripped = text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
                #expect(stripped.count < text.count, "\(pattern) removed nothing")
                let error = await refusal(signing, StampRequest(egsID: "ok", document: Data(stripped.utf8)))
                #expect(error?.code == .invalidArgument, "\(named): \(String(describing: error))")
                #expect(error?.message.contains("The document lacks") == true && error?.message.contains(named) == true, "\(named): \(String(describing: error?.message))")

                let stamped = try await signing.stamp(StampRequest(egsID: "ok", document: try Fixtures.invoice(number: 100 + number)))
                icv += 1
                #expect(stamped.icv == icv, "the refusal moved the chain")
            }
        }
    }

    @Test("An unknown unit and a unit without a certificate are refused with messages that name the unit and say what to do")
    func unitErrors() async throws {
        try await withRealService { signing, _, _ in
            let document = try Fixtures.invoice(number: 1)
            let unknown = await refusal(signing, StampRequest(egsID: "ghost-7", document: document))
            #expect(unknown?.code == .notFound)
            #expect(unknown?.message == "No EGS unit 'ghost-7' in the signing service. Create its key first (einvoice keys create --egs ghost-7 …).", "\(String(describing: unknown))")

            let noCertificate = await refusal(signing, StampRequest(egsID: "nocert", document: document))
            #expect(noCertificate?.code == .failedPrecondition)
            let message = noCertificate?.message ?? ""
            #expect(message.contains("'nocert'") && message.contains("has no certificate"), "\(message)")
            #expect(message.contains("einvoice egs onboard") || message.contains("--self-signed"), "says how to get one: \(message)")

            let stamped = try await signing.stamp(StampRequest(egsID: "ok", document: document))
            #expect(stamped.icv == 1)
            #expect(try await signing.getUnit("nocert").lastICV == 0)
        }
    }

    @Test("A 50 MB document in one raw frame is refused by the frame limit and the connection closed; a 12 MB one by the service's document limit; the service lives on")
    func oversizedFrames() async throws {
        try await withRealService { signing, server, socketPath in
            let valid = String(decoding: try Fixtures.invoice(number: 1), as: UTF8.self)
            func padded(to size: Int) -> Data {
                Data(valid.replacingOccurrences(of: "<cbc:ProfileID>", with: String(repeating: " ", count: size - valid.utf8.count) + "<cbc:ProfileID>").utf8)
            }
            let open = RawFrame(streamID: 1, kind: 0x01, flags: 0, payload: RawFrame.openPayload(path: "einvoice.signing.v1.Signing/Stamp")).encoded()

            // 50 MB: more than the 16 MiB a frame may carry.
            let huge = try BinaryEncoder().encode(StampRequest(egsID: "ok", document: padded(to: 50_000_000)))
            let raw = try RawSocket(path: socketPath)
            async let answer = raw.readAll(timeout: 30)
            let sent = await send(prefaceBytes + open + RawFrame(streamID: 1, kind: 0x02, flags: 0, payload: huge).encoded(), on: raw)
            let (bytes, closed) = await answer
            #expect(closed, "the connection stayed open")
            #expect(sent < huge.count, "the service read all \(sent) bytes instead of refusing the length")
            let frames = Array(sequence(state: bytes) { RawFrame.parse(&$0) })
            let goAway = try #require(frames.first { $0.kind == 0x07 }, "no GOAWAY: \(frames.map(\.kind))")
            #expect(String(decoding: goAway.payload.dropFirst(4), as: UTF8.self).contains("exceeds the maximum frame size"))
            #expect(server.isRunning)
            #expect(try await signing.stamp(StampRequest(egsID: "ok", document: try Fixtures.invoice(number: 2))).icv == 1)

            // 12 MB: within a frame, over the service's 10 MB document limit.
            let large = try BinaryEncoder().encode(StampRequest(egsID: "ok", document: padded(to: 12_000_000)))
            let second = try RawSocket(path: socketPath)
            async let reply = second.readFrames(until: 0x05, streamID: 1, timeout: 60)
            _ = await send(prefaceBytes + open + RawFrame(streamID: 1, kind: 0x02, flags: 0, payload: large).encoded() + RawFrame(streamID: 1, kind: 0x03, flags: 0, payload: []).encoded(), on: second)
            let status = try #require(await reply.last?.status, "no STATUS for the 12 MB document")
            #expect(status.code == UInt8(RPCError.Code.invalidArgument.rawValue), "\(status)")
            #expect(status.message.contains("12000000 bytes") && status.message.contains("at most 10485760"), "\(status.message)")
            #expect(server.isRunning)
            #expect(try await signing.stamp(StampRequest(egsID: "ok", document: try Fixtures.invoice(number: 3))).icv == 2)
        }
    }

    @Test("Verify with a wrong expected PIH fails the PIH check, and only it, saying the chain is broken")
    func wrongPIH() async throws {
        try await withRealService { signing, _, _ in
            let first = try await signing.stamp(StampRequest(egsID: "ok", document: try Fixtures.invoice(number: 1)))
            let second = try await signing.stamp(StampRequest(egsID: "ok", document: try Fixtures.invoice(number: 2)))
            let right = try await signing.verify(VerifyRequest(document: second.document, expectedPreviousInvoiceHash: first.invoiceHash))
            #expect(right.passed)
            #expect(right.checks.first { $0.id == "previous-invoice-hash" }?.passed == true)

            // Its own hash, the genesis, and a hash that is not even base64 of 32 bytes.
            for wrong in [second.invoiceHash, InvoiceHash.genesisPIH, "not-a-hash"] {
                let report = try await signing.verify(VerifyRequest(document: second.document, expectedPreviousInvoiceHash: wrong))
                #expect(!report.passed)
                let failed = report.checks.filter { !$0.passed }
                #expect(failed.map(\.id) == ["previous-invoice-hash"], "\(failed.map(\.id))")
                let check = try #require(failed.first)
                #expect(check.detail.contains("chain is broken"), "\(check.detail)")
                #expect(check.expected == wrong)
                #expect(check.found == first.invoiceHash)
            }
            // Without an expected PIH there is no PIH check.
            let unchecked = try await signing.verify(VerifyRequest(document: second.document))
            #expect(unchecked.passed && !unchecked.checks.contains { $0.id == "previous-invoice-hash" })
        }
    }
}
