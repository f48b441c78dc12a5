import Foundation
import Testing
import ZATCACrypto

@Suite("SigningKey")
struct SigningKeyTests {
    @Test("Generated keys are distinct, 32 bytes, and round-trip through rawRepresentation")
    func generateAndRoundTrip() throws {
        let first = try SigningKey.generate()
        let second = try SigningKey.generate()
        #expect(first.rawRepresentation.count == 32)
        #expect(first.rawRepresentation != second.rawRepresentation)
        let restored = try SigningKey(rawRepresentation: first.rawRepresentation)
        #expect(restored.publicKeyUncompressed == first.publicKeyUncompressed)
        #expect(first.publicKeyUncompressed.count == 65 && first.publicKeyUncompressed[0] == 0x04)
    }

    @Test("Zero, the group order and wrong lengths are refused as raw keys")
    func invalidRawKeys() {
        #expect(throws: CryptoError.self) { try SigningKey(rawRepresentation: [UInt8](repeating: 0, count: 32)) }
        #expect(throws: CryptoError.self) { try SigningKey(rawRepresentation: ECDSASignatureDER.order) }
        #expect(throws: CryptoError.self) { try SigningKey(rawRepresentation: [UInt8](repeating: 1, count: 31)) }
    }

    @Test("publicKeyDER is the 88-byte secp256k1 SPKI that openssl derives from the key")
    func publicKeyDERMatchesOpenSSL() throws {
        let key = try SigningKey.generate()
        let prefix: [UInt8] = [0x30, 0x56, 0x30, 0x10, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01,
                               0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x0A, 0x03, 0x42, 0x00, 0x04]
        #expect(key.publicKeyDER.count == 88)
        #expect(key.publicKeyDER.starts(with: prefix))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keyPath = try directory.write(key.pemPKCS8(), to: "key.pem")
        let result = try OpenSSLTool.run(["pkey", "-in", keyPath, "-pubout", "-outform", "DER", "-out", directory.path("pub.der")])
        #expect(result.status == 0, "\(result.output)")
        let derived = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory.path("pub.der"))))
        #expect(derived == key.publicKeyDER)
    }

    @Test("pemPKCS8 output reloads to the same key and is a secp256k1 key to openssl")
    func pkcs8RoundTrip() throws {
        let key = try SigningKey.generate()
        let pem = try key.pemPKCS8()
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        let reloaded = try SigningKey(pem: pem)
        #expect(reloaded.rawRepresentation == key.rawRepresentation)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(pem, to: "key.pem")
        let result = try OpenSSLTool.run(["pkey", "-in", path, "-noout", "-text"])
        #expect(result.status == 0)
        #expect(result.output.contains("secp256k1"))
    }

    @Test("SEC1 and PKCS#8 keys made by openssl load, armoured or bare, to the same scalar")
    func opensslKeysLoad() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sec1Path = directory.path("sec1.pem")
        #expect(try OpenSSLTool.run(["ecparam", "-name", "secp256k1", "-genkey", "-noout", "-out", sec1Path]).status == 0)
        let pkcs8Path = directory.path("pkcs8.pem")
        #expect(try OpenSSLTool.run(["pkcs8", "-topk8", "-nocrypt", "-in", sec1Path, "-out", pkcs8Path]).status == 0)
        let sec1 = try directory.read("sec1.pem")
        let pkcs8 = try directory.read("pkcs8.pem")
        #expect(sec1.contains("BEGIN EC PRIVATE KEY"))
        let fromSEC1 = try SigningKey(pem: sec1)
        let fromPKCS8 = try SigningKey(pem: pkcs8)
        #expect(fromSEC1.rawRepresentation == fromPKCS8.rawRepresentation)
        let bare = pkcs8.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        #expect(try SigningKey(pem: bare).rawRepresentation == fromSEC1.rawRepresentation)
    }

    @Test("A P-256 key is refused with a message naming its curve and secp256k1")
    func otherCurveRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("p256.pem")
        #expect(try OpenSSLTool.run(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", path]).status == 0)
        let error = #expect(throws: CryptoError.self) { try SigningKey(pem: directory.read("p256.pem")) }
        #expect(error == .unsupportedCurve(found: "prime256v1"))
        #expect(error?.description.contains("secp256k1") == true)
    }

    @Test("Garbage, certificates and encrypted keys are refused as private keys")
    func garbageRefused() throws {
        #expect(throws: CryptoError.self) { try SigningKey(pem: "not base64 at all!") }
        #expect(throws: CryptoError.self) { try SigningKey(pem: "") }
        #expect(throws: CryptoError.self) { try SigningKey(pem: SDKVectors.text("certs/cert.pem")) }
        let encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n"
        let error = #expect(throws: CryptoError.self) { try SigningKey(pem: encrypted) }
        #expect(error?.description.contains("encrypted") == true)
    }

    @Test("Printing a key shows its public point, never the private scalar")
    func descriptionHidesSecret() throws {
        let key = try SigningKey.generate()
        let secret = Hex.encode(key.rawRepresentation)
        var dumped = ""
        dump(key, to: &dumped)
        for text in [key.description, key.debugDescription, String(describing: key), String(reflecting: key), dumped] {
            #expect(!text.contains(secret))
            #expect(text.contains(Hex.encode(key.publicKeyUncompressed)))
        }
    }
}
