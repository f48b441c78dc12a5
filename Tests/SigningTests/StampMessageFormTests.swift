import BinaryCoding
import Foundation
import SigningContract
import Testing

@Suite("Stamp messages' hand-written binary forms")
struct StampMessageFormTests {
    static func encoders() -> (fast: BinaryEncoder, generic: BinaryEncoder, genericDecoder: BinaryDecoder) {
        var generic = BinaryEncoder()
        generic.usesHandWrittenForms = false
        var genericDecoder = BinaryDecoder()
        genericDecoder.usesHandWrittenForms = false
        return (BinaryEncoder(), generic, genericDecoder)
    }

    static func response(_ index: Int, size: Int, repeated: Bool) -> StampResponse {
        StampResponse(
            egsID: "unit-\(index)", document: Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &+ index) }),
            invoiceHash: "hash\(index)=", icv: Int64(index) * 1_000_003, previousInvoiceHash: "NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==",
            qrCode: "AQ\(index)", signatureValue: "MEUCIQ", signingTime: "2026-11-29T23:59:59", uuid: "6f2a0c1e-\(index)", repeated: repeated
        )
    }

    @Test("Requests, answers and bulk messages encode to the Codable conformance's bytes and read back through both decoders")
    func sameBytes() throws {
        let (fast, generic, genericDecoder) = Self.encoders()
        let requests = [
            StampRequest(egsID: "load-1", document: Data("<Invoice>فاتورة 🧾</Invoice>".utf8)),
            StampRequest(egsID: "", document: Data(count: 70_000), signingTime: Date(timeIntervalSince1970: 1_796_000_000.25)),
        ]
        for request in requests {
            let bytes = try fast.encode(request)
            #expect(bytes == (try generic.encode(request)))
            for decoded in [try BinaryDecoder().decode(StampRequest.self, from: bytes), try genericDecoder.decode(StampRequest.self, from: bytes)] {
                #expect(decoded.egsID == request.egsID && decoded.document == request.document && decoded.signingTime == request.signingTime)
            }
        }
        let batch = BulkStampBatch(items: requests.enumerated().map { BulkStampRequest(sequence: Int64($0.offset) - 1, request: $0.element) })
        let batchBytes = try fast.encode(batch)
        #expect(batchBytes == (try generic.encode(batch)))
        #expect(try BinaryDecoder().decode(BulkStampBatch.self, from: batchBytes).items.map(\.request.document) == requests.map(\.document))

        // An error first, so its keys enter the key table before the stamp's.
        let results = BulkStampResults(items: [
            BulkStampResponse(sequence: 9, errorCode: 3, errorMessage: "The document is not XML: لا"),
            BulkStampResponse(sequence: 10, stamp: Self.response(1, size: 13_000, repeated: false)),
            BulkStampResponse(sequence: 11, stamp: Self.response(2, size: 100, repeated: true)),
            BulkStampResponse(sequence: 12),
        ])
        let resultBytes = try fast.encode(results)
        #expect(resultBytes == (try generic.encode(results)))
        for decoded in [try BinaryDecoder().decode(BulkStampResults.self, from: resultBytes), try genericDecoder.decode(BulkStampResults.self, from: resultBytes)] {
            #expect(decoded.items.map(\.sequence) == [9, 10, 11, 12])
            #expect(decoded.items.map(\.errorCode) == [3, nil, nil, nil])
            #expect(decoded.items[0].errorMessage == "The document is not XML: لا")
            #expect(decoded.items.map { $0.stamp?.document.count } == [nil, 13_000, 100, nil])
            #expect(decoded.items[2].stamp?.repeated == true && decoded.items[2].stamp?.icv == 2_000_006)
        }
        let single = Self.response(3, size: 5, repeated: false)
        #expect(try fast.encode(single) == (try generic.encode(single)))
    }

    /// A request whose `signingTime` comes twice, first as nil.
    private struct DoubledSigningTime: Encodable {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode("load-1", forKey: Key(stringValue: "egsID"))
            try container.encode(Data("<Invoice/>".utf8), forKey: Key(stringValue: "document"))
            try container.encodeNil(forKey: Key(stringValue: "signingTime"))
            try container.encode(Date(timeIntervalSince1970: 1_796_000_000), forKey: Key(stringValue: "signingTime"))
        }
    }

    @Test("A field that comes twice (a nil, then a value) reads as the Codable decoder reads it")
    func repeatedField() throws {
        let (_, _, genericDecoder) = Self.encoders()
        let bytes = try BinaryEncoder().encode(DoubledSigningTime())
        let fast = try BinaryDecoder().decode(StampRequest.self, from: bytes)
        let generic = try genericDecoder.decode(StampRequest.self, from: bytes)
        #expect(fast.signingTime == generic.signingTime)
        #expect(fast.egsID == "load-1")
    }
}
