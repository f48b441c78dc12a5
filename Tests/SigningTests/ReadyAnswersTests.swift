import Foundation
import SigningContract
import Testing
import UnixSocketTransport

@testable import Signing

@Suite("Bulk stream answers")
struct ReadyAnswersTests {
    @Test("Ready answers leave in order, none lost, in messages under the transport's compression threshold")
    func messagesStaySmall() {
        let ready = ReadyAnswers()
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
}
