import Foundation
import Testing
import ZATCACrypto

/// Checks against the key, certificate and signed sample invoice shipped in ZATCA's SDK.
@Suite("ZATCA SDK vectors")
struct SDKVectorTests {
    static let samplePath = "samples/Simplified/Invoice/Simplified_Invoice.xml"

    @Test("The SDK's bare-base64 private key loads and matches the SDK certificate")
    func sdkKeyMatchesCertificate() throws {
        let key = try SigningKey(pem: SDKVectors.text("certs/ec-secp256k1-priv-key.pem"))
        let certificate = try X509Certificate(pem: SDKVectors.text("certs/cert.pem"))
        #expect(certificate.matches(key))
        #expect(certificate.publicKeyDER == key.publicKeyDER)
        #expect(certificate.publicKeyDER.count == 88)
        #expect(!certificate.matches(try SigningKey.generate()))
    }

    @Test("The SDK certificate's issuer and subject use ZATCA's reversed, comma-space format")
    func sdkCertificateNames() throws {
        let certificate = try X509Certificate(pem: SDKVectors.text("certs/cert.pem"))
        #expect(certificate.issuerName == "CN=TSZEINVOICE-SubCA-1, DC=extgazt, DC=gov, DC=local")
        #expect(certificate.subject == "CN=TST--970560040-312345678900003, OU=TST, O=3123456789, C=SA")
    }

    @Test("The SDK certificate's decimal serial equals openssl's hex serial")
    func sdkCertificateSerial() throws {
        let certificate = try X509Certificate(pem: SDKVectors.text("certs/cert.pem"))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pem = "-----BEGIN CERTIFICATE-----\n\(certificate.base64)\n-----END CERTIFICATE-----\n"
        let path = try directory.write(pem, to: "cert.pem")
        let result = try OpenSSLTool.run(["x509", "-in", path, "-noout", "-serial"])
        #expect(result.status == 0)
        let hex = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "serial=", with: "")
        #expect(hex == "6F0000782CBD68A70B03DF47AC00010000782C")
        #expect(certificate.serialNumberDecimal == Self.decimal(fromHex: hex))
        #expect(certificate.serialNumberDecimal == "2475382876776561391517206651645660279462721580")
    }

    @Test("zatcaDigest is base64 of hex of SHA-256 over the certificate's base64 text")
    func sdkCertificateDigest() throws {
        let certificate = try X509Certificate(pem: SDKVectors.text("certs/cert.pem"))
        let text = Data(certificate.der).base64EncodedString()
        let hex = SHA256Digest.hash(Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
        let expected = Data(hex.utf8).base64EncodedString()
        #expect(certificate.zatcaDigest == expected)
        #expect(certificate.zatcaDigest.count == 88)
    }

    @Test("Validity dates and SAN directoryName of the SDK certificate")
    func sdkCertificateFields() throws {
        let certificate = try X509Certificate(pem: SDKVectors.text("certs/cert.pem"))
        // Not Before: Apr 19 20:49:09 2022 GMT, Not After: Apr 18 20:49:09 2024 GMT
        #expect(certificate.notBefore == Date(timeIntervalSince1970: 1_650_401_349))
        #expect(certificate.notAfter == Date(timeIntervalSince1970: 1_713_473_349))
        #expect(certificate.subjectAlternativeDirectoryName == [
            "SN": "1-TST|2-TST|3-47f16c26-806b-4e15-b269-7a803884be9c",
            "UID": "312345678900003",
            "title": "1100",
            "registeredAddress": "TST",
            "businessCategory": "TST",
        ])
        #expect((70...72).contains(certificate.signatureDER.count))
        #expect(certificate.signatureDER.first == 0x30)
        #expect(certificate.publicKeyUncompressed == Array(certificate.publicKeyDER.suffix(65)))
    }

    @Test("The signed sample invoice's signature verifies against its embedded certificate")
    func sampleInvoiceSignatureVerifies() throws {
        let certificate = try X509Certificate(pem: SDKVectors.element("ds:X509Certificate", in: Self.samplePath))
        let signature = try Data.base64(SDKVectors.element("ds:SignatureValue", in: Self.samplePath))
        // The file's first ds:DigestValue is the invoice hash (the reference with Id invoiceSignedData).
        let invoiceHash = try Data.base64(SDKVectors.element("ds:DigestValue", in: Self.samplePath))
        #expect(invoiceHash == (try Data.base64("Hss2gNFjBY5OJn/5CEVZSSNUMrSf4QlCMxwsioPN6fA=")))
        let digest = SHA256Digest.hash(invoiceHash)
        #expect(ECDSAVerifier.verify(signatureDER: signature, digest: digest, publicKey: certificate.publicKeyDER))
        #expect(ECDSAVerifier.verify(signatureDER: signature, digest: digest, publicKey: certificate.publicKeyUncompressed))
        var wrongDigest = digest
        wrongDigest[0] ^= 1
        #expect(!ECDSAVerifier.verify(signatureDER: signature, digest: wrongDigest, publicKey: certificate.publicKeyDER))
    }

    @Test("The sample invoice's issuer name, serial and certificate digest are what this module computes")
    func sampleInvoiceSignedProperties() throws {
        let certificate = try X509Certificate(pem: SDKVectors.element("ds:X509Certificate", in: Self.samplePath))
        let xml = try SDKVectors.text(Self.samplePath)
        #expect(try SDKVectors.element("ds:X509IssuerName", in: Self.samplePath) == certificate.issuerName)
        #expect(try SDKVectors.element("ds:X509SerialNumber", in: Self.samplePath) == certificate.serialNumberDecimal)
        #expect(xml.contains("<ds:DigestValue>\(certificate.zatcaDigest)</ds:DigestValue>"))
        #expect(certificate.issuerName == "CN=PRZEINVOICESCA4-CA, DC=extgazt, DC=gov, DC=local")
    }

    @Test("Every signed SDK sample verifies, high-S ones included, and its signed properties match")
    func allSamplesVerify() throws {
        let samples = try SDKVectors.directory().appendingPathComponent("samples")
        let enumerator = try #require(FileManager.default.enumerator(atPath: samples.path))
        let files = enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".xml") }.sorted()
        #expect(files.count >= 20)
        var highS = 0
        for file in files {
            let path = "samples/" + file
            let certificate = try X509Certificate(pem: SDKVectors.element("ds:X509Certificate", in: path))
            let signature = try Data.base64(SDKVectors.element("ds:SignatureValue", in: path))
            let invoiceHash = try Data.base64(SDKVectors.element("ds:DigestValue", in: path))
            let verified = ECDSAVerifier.verify(
                signatureDER: signature, digest: SHA256Digest.hash(invoiceHash), publicKey: certificate.publicKeyDER)
            #expect(verified, "\(file)")
            #expect(try SDKVectors.element("ds:X509IssuerName", in: path) == certificate.issuerName, "\(file)")
            #expect(try SDKVectors.element("ds:X509SerialNumber", in: path) == certificate.serialNumberDecimal, "\(file)")
            #expect(try SDKVectors.text(path).contains(">\(certificate.zatcaDigest)</ds:DigestValue>"), "\(file)")
            if let parts = ECDSASignatureDER.parse(signature), !ECDSASignatureDER.isLow(parts.s) { highS += 1 }
        }
        #expect(highS > 0, "no high-S sample exercised normalization")
    }

    /// Arbitrary-length hex to decimal by repeated multiply-and-add on decimal digits.
    static func decimal(fromHex hex: String) -> String {
        var digits: [Int] = [0]  // little-endian decimal digits
        for character in hex {
            guard let value = character.hexDigitValue else { continue }
            var carry = value
            for index in digits.indices {
                let product = digits[index] * 16 + carry
                digits[index] = product % 10
                carry = product / 10
            }
            while carry > 0 {
                digits.append(carry % 10)
                carry /= 10
            }
        }
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        return digits.reversed().map(String.init).joined()
    }
}
