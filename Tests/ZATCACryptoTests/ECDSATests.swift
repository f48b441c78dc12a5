import Foundation
import Testing
import ZATCACrypto

@Suite("ECDSA signing and verification")
struct ECDSATests {
    @Test("A signature verifies with ECDSAVerifier and with openssl dgst -sha256 over the raw invoice hash")
    func signatureVerifiesEverywhere() throws {
        let key = try SigningKey.generate()
        let invoiceHash = SHA256Digest.hash(Array("<Invoice/>".utf8))
        let signature = try key.signature(forDigest: SHA256Digest.hash(invoiceHash))
        #expect(ECDSAVerifier.verify(signatureDER: signature, digest: SHA256Digest.hash(invoiceHash), publicKey: key.publicKeyDER))

        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let publicPEM = "-----BEGIN PUBLIC KEY-----\n\(Data(key.publicKeyDER).base64EncodedString(options: .lineLength64Characters))\n-----END PUBLIC KEY-----\n"
        let publicPath = try directory.write(publicPEM, to: "pub.pem")
        let signaturePath = try directory.write(signature, to: "sig.der")
        let messagePath = try directory.write(invoiceHash, to: "msg.bin")
        let result = try OpenSSLTool.run(["dgst", "-sha256", "-verify", publicPath, "-signature", signaturePath, messagePath])
        #expect(result.status == 0)
        #expect(result.output.contains("Verified OK"))
    }

    @Test("Signing is deterministic (RFC 6979) and always low-S")
    func deterministicLowS() throws {
        let key = try SigningKey.generate()
        for index in 0..<64 {
            let digest = SHA256Digest.hash(Array("message \(index)".utf8))
            let first = try key.signature(forDigest: digest)
            let second = try key.signature(forDigest: digest)
            #expect(first == second)
            let parts = try #require(ECDSASignatureDER.parse(first))
            #expect(ECDSASignatureDER.isLow(parts.s))
        }
    }

    @Test("A flipped bit in the signature, digest or key makes verification fail")
    func tamperingFails() throws {
        let key = try SigningKey.generate()
        let digest = SHA256Digest.hash(Array("payload".utf8))
        let signature = try key.signature(forDigest: digest)
        #expect(ECDSAVerifier.verify(signatureDER: signature, digest: digest, publicKey: key.publicKeyUncompressed))
        var badSignature = signature
        badSignature[badSignature.count - 1] ^= 0x01
        #expect(!ECDSAVerifier.verify(signatureDER: badSignature, digest: digest, publicKey: key.publicKeyUncompressed))
        var badDigest = digest
        badDigest[5] ^= 0x80
        #expect(!ECDSAVerifier.verify(signatureDER: signature, digest: badDigest, publicKey: key.publicKeyUncompressed))
        let otherKey = try SigningKey.generate()
        #expect(!ECDSAVerifier.verify(signatureDER: signature, digest: digest, publicKey: otherKey.publicKeyUncompressed))
    }

    @Test("A high-S signature (S replaced by n − S) still verifies")
    func highSVerifies() throws {
        let key = try SigningKey.generate()
        let digest = SHA256Digest.hash(Array("high-S".utf8))
        let parts = try #require(ECDSASignatureDER.parse(try key.signature(forDigest: digest)))
        let highS = ECDSASignatureDER.negate(parts.s)
        #expect(!ECDSASignatureDER.isLow(highS))
        let highSignature = ECDSASignatureDER.encode(r: parts.r, s: highS)
        #expect(ECDSAVerifier.verify(signatureDER: highSignature, digest: digest, publicKey: key.publicKeyDER))
    }

    @Test("Public keys are accepted as uncompressed, compressed and SPKI; junk keys are refused")
    func publicKeyForms() throws {
        let key = try SigningKey.generate()
        let digest = SHA256Digest.hash(Array("forms".utf8))
        let signature = try key.signature(forDigest: digest)
        let point = key.publicKeyUncompressed
        let compressed = [point[64] & 1 == 0 ? 0x02 : 0x03] + Array(point[1...32])
        for publicKey in [point, compressed, key.publicKeyDER] {
            #expect(ECDSAVerifier.verify(signatureDER: signature, digest: digest, publicKey: publicKey))
        }
        #expect(!ECDSAVerifier.verify(signatureDER: signature, digest: digest, publicKey: Array(point.dropLast())))
        #expect(!ECDSAVerifier.verify(signatureDER: signature, digest: digest, publicKey: []))
        #expect(!ECDSAVerifier.verify(signatureDER: [], digest: digest, publicKey: point))
        #expect(!ECDSAVerifier.verify(signatureDER: signature, digest: Array(digest.prefix(31)), publicKey: point))
    }

    @Test("Digests that are not 32 bytes are refused by the signer")
    func wrongDigestLength() throws {
        let key = try SigningKey.generate()
        let error = #expect(throws: CryptoError.self) { try key.signature(forDigest: [1, 2, 3]) }
        #expect(error == .invalidDigestLength(3))
    }

    @Test("Concurrent signing and verifying through the shared context give correct results")
    func concurrentUse() async throws {
        let key = try SigningKey.generate()
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let digest = SHA256Digest.hash(Array("concurrent \(index)".utf8))
                    let signature = try key.signature(forDigest: digest)
                    let again = try key.signature(forDigest: digest)
                    return signature == again
                        && ECDSAVerifier.verify(signatureDER: signature, digest: digest, publicKey: key.publicKeyDER)
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0 })
    }

    @Test("The SDK key's signature verifies against the SDK certificate")
    func sdkKeySignsForCertificate() throws {
        let key = try SigningKey(pem: SDKVectors.text("certs/ec-secp256k1-priv-key.pem"))
        let certificate = try X509Certificate(pem: SDKVectors.text("certs/cert.pem"))
        let digest = SHA256Digest.hash(Array("invoice".utf8))
        let signature = try key.signature(forDigest: digest)
        #expect(ECDSAVerifier.verify(signatureDER: signature, digest: digest, publicKey: certificate.publicKeyDER))
    }
}
