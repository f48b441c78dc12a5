import Foundation
import Testing
import ZATCACrypto

@Suite("CSR builder")
struct CSRBuilderTests {
    static let arabicOrganization = "شركة توريد التكنولوجيا"

    static func request(environment: ZATCAEnvironment = .sandbox) -> CSRRequest {
        CSRRequest(
            commonName: "TST-886431145-399999999900003",
            organizationName: arabicOrganization,
            organizationUnit: "Riyadh Branch",
            serialNumber: "1-TST|2-TST|3-ed22f1d8-e6a2-1118-9b58-d9a8f11e445f",
            vatNumber: "399999999900003",
            invoiceTypes: "1100",
            registeredAddress: "RRRD2929",
            businessCategory: "Supply activities",
            environment: environment)
    }

    @Test("The CSR's self-signature verifies with openssl req -verify")
    func selfSignatureVerifies() throws {
        let pem = try CSRBuilder.make(Self.request(), key: SigningKey.generate())
        #expect(pem.hasPrefix("-----BEGIN CERTIFICATE REQUEST-----"))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(pem, to: "csr.pem")
        let result = try OpenSSLTool.run(["req", "-in", path, "-noout", "-verify"])
        #expect(result.status == 0)
        #expect(result.output.contains("verify OK"))
    }

    @Test("openssl req -text shows the subject, template name, SAN directoryName and ecdsa-with-SHA256")
    func fieldsVisibleToOpenSSL() throws {
        let key = try SigningKey.generate()
        let pem = try CSRBuilder.make(Self.request(), key: key)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(pem, to: "csr.pem")
        let result = try OpenSSLTool.run(["req", "-in", path, "-noout", "-text", "-nameopt", "utf8,sep_comma_plus_space,sname"])
        #expect(result.status == 0)
        let text = result.output
        #expect(text.contains("C=SA, OU=Riyadh Branch, O=\(Self.arabicOrganization), CN=TST-886431145-399999999900003"))
        #expect(text.contains("1.3.6.1.4.1.311.20.2"))
        #expect(text.contains("TSTZATCA-Code-Signing"))
        #expect(text.contains("DirName:"))
        for field in ["SN", "UID", "title", "registeredAddress", "businessCategory"] {
            #expect(text.contains("\(field)="), "missing \(field)")
        }
        #expect(text.contains("1-TST|2-TST|3-ed22f1d8-e6a2-1118-9b58-d9a8f11e445f"))
        #expect(text.contains("ecdsa-with-SHA256"))
        #expect(text.contains("secp256k1"))
    }

    @Test("ASN.1 types: Arabic O as UTF8String, C and template name as PrintableString, SAN values UTF8String")
    func asn1Types() throws {
        let pem = try CSRBuilder.make(Self.request(environment: .simulation), key: SigningKey.generate())
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(pem, to: "csr.pem")
        let result = try OpenSSLTool.run(["asn1parse", "-in", path])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.contains { $0.contains("UTF8STRING") && $0.hasSuffix(":\(Self.arabicOrganization)") })
        #expect(lines.contains { $0.contains("PRINTABLESTRING") && $0.hasSuffix(":SA") })
        // The template extension value: PrintableString (0x13), length 21, "PREZATCA-Code-Signing".
        let template = "13" + "15" + Hex.encode(Array("PREZATCA-Code-Signing".utf8)).uppercased()
        #expect(result.output.contains(template))
        // SAN directoryName: the SAN extension OCTET STRING carries UTF8String (0x0C) values.
        #expect(result.output.contains("0C0F" + Hex.encode(Array("399999999900003".utf8)).uppercased()))
        #expect(result.output.contains("0C04" + Hex.encode(Array("1100".utf8)).uppercased()))
    }

    @Test("Each environment gets its own certificate template name", arguments: ZATCAEnvironment.allCases)
    func templateNames(environment: ZATCAEnvironment) throws {
        let pem = try CSRBuilder.make(Self.request(environment: environment), key: SigningKey.generate())
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(pem, to: "csr.pem")
        let text = try OpenSSLTool.run(["req", "-in", path, "-noout", "-text"]).output
        let expected = ["sandbox": "TSTZATCA-Code-Signing", "simulation": "PREZATCA-Code-Signing",
                        "production": "ZATCA-Code-Signing"][environment.rawValue]
        #expect(environment.certificateTemplateName == expected)
        #expect(text.contains(environment.certificateTemplateName))
    }

    @Test("Invalid fields are refused with an error naming the field", arguments: [
        ("commonName", String(repeating: "A", count: 65)),
        ("vatNumber", "300000000000000"),
        ("vatNumber", "39999999990003"),
        ("serialNumber", "abc"),
        ("serialNumber", "1-a|2-b|3-"),
        ("invoiceTypes", "2100"),
        ("invoiceTypes", "110"),
        ("invoiceTypes", "0011"),
        ("organizationName", "  "),
        ("registeredAddress", "a\nb"),
        ("country", "Saudi"),
    ])
    func validationRules(field: String, value: String) throws {
        var request = Self.request()
        Self.set(field, to: value, in: &request)
        let key = try SigningKey.generate()
        let error = #expect(throws: CryptoError.self) { try CSRBuilder.make(request, key: key) }
        guard case .invalidCSRField(let reportedField, let reason)? = error else {
            Issue.record("expected invalidCSRField, got \(String(describing: error))")
            return
        }
        #expect(reportedField == field)
        #expect(!reason.isEmpty)
        #expect(error?.description.contains(field) == true)
    }

    static func set(_ field: String, to value: String, in request: inout CSRRequest) {
        switch field {
        case "commonName": request.commonName = value
        case "organizationName": request.organizationName = value
        case "organizationUnit": request.organizationUnit = value
        case "country": request.country = value
        case "serialNumber": request.serialNumber = value
        case "vatNumber": request.vatNumber = value
        case "invoiceTypes": request.invoiceTypes = value
        case "registeredAddress": request.registeredAddress = value
        case "businessCategory": request.businessCategory = value
        default: Issue.record("unknown field \(field)")
        }
    }

    @Test("Valid variants pass validation: 64 characters, 1000, 0100, Arabic everywhere")
    func validVariants() throws {
        var request = Self.request()
        request.commonName = String(repeating: "C", count: 64)
        request.invoiceTypes = "1000"
        try request.validate()
        request.invoiceTypes = "0100"
        request.registeredAddress = "الرياض"
        request.businessCategory = "توريد"
        try request.validate()
        let pem = try CSRBuilder.make(request, key: SigningKey.generate())
        #expect(pem.contains("CERTIFICATE REQUEST"))
    }
}
