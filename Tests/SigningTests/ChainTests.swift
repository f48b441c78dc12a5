import BinaryCoding
import Foundation
import GRDB
import GRPCCore
import ServiceRuntime
import SigningContract
import Synchronization
import TestSupport
import Testing
import UnixSocketTransport
import ZATCAStamp

@testable import Signing

/// Reads a unit's chain straight from the signing database.
func chainOnDisk(data: String, unit: String) throws -> [(icv: Int64, hash: String, previous: String)] {
    let queue = try DatabaseQueue(path: "\(data)/signing/signing.sqlite")
    return try queue.read { db in
        try Row.fetchAll(db, sql: "SELECT icv, invoice_hash, previous_hash FROM stamp WHERE egs_id = ? ORDER BY icv", arguments: [unit])
            .map { ($0["icv"], $0["invoice_hash"], $0["previous_hash"]) }
    }
}

/// Checks ICV 1…n without a gap and each PIH equal to the previous hash.
func expectIntactChain(_ chain: [(icv: Int64, hash: String, previous: String)], unit: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for (index, link) in chain.enumerated() {
        #expect(link.icv == Int64(index + 1), "\(unit): ICV \(link.icv) at position \(index + 1)", sourceLocation: sourceLocation)
        let expectedPrevious = index == 0 ? InvoiceHash.genesisPIH : chain[index - 1].hash
        #expect(link.previous == expectedPrevious, "\(unit): PIH of ICV \(link.icv)", sourceLocation: sourceLocation)
    }
}

@Suite("The invoice chain")
struct ChainTests {
    @Test("1,000 stamps across 4 units under concurrency: per unit ICV 1…n, no gap, each PIH the previous hash")
    func concurrentChains() async throws {
        try await TestSigningService.withService { signing, service in
            let units = ["u1", "u2", "u3", "u4"]
            for unit in units {
                _ = try await signing.createKey(CreateKeyRequest(egsID: unit, csr: Fixtures.fields(unit), selfSigned: true))
            }
            let responses = try await withThrowingTaskGroup(of: StampResponse.self) { group in
                for number in 0..<1_000 {
                    group.addTask {
                        try await signing.stamp(StampRequest(egsID: units[number % 4], document: try Fixtures.invoice(number: number)))
                    }
                }
                var all: [StampResponse] = []
                for try await response in group { all.append(response) }
                return all
            }
            #expect(responses.count == 1_000)
            for unit in units {
                let answered = responses.filter { $0.egsID == unit }.sorted { $0.icv < $1.icv }
                #expect(answered.map(\.icv) == Array(1...250).map(Int64.init))
                for (index, response) in answered.enumerated() where index > 0 {
                    #expect(response.previousInvoiceHash == answered[index - 1].invoiceHash)
                }
                let disk = try chainOnDisk(data: service.data, unit: unit)
                expectIntactChain(disk, unit: unit)
                #expect(disk.map(\.hash) == answered.map(\.invoiceHash))
            }
            // A sample of the stamped documents verify, PIH included.
            for response in responses.prefix(20) {
                let report = try await signing.verify(VerifyRequest(document: response.document, expectedPreviousInvoiceHash: response.previousInvoiceHash))
                #expect(report.passed)
            }
        }
    }

    @Test("The bulk stream stamps in order per unit, several documents per message, and reports each document's own error")
    func stream() async throws {
        try await TestSigningService.withService { signing, service in
            _ = try await signing.createKey(CreateKeyRequest(egsID: "bulk", csr: Fixtures.fields("bulk"), selfSigned: true))
            let (answers, messages) = try await signing.stampStream { writer in
                // Messages of 1, 7, 50, 1, 7, 50 … documents; document 150 is not XML.
                var number = 0
                var message = 0
                while number < 300 {
                    let size = [1, 7, 50][message % 3]
                    message += 1
                    var items: [BulkStampRequest] = []
                    for _ in 0..<size where number < 300 {
                        number += 1
                        let document = number == 150 ? Data("broken".utf8) : try Fixtures.invoice(number: number)
                        items.append(BulkStampRequest(sequence: Int64(number), request: StampRequest(egsID: "bulk", document: document)))
                    }
                    try await writer.write(BulkStampBatch(items: items))
                }
            } responses: { responses in
                var all: [BulkStampResponse] = []
                var messages = 0
                for try await results in responses {
                    all += results.items
                    messages += 1
                }
                return (all, messages)
            }
            #expect(answers.count == 300)
            #expect(Set(answers.map(\.sequence)) == Set(1...300))
            #expect(messages <= answers.count)
            let failed = answers.filter { $0.stamp == nil }
            #expect(failed.map(\.sequence) == [150])
            #expect(failed.first?.errorCode == RPCError.Code.invalidArgument.rawValue)
            #expect(try chainOnDisk(data: service.data, unit: "bulk").count == 299)

            // A message over the limit ends its stream with a clear error; the service goes on.
            let tooMany = (1...BulkStampBatch.maxItems + 1).map {
                BulkStampRequest(sequence: Int64($0), request: StampRequest(egsID: "bulk", document: Data("<x/>".utf8)))
            }
            let refusal = await #expect(throws: RPCError.self) {
                try await signing.stampStream { writer in
                    try await writer.write(BulkStampBatch(items: tooMany))
                } responses: { responses in
                    for try await _ in responses {}
                }
            }
            #expect(refusal?.code == .invalidArgument)
            #expect(refusal?.message.contains("at most 256 documents") == true, "\(String(describing: refusal))")
            _ = try await signing.stamp(StampRequest(egsID: "bulk", document: try Fixtures.invoice(number: 301)))
            let disk = try chainOnDisk(data: service.data, unit: "bulk")
            #expect(disk.count == 300)
            expectIntactChain(disk, unit: "bulk")
        }
    }

    @Test(
        "A document sent many times at once is stamped once: the copies wait for its commit and get that stamp; another document with its UUID is refused",
        .timeLimit(.minutes(3))
    )
    func duplicatesInFlight() async throws {
        try await TestSigningService.withService { signing, service in
            _ = try await signing.createKey(CreateKeyRequest(egsID: "dup", csr: Fixtures.fields("dup"), selfSigned: true))
            let uuids = (0..<4).map { _ in UUID() }
            let documents = try (0..<4).map { try Fixtures.invoice(number: $0, uuid: uuids[$0]) }
            // One message: each of 4 documents 6 times, interleaved, and a different document
            // reusing the first one's UUID.
            var items: [BulkStampRequest] = []
            for copy in 0..<6 {
                for (index, document) in documents.enumerated() {
                    items.append(BulkStampRequest(sequence: Int64(copy * 4 + index), request: StampRequest(egsID: "dup", document: document)))
                }
            }
            items.append(BulkStampRequest(sequence: 99, request: StampRequest(egsID: "dup", document: try Fixtures.invoice(number: 99, uuid: uuids[0]))))
            let batch = BulkStampBatch(items: items)
            // The database's write lock held from outside, on a thread of its own (it blocks),
            // until the copies wait: the first copy of each document is computed and queued, its
            // commit waits for the lock, and every other copy (and the impostor) finds it in
            // flight and waits for it.
            let blocker = try DatabaseQueue(path: "\(service.data)/signing/signing.sqlite")
            let waitedBefore = UnitChain.copiesWaited.load(ordering: .relaxed)
            await withCheckedContinuation { (locked: CheckedContinuation<Void, Never>) in
                Thread.detachNewThread {
                    var signalled = false
                    do {
                        try blocker.inTransaction(.immediate) { _ in
                            locked.resume()
                            signalled = true
                            // Under a loaded test run the pool may take long to reach them all.
                            let deadline = Date().addingTimeInterval(30)
                            while UnitChain.copiesWaited.load(ordering: .relaxed) - waitedBefore < 21, Date() < deadline { usleep(1_000) }
                            return .commit
                        }
                    } catch {
                        if !signalled { locked.resume() }
                    }
                }
            }
            let answers = try await signing.stampStream { writer in
                try await writer.write(batch)
            } responses: { responses in
                var all: [BulkStampResponse] = []
                for try await results in responses { all += results.items }
                return all
            }
            // All 21 wait unless the run is so loaded that the lock is let go first; at least one must.
            #expect(UnitChain.copiesWaited.load(ordering: .relaxed) - waitedBefore >= 1, "no copy waited for the first one's commit")
            #expect(answers.count == 25)
            // The impostor and document 0 share a UUID. The documents of one message are stamped
            // in parallel, so either may come first: that one is stamped, once, and every copy of
            // the other is refused.
            let impostor = try #require(answers.first { $0.sequence == 99 })
            let firstOfZero = answers.filter { $0.sequence != 99 && $0.sequence % 4 == 0 }
            let impostorWon = impostor.stamp != nil
            let losers = impostorWon ? firstOfZero : [impostor]
            #expect(losers.allSatisfy { $0.stamp == nil && $0.errorMessage?.contains("already stamped a different document") == true }, "\(losers)")
            for index in (impostorWon ? 1 : 0)..<4 {
                let copies = answers.filter { $0.sequence != 99 && $0.sequence % 4 == Int64(index) }.compactMap(\.stamp)
                #expect(copies.count == 6, "document \(index): \(answers.filter { $0.sequence % 4 == Int64(index) }.map { $0.errorMessage ?? "stamped" })")
                #expect(Set(copies.map(\.icv)).count == 1 && Set(copies.map(\.invoiceHash)).count == 1, "document \(index) was stamped more than once")
                #expect(copies.filter { !$0.repeated }.count == 1)
                #expect(Set(copies.map(\.document)).count == 1)
            }
            // Unary calls at once, the same way.
            let again = try Fixtures.invoice(number: 50)
            let unary = try await withThrowingTaskGroup(of: StampResponse.self) { group in
                for _ in 0..<8 { group.addTask { try await signing.stamp(StampRequest(egsID: "dup", document: again)) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(unary.map(\.icv)).count == 1 && unary.filter { !$0.repeated }.count == 1)
            let disk = try chainOnDisk(data: service.data, unit: "dup")
            #expect(disk.count == 5)
            expectIntactChain(disk, unit: "dup")
        }
    }

    @Test(
        "A stream that fails still answers every document already in flight, before its error",
        .timeLimit(.minutes(3))
    )
    func failingStreamAnswersInFlight() async throws {
        try await TestSigningService.withService { signing, service in
            _ = try await signing.createKey(CreateKeyRequest(egsID: "drain", csr: Fixtures.fields("drain"), selfSigned: true))
            let first = BulkStampBatch(items: try (1...8).map {
                BulkStampRequest(sequence: Int64($0), request: StampRequest(egsID: "drain", document: try Fixtures.invoice(number: $0)))
            })
            let tooMany = BulkStampBatch(items: (1...BulkStampBatch.maxItems + 1).map {
                BulkStampRequest(sequence: Int64(100 + $0), request: StampRequest(egsID: "drain", document: Data("<x/>".utf8)))
            })
            // Commits wait a moment for a write lock held from outside, so the 8 are still in
            // flight when the second message fails the stream.
            let blocker = try DatabaseQueue(path: "\(service.data)/signing/signing.sqlite")
            Thread.detachNewThread {
                try? blocker.inTransaction(.immediate) { _ in
                    Thread.sleep(forTimeInterval: 0.3)
                    return .commit
                }
            }
            let received = Mutex<[BulkStampResponse]>([])
            let refusal = await #expect(throws: RPCError.self) {
                try await signing.stampStream { writer in
                    try await writer.write(first)
                    try await writer.write(tooMany)
                } responses: { responses in
                    for try await results in responses { received.withLock { $0 += results.items } }
                }
            }
            #expect(refusal?.code == .invalidArgument)
            let answers = received.withLock { $0 }
            #expect(Set(answers.map(\.sequence)) == Set(1...8), "\(answers.map(\.sequence))")
            // Each stamped, or refused as cancelled before its turn; never anything else.
            for answer in answers where answer.stamp == nil {
                #expect(answer.errorCode == RPCError.Code.cancelled.rawValue, "\(String(describing: answer.errorMessage))")
            }
            let disk = try chainOnDisk(data: service.data, unit: "drain")
            #expect(disk.count == answers.filter { $0.stamp != nil }.count)
            expectIntactChain(disk, unit: "drain")
        }
    }

    @Test(
        "A peer that sends a stream quickly and never reads it holds at most the stream's limit of answers in the service; once it reads, every answer comes",
        .timeLimit(.minutes(3))
    )
    func unreadStreamIsBounded() async throws {
        try await TestSigningService.withService { signing, service in
            _ = try await signing.createKey(CreateKeyRequest(egsID: "unread", csr: Fixtures.fields("unread"), selfSigned: true))
            // 400 documents, 10 a message, written by hand on a raw socket (so nothing reads the
            // answers until the test does).
            let total = 400
            var bytes = prefaceBytes
            bytes += RawFrame(streamID: 1, kind: 0x01, flags: 0, payload: RawFrame.openPayload(path: "einvoice.signing.v1.Signing/StampStream")).encoded()
            for first in stride(from: 1, through: total, by: 10) {
                let batch = BulkStampBatch(items: try (first..<(first + 10)).map {
                    BulkStampRequest(sequence: Int64($0), request: StampRequest(egsID: "unread", document: try Fixtures.invoice(number: $0)))
                })
                bytes += RawFrame(streamID: 1, kind: 0x02, flags: 0, payload: try BinaryEncoder().encode(batch)).encoded()
            }
            bytes += RawFrame(streamID: 1, kind: 0x03, flags: 0, payload: []).encoded()
            let request = bytes
            let socket = try RawSocket(path: "\(service.runtime)/signing.sock")
            // Its writes block once the service stops reading: on a thread of their own.
            let written = Task {
                await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                    Thread.detachNewThread {
                        socket.write(request)
                        done.resume()
                    }
                }
            }
            // Stamping stops once the answers not read fill the stream's 64 places (plus what
            // the socket's buffers hold): wait until the chain has reached them and not moved
            // for a second (a minute at most, for a loaded machine).
            var stalled: Int64 = -1
            var still = 0
            let deadline = ContinuousClock.now + .seconds(60)
            while still < 5 || stalled < 64, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
                let icv = try await signing.getUnit("unread").lastICV
                still = icv == stalled ? still + 1 : 0
                stalled = icv
            }
            #expect(stalled >= 64, "the stream stalled before its limit: \(stalled)")
            #expect(stalled <= 200, "\(stalled) of \(total) documents stamped with no answer read")
            // Reading now lets the rest through, every answer once, and the call ends OK.
            let frames = await socket.readFrames(until: 0x05, streamID: 1, timeout: 120)
            await written.value
            var answers: [BulkStampResponse] = []
            for frame in frames where frame.kind == 0x02 {
                #expect(frame.flags == 0, "answers are sent uncompressed")
                answers += try BinaryDecoder().decode(BulkStampResults.self, from: frame.payload).items
            }
            #expect(frames.last?.status?.code == 0, "\(String(describing: frames.last?.status))")
            #expect(answers.count == total)
            #expect(Set(answers.map(\.sequence)) == Set(1...Int64(total)))
            #expect(answers.allSatisfy { $0.stamp != nil })
            let disk = try chainOnDisk(data: service.data, unit: "unread")
            #expect(disk.count == total)
            expectIntactChain(disk, unit: "unread")
        }
    }
}
