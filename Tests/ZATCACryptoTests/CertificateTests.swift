import Foundation
import Testing
import ZATCACrypto

@Suite("Certificates: self-signed and CA-issued")
struct CertificateTests {
    static func caRequest() -> CSRRequest {
        var request = CSRBuilderTests.request()
        request.commonName = "Local ZATCA Simulator CA"
        request.organizationName = "einvoice test CA"
        return request
    }

    @Test("A self-signed certificate matches its key, signs itself and has the CSR's names")
    func selfSigned() throws {
        let key = try SigningKey.generate()
        let request = CSRBuilderTests.request()
        let certificate = try SelfSignedCertificate.make(key: key, subject: request, validity: 30)
        #expect(certificate.matches(key))
        #expect(certificate.isSigned(by: certificate))
        #expect(certificate.issuerName == certificate.subject)
        #expect(certificate.subject
            == "CN=TST-886431145-399999999900003, O=\(CSRBuilderTests.arabicOrganization), OU=Riyadh Branch, C=SA")
        #expect(certificate.subjectAlternativeDirectoryName == [
            "SN": request.serialNumber, "UID": request.vatNumber, "title": request.invoiceTypes,
            "registeredAddress": request.registeredAddress, "businessCategory": request.businessCategory,
        ])
        let lifetime = certificate.notAfter.timeIntervalSince(certificate.notBefore)
        #expect(lifetime == 30 * 86_400)
        #expect(abs(certificate.notBefore.timeIntervalSinceNow) < 300)
        #expect(certificate.zatcaDigest.count == 88)
        #expect(!certificate.isSigned(by: try SelfSignedCertificate.make(key: SigningKey.generate(), subject: request, validity: 1)))
    }

    @Test("openssl parses the self-signed certificate and verifies it against itself")
    func selfSignedAcceptedByOpenSSL() throws {
        let key = try SigningKey.generate()
        let certificate = try SelfSignedCertificate.make(key: key, subject: CSRBuilderTests.request(), validity: 365)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(certificate.pem, to: "cert.pem")
        let text = try OpenSSLTool.run(["x509", "-in", path, "-noout", "-text", "-serial"])
        #expect(text.status == 0)
        #expect(text.output.contains("Version: 3 (0x2)"))
        #expect(text.output.contains("ecdsa-with-SHA256"))
        #expect(text.output.contains("TSTZATCA-Code-Signing"))
        // serial=<hex>: 16 bytes, positive (top bit clear) → 32 hex digits starting 4-7.
        let serialLine = try #require(text.output.split(separator: "\n").first { $0.hasPrefix("serial=") })
        let hex = serialLine.dropFirst("serial=".count)
        #expect(hex.count == 32)
        #expect(SDKVectorTests.decimal(fromHex: String(hex)) == certificate.serialNumberDecimal)
        let verify = try OpenSSLTool.run(["verify", "-CAfile", path, path])
        #expect(verify.status == 0, "\(verify.output)")
        #expect(verify.output.contains("OK"))
    }

    @Test("A CA issues a leaf from a CSR: openssl verify accepts the chain and the CSR's SAN is copied")
    func caIssuesLeaf() throws {
        let caKey = try SigningKey.generate()
        let ca = try SelfSignedCertificate.make(key: caKey, subject: Self.caRequest(), validity: 3650, isCertificateAuthority: true)
        let leafKey = try SigningKey.generate()
        let request = CSRBuilderTests.request(environment: .simulation)
        let csr = try CSRBuilder.make(request, key: leafKey)
        let serial: [UInt8] = [0x6F, 0x00, 0x00, 0x78, 0x2C, 0xBD, 0x68, 0xA7, 0x0B, 0x03]
        let leaf = try CertificateAuthority.issue(
            csrPEM: csr, caKey: caKey, caCertificate: ca, serial: serial, validity: 365, copyExtensionsFromCSR: true)

        #expect(leaf.matches(leafKey))
        #expect(leaf.isSigned(by: ca))
        #expect(!leaf.isSigned(by: leaf))
        #expect(leaf.issuerName == ca.subject)
        #expect(leaf.subject
            == "CN=TST-886431145-399999999900003, O=\(CSRBuilderTests.arabicOrganization), OU=Riyadh Branch, C=SA")
        #expect(leaf.serialNumberDecimal == SDKVectorTests.decimal(fromHex: "6F0000782CBD68A70B03"))
        #expect(leaf.subjectAlternativeDirectoryName["UID"] == "399999999900003")
        #expect(leaf.subjectAlternativeDirectoryName["SN"] == request.serialNumber)

        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let caPath = try directory.write(ca.pem, to: "ca.pem")
        let leafPath = try directory.write(leaf.pem, to: "leaf.pem")
        let verify = try OpenSSLTool.run(["verify", "-CAfile", caPath, leafPath])
        #expect(verify.status == 0, "\(verify.output)")
        #expect(verify.output.contains("leaf.pem: OK"))
        let text = try OpenSSLTool.run(["x509", "-in", leafPath, "-noout", "-text"]).output
        #expect(text.contains("PREZATCA-Code-Signing"))
        #expect(text.contains("DirName:"))
    }

    @Test("Without copyExtensionsFromCSR the leaf has no SAN directoryName; a random serial is used")
    func caWithoutCopiedExtensions() throws {
        let caKey = try SigningKey.generate()
        let ca = try SelfSignedCertificate.make(key: caKey, subject: Self.caRequest(), validity: 10, isCertificateAuthority: true)
        let csr = try CSRBuilder.make(CSRBuilderTests.request(), key: SigningKey.generate())
        let first = try CertificateAuthority.issue(
            csrPEM: csr, caKey: caKey, caCertificate: ca, serial: nil, validity: 10, copyExtensionsFromCSR: false)
        let second = try CertificateAuthority.issue(
            csrPEM: csr, caKey: caKey, caCertificate: ca, serial: nil, validity: 10, copyExtensionsFromCSR: false)
        #expect(first.subjectAlternativeDirectoryName.isEmpty)
        #expect(first.serialNumberDecimal != second.serialNumberDecimal)
        #expect(first.isSigned(by: ca))
    }

    @Test("The CA refuses a tampered CSR, a CA key that does not match, and a bad validity")
    func caRefusals() throws {
        let caKey = try SigningKey.generate()
        let ca = try SelfSignedCertificate.make(key: caKey, subject: Self.caRequest(), validity: 10, isCertificateAuthority: true)
        let csr = try CSRBuilder.make(CSRBuilderTests.request(), key: SigningKey.generate())

        // Change one character of the subject's CN inside the DER; the signature no longer matches.
        let body = csr.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        var der = try Data.base64(body)
        let marker = Array("TST-886431145".utf8)
        let offset = try #require(der.indices.first { der[$0...].starts(with: marker) })
        der[offset] = UInt8(ascii: "X")
        let tampered = Data(der).base64EncodedString()
        let error = #expect(throws: CryptoError.self) {
            try CertificateAuthority.issue(csrPEM: tampered, caKey: caKey, caCertificate: ca, serial: nil,
                                           validity: 10, copyExtensionsFromCSR: true)
        }
        guard case .invalidCSR? = error else {
            Issue.record("expected invalidCSR, got \(String(describing: error))")
            return
        }
        #expect(throws: CryptoError.self) {
            try CertificateAuthority.issue(csrPEM: csr, caKey: SigningKey.generate(), caCertificate: ca, serial: nil,
                                           validity: 10, copyExtensionsFromCSR: true)
        }
        #expect(throws: CryptoError.self) {
            try CertificateAuthority.issue(csrPEM: csr, caKey: caKey, caCertificate: ca, serial: nil,
                                           validity: 0, copyExtensionsFromCSR: true)
        }
    }

    @Test("Names: multi-valued RDNs joined by \" + \", commas escaped, Arabic kept as UTF-8")
    func nameFormatting() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try OpenSSLTool.run([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:secp256k1", "-nodes",
            "-keyout", directory.path("key.pem"), "-out", directory.path("cert.pem"), "-days", "1", "-utf8",
            "-multivalue-rdn", "-subj", "/DC=local/DC=gov/O=Acme\\, Inc./CN=Test+UID=12345/OU=شركة",
        ])
        #expect(result.status == 0, "\(result.output)")
        let certificate = try X509Certificate(pem: directory.read("cert.pem"))
        #expect(certificate.subject == "OU=شركة, UID=12345 + CN=Test, O=Acme\\, Inc., DC=gov, DC=local")
        #expect(certificate.issuerName == certificate.subject)
        #expect(certificate.matches(try SigningKey(pem: directory.read("key.pem"))))
    }

    @Test("Certificates parse from PEM, bare base64 and binarySecurityToken alike; junk is refused")
    func parsingForms() throws {
        let certificate = try X509Certificate(pem: SDKVectors.text("certs/cert.pem"))
        #expect(try X509Certificate(pem: certificate.pem) == certificate)
        #expect(certificate.pem.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        #expect(certificate.pem.split(separator: "\n").allSatisfy { $0.count <= 64 })
        #expect(try X509Certificate(der: certificate.der).base64 == certificate.base64)
        let token = Data(certificate.base64.utf8).base64EncodedString()
        #expect(try X509Certificate(binarySecurityToken: token) == certificate)
        #expect(throws: CryptoError.self) { try X509Certificate(der: Array(certificate.der.dropLast())) }
        #expect(throws: CryptoError.self) { try X509Certificate(der: certificate.der + [0]) }
        #expect(throws: CryptoError.self) { try X509Certificate(pem: "-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----") }
    }
}
