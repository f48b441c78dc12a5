import Foundation
import TestSupport
import Testing

/// Where a unit's private key is, and is not, once the real signing service holds it.
@Suite("Key custody", .serialized)
struct KeyCustodyTests {
    /// Every file under `directory`, with its bytes.
    static func files(under directory: String) -> [(path: String, bytes: Data)] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var found: [(String, Data)] = []
        while let relative = enumerator?.nextObject() as? String {
            let path = "\(directory)/\(relative)"
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let bytes = FileManager.default.contents(atPath: path)
            else { continue }
            found.append((path, bytes))
        }
        return found
    }

    /// The forms a leaked key could take: the raw 32-byte scalar (as openssl reads it from the
    /// SDK's file, not as our code does), its hex, the file's base64 DER, and the PEM body lines.
    static func keyForms(files: String) throws -> [(name: String, bytes: Data)] {
        let base64 = try String(contentsOfFile: SigningDeployment.sdkKeyPath, encoding: .utf8).filter { !$0.isWhitespace }
        let der = try #require(Data(base64Encoded: base64))
        try der.write(to: URL(fileURLWithPath: "\(files)/key.der"))
        let text = try run("openssl", ["ec", "-inform", "DER", "-in", "\(files)/key.der", "-noout", "-text"], includeStandardError: false).output
        let privateBlock = try #require(text.components(separatedBy: "priv:").dropFirst().first?.components(separatedBy: "pub:").first, "\(text)")
        let hex = privateBlock.filter { $0.isHexDigit }
        var scalar = [UInt8]()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            scalar.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        // openssl drops a leading zero byte; this key has none.
        #expect(scalar.count == 32, "\(hex)")
        #expect(der.range(of: Data(scalar)) != nil, "the scalar as openssl printed it is in the key file")
        let pem = try run("openssl", ["ec", "-inform", "DER", "-in", "\(files)/key.der", "-outform", "PEM"], includeStandardError: false).output
        let pemLines = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") && $0.count >= 24 }.map { (name: "PEM line \($0.prefix(8))…", bytes: Data($0.utf8)) }
        #expect(!pemLines.isEmpty, "\(pem)")
        return [
            ("raw scalar", Data(scalar)), ("scalar hex", Data(hex.lowercased().utf8)), ("scalar HEX", Data(hex.uppercased().utf8)),
            ("scalar base64", Data(Data(scalar).base64EncodedString().utf8)), ("key file base64", Data(base64.utf8)), ("key DER", der),
        ] + pemLines
    }

    @Test("The key-encryption key is a 0600 file from the first start; the database, its WAL and the log hold no form of an imported private key")
    func noPlaintextKey() async throws {
        try await SigningDeployment.with(arguments: ["--log-level", "trace"]) { deployment in
            let directory = "\(deployment.data)/signing"
            // Created on first start, before any unit exists.
            try await waitForFile("\(directory)/kek")
            #expect(fileMode("\(directory)/kek") == 0o600, "kek mode \(String(fileMode("\(directory)/kek") ?? 0, radix: 8))")
            #expect(FileManager.default.contents(atPath: "\(directory)/kek")?.count == 32)
            #expect(fileMode(directory) == 0o700)

            let imported = try await deployment.cli(["keys", "import", "--egs", "custody", "--key", SigningDeployment.sdkKeyPath, "--cert", SigningDeployment.sdkCertificatePath, "--json"])
            #expect(imported.status == 0, "\(imported.output)")
            // A unit whose key was made inside, and stamps by both, so the WAL has pages.
            #expect(try await deployment.cli(["keys", "create", "--egs", "inside", "--vat", "399999999900003", "--name", "Inside", "--self-signed"]).status == 0)
            let sample = Samples.root.appendingPathComponent("samples/Simplified/Invoice/Simplified_Invoice.xml").path
            for unit in ["custody", "inside"] {
                let stamped = try await deployment.cli(["sign", "--egs", unit, sample, "-o", deployment.path("\(unit).xml")])
                #expect(stamped.status == 0, "\(stamped.output)")
            }
            let csr = try await deployment.cli(["keys", "csr", "--egs", "inside"])
            let listed = try await deployment.cli(["keys", "list", "--json"])

            let forms = try Self.keyForms(files: deployment.files)
            let certificate = try #require(Data(base64Encoded: try String(contentsOfFile: SigningDeployment.sdkCertificatePath, encoding: .utf8).filter { !$0.isWhitespace }))
            func expectNoKey(_ stage: String) {
                let stored = Self.files(under: deployment.data)
                #expect(stored.contains { $0.path.hasSuffix("signing.sqlite") })
                // The search reads what the store wrote: the imported certificate's DER is there.
                #expect(stored.contains { $0.bytes.range(of: certificate) != nil }, "\(stage): the certificate is not found in \(stored.map(\.path)), so the search proves nothing")
                let texts = stored + [
                    (path: "service log", bytes: Data(deployment.service.log.utf8)),
                    (path: "CLI output", bytes: Data((imported.output + csr.output + listed.output).utf8)),
                ]
                for (path, bytes) in texts {
                    for form in forms {
                        #expect(bytes.range(of: form.bytes) == nil, "\(stage): \(path) contains the private key (\(form.name))")
                    }
                }
            }
            #expect(FileManager.default.fileExists(atPath: "\(directory)/signing.sqlite-wal"))
            expectNoKey("running")

            // Stopped: the WAL checkpointed into the database file.
            deployment.service.signal(SIGTERM)
            #expect(await deployment.service.waitForExit() == 0)
            expectNoKey("stopped")
            #expect(deployment.service.log.contains("Imported a key"), "the log was written, at trace level: \(deployment.service.log.suffix(500))")
        }
    }
}
