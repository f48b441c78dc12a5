import Foundation
import TestSupport
import Testing

/// `einvoice keys import|list|csr`, `einvoice sign` and `einvoice qr` against the real
/// signing-service executable, every command given `--runtime-dir`.
@Suite("Signing commands", .serialized)
struct SigningCLITests {
    /// A decimal rendering of openssl's hex serial (`serial=6F00…`): too long for any integer type.
    static func decimal(hex: String) -> String {
        var digits: [UInt8] = [0]  // little-endian base 10
        for character in hex {
            guard let nibble = character.hexDigitValue else { continue }
            var carry = nibble
            for index in digits.indices {
                let value = Int(digits[index]) * 16 + carry
                digits[index] = UInt8(value % 10)
                carry = value / 10
            }
            while carry > 0 {
                digits.append(UInt8(carry % 10))
                carry /= 10
            }
        }
        return String(digits.reversed().map { Character(String($0)) })
    }

    @Test("keys import takes the SDK key and certificate; keys list shows the unit with the certificate's subject and serial as openssl reads them")
    func importAndList() async throws {
        try await SigningDeployment.with { deployment in
            try await deployment.importSDKUnit("sdk-1")

            // What openssl says the certificate is (the SDK file is bare base64 DER).
            let der = try #require(Data(base64Encoded: try String(contentsOfFile: SigningDeployment.sdkCertificatePath, encoding: .utf8).filter { !$0.isWhitespace }))
            try der.write(to: URL(fileURLWithPath: deployment.path("sdk.der")))
            let described = try run("openssl", ["x509", "-inform", "DER", "-in", deployment.path("sdk.der"), "-noout", "-serial", "-subject", "-nameopt", "RFC2253"])
            #expect(described.status == 0, "\(described.output)")
            let lines = described.output.split(separator: "\n")
            let serialHex = try #require(lines.first { $0.hasPrefix("serial=") }).dropFirst("serial=".count)
            let subject = try #require(lines.first { $0.hasPrefix("subject=") }).dropFirst("subject=".count)
            let commonName = try #require(subject.split(separator: ",").first { $0.hasPrefix("CN=") }).dropFirst(3)
            let serial = Self.decimal(hex: String(serialHex))
            #expect(serial == "2475382876776561391517206651645660279462721580", "the converter itself")

            let json = try await deployment.cli(["keys", "list", "--json"])
            #expect(json.status == 0, "\(json.output)")
            let units = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]], "\(json.output)")
            let unit = try #require(units.first { $0["egsID"] as? String == "sdk-1" }, "\(json.output)")
            let certificate = try #require(unit["certificate"] as? [String: Any])
            #expect(certificate["serialNumber"] as? String == serial)
            #expect((certificate["subject"] as? String)?.contains("CN=\(commonName)") == true, "\(certificate)")
            #expect(certificate["kind"] as? String == "production")
            #expect(unit["lastICV"] as? Int == 0)

            let table = try await deployment.cli(["keys", "list"])
            #expect(table.status == 0)
            let row = try #require(table.output.split(separator: "\n").first { $0.hasPrefix("sdk-1") }, "\(table.output)")
            #expect(row.contains(commonName), "\(row)")
            #expect(row.contains(serial.prefix(20)), "\(row)")
            #expect(row.contains("production"))
        }
    }

    @Test("keys import refuses a key that is not the certificate's, says so, exits non-zero and creates no unit")
    func importMismatch() async throws {
        try await SigningDeployment.with { deployment in
            let other = deployment.path("other-key.pem")
            let generated = try run("openssl", ["ecparam", "-name", "secp256k1", "-genkey", "-noout", "-out", other])
            #expect(generated.status == 0, "\(generated.output)")
            let refused = try await deployment.cli(["keys", "import", "--egs", "wrong", "--key", other, "--cert", SigningDeployment.sdkCertificatePath])
            #expect(refused.status != 0)
            #expect(refused.output.contains("The certificate does not belong to the unit's key"), "\(refused.output)")
            #expect(refused.output.contains("public key is not the imported key's"), "\(refused.output)")
            // Nothing of the key in the message.
            let keyText = try String(contentsOfFile: other, encoding: .utf8)
            let body = keyText.split(separator: "\n").filter { !$0.hasPrefix("-----") }
            #expect(body.allSatisfy { !refused.output.contains($0) })

            let listed = try await deployment.cli(["keys", "list", "--json"])
            let units = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]], "\(listed.output)")
            #expect(units.isEmpty, "\(listed.output)")

            // The SDK's own key with that certificate is accepted: the refusal was about the pair.
            #expect(try await deployment.cli(["keys", "import", "--egs", "right", "--key", SigningDeployment.sdkKeyPath, "--cert", SigningDeployment.sdkCertificatePath]).status == 0)
        }
    }

    @Test("keys csr prints the unit's CSR: openssl req -verify accepts it, with ZATCA's subject and extensions")
    func csr() async throws {
        try await SigningDeployment.with { deployment in
            let created = try await deployment.cli(["keys", "create", "--egs", "csr-1", "--vat", "399999999900003", "--name", "Tech Supply LTD", "--unit", "Jeddah Branch"])
            #expect(created.status == 0, "\(created.output)")
            let printed = try await deployment.cli(["keys", "csr", "--egs", "csr-1"])
            #expect(printed.status == 0, "\(printed.output)")
            #expect(printed.output.contains("-----BEGIN CERTIFICATE REQUEST-----"))
            // What create printed and what csr prints are the same request.
            #expect(created.output.contains(printed.output.trimmingCharacters(in: .whitespacesAndNewlines)))
            let file = deployment.path("csr-1.pem")
            try printed.output.write(toFile: file, atomically: true, encoding: .utf8)
            let verified = try run("openssl", ["req", "-in", file, "-noout", "-verify"])
            #expect(verified.status == 0 && verified.output.contains("verify OK"), "\(verified.output)")
            let text = try run("openssl", ["req", "-in", file, "-noout", "-text", "-nameopt", "RFC2253"]).output
            #expect(text.contains("CN=csr-1-399999999900003"), "\(text)")
            #expect(text.contains("OU=Jeddah Branch"))
            #expect(text.contains("O=Tech Supply LTD"))
            #expect(text.contains("C=SA"))
            #expect(text.contains("Subject Alternative Name"))
            #expect(text.contains("399999999900003"))

            let unknown = try await deployment.cli(["keys", "csr", "--egs", "nobody"])
            #expect(unknown.status != 0)
            #expect(unknown.output.contains("No EGS unit 'nobody'"), "\(unknown.output)")
        }
    }

    @Test("sign writes a stamped document that einvoice verify and the independent Python verifier accept, with the chain's ICV and PIH")
    func sign() async throws {
        try await SigningDeployment.with { deployment in
            try await deployment.importSDKUnit("sdk-1")
            let genesis = try String(contentsOf: Samples.root.appendingPathComponent("certs/pih.txt"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            let input = Samples.root.appendingPathComponent("samples/Standard/Invoice/Standard_Invoice.xml").path
            var previous = genesis
            for (icv, name) in [(1, "first.xml"), (2, "second.xml")] {
                // The same sample twice would be a repeat (same UUID): the second is another invoice.
                var source = input
                if icv == 2 {
                    let text = try String(contentsOfFile: input, encoding: .utf8)
                    let uuid = try #require(Samples.element("cbc:UUID", in: text))
                    source = deployment.path("second-in.xml")
                    try text.replacingOccurrences(of: uuid, with: UUID().uuidString.lowercased()).write(toFile: source, atomically: true, encoding: .utf8)
                }
                let output = deployment.path(name)
                let signed = try await deployment.cli(["sign", "--egs", "sdk-1", source, "-o", output])
                #expect(signed.status == 0, "\(signed.output)")
                #expect(signed.output.contains("as ICV \(icv) of sdk-1"), "\(signed.output)")
                let stamped = try String(contentsOfFile: output, encoding: .utf8)
                #expect(stamped.contains("<cbc:ID>ICV</cbc:ID>"))
                #expect(stamped.contains("<cbc:UUID>\(icv)</cbc:UUID>"), "the ICV reference carries \(icv)")

                let verified = try await deployment.cli(["verify", output, "--expected-pih", previous])
                #expect(verified.status == 0, "\(verified.output)")
                #expect(verified.output.hasPrefix("PASS  \(output)"), "\(verified.output)")

                let independent = try run("python3", [SigningDeployment.verifier, output, "--expected-pih", previous])
                #expect(independent.status == 0, "\(independent.output)")
                let report = try #require(try JSONSerialization.jsonObject(with: Data(independent.output.utf8)) as? [String: Any], "\(independent.output)")
                #expect(report["passed"] as? Bool == true)
                #expect((report["checks"] as? [String: Any])?["previous-invoice-hash"] != nil)
                previous = try #require(report["invoice_hash"] as? String)
                #expect(signed.output.contains("invoice hash: \(previous)"), "the hash the CLI printed is the one recomputed independently")
            }

            let missing = try await deployment.cli(["sign", "--egs", "sdk-1", deployment.path("no-such.xml"), "-o", deployment.path("x.xml")])
            #expect(missing.status != 0)
            #expect(!FileManager.default.fileExists(atPath: deployment.path("x.xml")))
        }
    }

    @Test("qr --png scans with zbarimg to the document's own QR TLV; qr --svg is a well-formed SVG that scans too")
    func qr() async throws {
        try await SigningDeployment.with { deployment in
            try await deployment.importSDKUnit("sdk-1")
            let stampedPath = deployment.path("stamped.xml")
            let input = Samples.root.appendingPathComponent("samples/Simplified/Invoice/Simplified_Invoice.xml").path
            #expect(try await deployment.cli(["sign", "--egs", "sdk-1", input, "-o", stampedPath]).status == 0)
            let expected = try #require(documentQR(try String(contentsOfFile: stampedPath, encoding: .utf8)))

            let png = deployment.path("qr.png")
            let rendered = try await deployment.cli(["qr", stampedPath, "--png", png])
            #expect(rendered.status == 0, "\(rendered.output)")
            let pngBytes = try Data(contentsOf: URL(fileURLWithPath: png))
            #expect(pngBytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            #expect(try await zbarRead(png) == expected)

            let svg = deployment.path("qr.svg")
            let vector = try await deployment.cli(["qr", stampedPath, "--svg", svg])
            #expect(vector.status == 0, "\(vector.output)")
            let linted = try run("xmllint", ["--noout", svg])
            #expect(linted.status == 0, "not well-formed: \(linted.output)")
            let svgText = try String(contentsOfFile: svg, encoding: .utf8)
            #expect(svgText.contains("<svg") && svgText.contains("http://www.w3.org/2000/svg"))
            if toolAvailable("rsvg-convert") {
                let raster = deployment.path("qr-from-svg.png")
                #expect(try run("rsvg-convert", ["-w", "400", "-b", "white", "-o", raster, svg]).status == 0)
                #expect(try await zbarRead(raster) == expected)
            }

            // Exactly one of --png and --svg.
            let both = try await deployment.cli(["qr", stampedPath, "--png", png, "--svg", svg])
            #expect(both.status != 0)
            #expect(both.output.contains("exactly one of --png OUT or --svg OUT"), "\(both.output)")
        }
    }
}
