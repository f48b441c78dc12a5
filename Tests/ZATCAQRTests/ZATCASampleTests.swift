import Testing
import ZATCAQR

@Suite("Official ZATCA sample QR (SDK Simplified_Invoice.xml)")
struct ZATCASampleTests {
    @Test("The sample decodes to the expected seller, VAT number, timestamp and totals")
    func textFields() throws {
        #expect(Samples.zatcaQR.count == 628)
        let payload = try QRCodeTLV(base64: Samples.zatcaQR)
        #expect(payload.fields.map(\.tag) == [1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(payload.text(1) == Samples.sellerName)
        #expect(payload.bytes(1)?.count == 111)
        #expect(payload.text(2) == "399999999900003")
        #expect(payload.text(3) == "2022-09-07T12:21:28")
        #expect(payload.text(4) == "4.60")
        #expect(payload.text(5) == "0.60")
        #expect(payload.text(6) == "Cy9Wpru0GaiU4b604uzalTq4v7d/PGszxk2SGBf/pYs=")
        #expect(payload.text(7)?.hasPrefix("MEUCIQ") == true)
    }

    @Test("Tag 8 is the 88-byte secp256k1 public key and tag 9 a DER ECDSA signature")
    func keyAndCertificateSignature() throws {
        let payload = try QRCodeTLV(base64: Samples.zatcaQR)
        let key = try #require(payload.bytes(8))
        #expect(key.count == 88)
        #expect(Array(key.prefix(13)) == [0x30, 0x56, 0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01])
        let certificateSignature = try #require(payload.bytes(9))
        #expect(certificateSignature.first == 0x30)
        #expect((70...72).contains(certificateSignature.count))
    }

    @Test("Re-encoding the decoded fields reproduces the sample exactly")
    func reencode() throws {
        let payload = try QRCodeTLV(base64: Samples.zatcaQR)
        #expect(try QRCodeTLV(fields: payload.fields).base64() == Samples.zatcaQR)
    }
}
