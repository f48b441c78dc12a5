import Testing
import ZATCAQR

@Suite("QR payload TLV encoding")
struct QRCodeTLVTests {
    static let publicKey: [UInt8] = [0x30, 0x56, 0x30, 0x10] + Array(repeating: 0xAB, count: 84)

    static func sampleInvoice(sellerName: String = Samples.sellerName, certificate: [UInt8]? = [0x30, 0x45, 0x02])
        throws(QRCodeError) -> QRCodeTLV
    {
        try QRCodeTLV.invoice(
            sellerName: sellerName, vatNumber: "399999999900003", timestamp: "2022-09-07T12:21:28",
            totalWithVAT: "4.60", vatTotal: "0.60", invoiceHash: "Cy9Wpru0GaiU4b604uzalTq4v7d/PGszxk2SGBf/pYs=",
            signature: "MEUCIQCFlU2t", publicKey: publicKey, certificateSignature: certificate)
    }

    @Test("A payload survives encoding to base64 and decoding back")
    func roundTrip() throws {
        let payload = try Self.sampleInvoice()
        let decoded = try QRCodeTLV(base64: try payload.base64())
        #expect(decoded == payload)
        #expect(decoded.fields.map(\.tag) == [1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(decoded.text(2) == "399999999900003")
        #expect(decoded.bytes(8) == Self.publicKey)
    }

    @Test("The invoice builder stores hash and signature as base64 text and leaves out tag 9 when nil")
    func invoiceBuilder() throws {
        let payload = try Self.sampleInvoice(certificate: nil)
        #expect(payload.fields.map(\.tag) == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(payload.bytes(6) == Array("Cy9Wpru0GaiU4b604uzalTq4v7d/PGszxk2SGBf/pYs=".utf8))
        #expect(payload.text(7) == "MEUCIQCFlU2t")
        #expect(payload.bytes(9) == nil)
    }

    @Test("The length byte counts UTF-8 bytes: the mixed Arabic/Latin seller name gets 111")
    func lengthCountsBytes() throws {
        #expect(Samples.sellerName.count < 111)
        let encoded = try QRCodeTLV(fields: [.init(tag: 1, text: Samples.sellerName)]).encoded()
        #expect(Array(encoded.prefix(2)) == [1, 111])
        #expect(encoded.count == 113)
    }

    @Test("A 300-byte Arabic seller name is rejected, naming tag 1")
    func arabicNameTooLong() throws {
        let name = String(repeating: "ش", count: 150)  // two UTF-8 bytes per letter
        #expect(name.utf8.count == 300)
        let error = #expect(throws: QRCodeError.self) { try Self.sampleInvoice(sellerName: name) }
        #expect(error == .valueTooLong(tag: 1, byteCount: 300))
        #expect(error?.description == "tag 1 (seller name) is 300 bytes; a QR field holds at most 255")
        #expect(throws: QRCodeError.valueTooLong(tag: 1, byteCount: 300)) {
            try QRCodeTLV(fields: [.init(tag: 1, text: name)]).encoded()
        }
    }

    @Test("A 255-byte value is the longest accepted")
    func maximumLength() throws {
        let encoded = try QRCodeTLV(fields: [.init(tag: 4, value: Array(repeating: 0x31, count: 255))]).encoded()
        #expect(encoded[1] == 255)
        #expect(throws: QRCodeError.valueTooLong(tag: 4, byteCount: 256)) {
            try QRCodeTLV(fields: [.init(tag: 4, value: Array(repeating: 0x31, count: 256))]).encoded()
        }
    }

    @Test("The invoice builder rejects empty required values")
    func emptyValue() {
        #expect(throws: QRCodeError.emptyValue(tag: 2)) {
            try QRCodeTLV.invoice(
                sellerName: "Seller", vatNumber: "", timestamp: "2022-09-07T12:21:28", totalWithVAT: "4.60",
                vatTotal: "0.60", invoiceHash: "aGFzaA==", signature: "c2ln", publicKey: [1],
                certificateSignature: nil)
        }
    }

    @Test("Encoding refuses tag 0 and repeated tags")
    func encodingRefusesBadTags() {
        #expect(throws: QRCodeError.invalidTag(0)) {
            try QRCodeTLV(fields: [.init(tag: 0, text: "x")]).encoded()
        }
        #expect(throws: QRCodeError.duplicateTag(2)) {
            try QRCodeTLV(fields: [.init(tag: 2, text: "a"), .init(tag: 2, text: "b")]).encoded()
        }
    }

    @Test("Decoding refuses truncated, empty and invalid input", arguments: [
        [UInt8](),  // nothing
        [1],  // tag without length
        [1, 5, 0x41, 0x42],  // value shorter than declared
        [1, 1, 0x41, 2],  // second field cut after its tag
        [0, 1, 0x41],  // tag 0
        [1, 1, 0x41, 1, 1, 0x42],  // tag 1 twice
    ])
    func decodingRefusesBadBytes(bytes: [UInt8]) {
        let error = #expect(throws: QRCodeError.self) { try QRCodeTLV(bytes: bytes) }
        guard case .malformed(let reason) = error else {
            Issue.record("expected .malformed, got \(String(describing: error))")
            return
        }
        #expect(!reason.isEmpty)
    }

    @Test("Truncation errors say which tag and how many bytes are missing")
    func truncationMessage() {
        #expect(throws: QRCodeError.malformed("truncated: tag 1 at byte 0 declares 5 bytes but only 2 remain")) {
            try QRCodeTLV(bytes: [1, 5, 0x41, 0x42])
        }
    }

    @Test("Decoding refuses garbage and truncated base64", arguments: [
        "", "not base64 at all!", "AW/YtNix2YPYqSDY", "AQ==",
    ])
    func decodingRefusesBadBase64(text: String) {
        #expect(throws: QRCodeError.self) { try QRCodeTLV(base64: text) }
    }

    @Test("Base64 wrapped over several lines still decodes")
    func base64Whitespace() throws {
        let base64 = try Self.sampleInvoice().base64()
        var wrapped = ""
        for (index, character) in base64.enumerated() {
            if index > 0, index % 64 == 0 { wrapped += "\r\n  " }
            wrapped.append(character)
        }
        #expect(try QRCodeTLV(base64: wrapped) == Self.sampleInvoice())
    }

    @Test("text(_:) returns nil for absent tags and for bytes that are not UTF-8")
    func textAccessor() {
        let payload = QRCodeTLV(fields: [.init(tag: 8, value: [0x30, 0xFF, 0xFE])])
        #expect(payload.text(8) == nil)
        #expect(payload.bytes(8) == [0x30, 0xFF, 0xFE])
        #expect(payload.text(1) == nil)
    }

    @Test("Tag names match ZATCA's field meanings")
    func tagNames() {
        #expect((1...9).map { QRCodeTLV.tagName($0) } == [
            "seller name", "VAT registration number", "timestamp", "invoice total with VAT", "VAT total",
            "invoice hash", "ECDSA signature", "ECDSA public key", "certificate signature",
        ])
        #expect(QRCodeTLV.tagName(42) == "unknown tag")
    }
}
