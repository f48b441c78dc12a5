import Foundation
import SigningContract
import Synchronization
import Testing
import UnixSocketTransport

@testable import Signing

@Suite("Bulk stream answers")
struct ReadyAnswersTests {
    @Test("Ready answers leave in order, none lost, in messages under the transport's compression threshold")
    func messagesStaySmall() {
        let ready = ReadyAnswers(limiter: AsyncLimiter(64))
        func stamp(_ size: Int) -> StampResponse {
            StampResponse(
                egsID: "u", document: Data(repeating: 0x41, count: size), invoiceHash: "", icv: 1, previousInvoiceHash: "", qrCode: "",
                signatureValue: "", signingTime: "", uuid: "", repeated: false
            )
        }
        // 13 KB stamps, an error, a document bigger than a message on its own, more stamps.
        let sizes = [13_000, 13_000, 13_000, 13_000, 13_000, 0, 200_000, 13_000, 13_000]
        for (index, size) in sizes.enumerated() {
            ready.add(
                size == 0
                    ? BulkStampResponse(sequence: Int64(index), errorCode: 3, errorMessage: "not XML")
                    : BulkStampResponse(sequence: Int64(index), stamp: stamp(size))
            )
        }
        let messages = ready.take()
        #expect(messages.flatMap { $0 }.map(\.sequence) == sizes.indices.map(Int64.init))
        #expect(messages.allSatisfy { !$0.isEmpty })
        let threshold = UnixSocketTransportConfiguration.default.compressionThreshold
        for message in messages where message.count > 1 {
            #expect(message.reduce(0) { $0 + ($1.stamp?.document.count ?? 0) } < threshold)
        }
        #expect(messages.contains { $0.count == 1 && $0[0].sequence == 6 }, "the big document goes alone")
        #expect(messages.count < sizes.count, "small answers share messages")
        #expect(ready.take().isEmpty, "taken once")
    }

    @Test("An answer holds its place in the stream's limit until it is written, or dropped once the writer stops", .timeLimit(.minutes(1)))
    func placesComeBackWhenWritten() async {
        let limiter = AsyncLimiter(2)
        let ready = ReadyAnswers(limiter: limiter)
        let granted = Atomic<Int>(0)
        await limiter.acquire()
        await limiter.acquire()
        ready.add(BulkStampResponse(sequence: 1, errorCode: 3, errorMessage: "one"))
        ready.add(BulkStampResponse(sequence: 2, errorCode: 3, errorMessage: "two"))
        // Both places held by answers not yet written: a third document waits.
        let third = Task {
            await limiter.acquire()
            granted.add(1, ordering: .relaxed)
        }
        try? await Task.sleep(for: .milliseconds(100))
        #expect(granted.load(ordering: .relaxed) == 0, "a place came back before its answer was written")
        let taken = ready.take().flatMap { $0 }
        #expect(taken.map(\.sequence) == [1, 2])
        ready.written(1)
        await third.value
        #expect(granted.load(ordering: .relaxed) == 1)
        // The third document's answer waits; answer 2 is taken and not written when the writer
        // stops: both places come back (else these acquires never return), and an answer
        // added later gives its place back at once and is not kept.
        ready.add(BulkStampResponse(sequence: 3, errorCode: 3, errorMessage: "three"))
        ready.stop(CancellationError(), unwritten: 1)
        #expect(ready.stopped is CancellationError)
        await limiter.acquire()
        ready.add(BulkStampResponse(sequence: 4, errorCode: 3, errorMessage: "four"))
        await limiter.acquire()
        await limiter.acquire()
        #expect(ready.take().isEmpty, "answers after the stop are dropped")
    }
}
