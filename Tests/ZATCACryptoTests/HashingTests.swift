import Testing
import ZATCACrypto

@Suite("SHA-256 and hex")
struct HashingTests {
    @Test("SHA-256 matches the FIPS 180-2 vectors for \"abc\" and the empty string")
    func knownVectors() {
        #expect(Hex.encode(SHA256Digest.hash(Array("abc".utf8)))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Hex.encode(SHA256Digest.hash([UInt8]()))
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("Contiguous, non-contiguous and raw-buffer inputs hash alike")
    func inputForms() {
        let bytes = Array("The quick brown fox".utf8)
        let expected = SHA256Digest.hash(bytes)
        #expect(SHA256Digest.hash("The quick brown fox".utf8) == expected)
        #expect(SHA256Digest.hash(bytes.lazy.map { $0 }) == expected)
        #expect(bytes.withUnsafeBytes { SHA256Digest.hash($0) } == expected)
    }

    @Test("Hex encodes lowercase and decodes either case; malformed hex is nil")
    func hexRoundTrip() {
        #expect(Hex.encode([0x00, 0xAB, 0xFF, 0x10]) == "00abff10")
        #expect(Hex.decode("00ABff10") == [0x00, 0xAB, 0xFF, 0x10])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        // The array path and the sequence path agree, for every byte value and the empty input.
        let all = (0...255).map(UInt8.init)
        #expect(Hex.encode(all) == Hex.encode(all.lazy.map { $0 }))
        #expect(Hex.encode([UInt8]()) == "")
    }
}
