import Testing
import ZATCACrypto

@Suite("KeyWrap (AES-256-GCM)")
struct KeyWrapTests {
    static let associatedData = Array("egs-unit:42".utf8)

    @Test("seal then open returns the plaintext; layout is nonce ‖ ciphertext ‖ tag; nonces differ")
    func roundTrip() throws {
        let key = KeyWrap.generateKey()
        #expect(key.count == 32)
        let secret = try SigningKey.generate().rawRepresentation
        let sealed = try KeyWrap.seal(secret, key: key, associatedData: Self.associatedData)
        #expect(sealed.count == 12 + secret.count + 16)
        #expect(try KeyWrap.open(sealed, key: key, associatedData: Self.associatedData) == secret)
        let again = try KeyWrap.seal(secret, key: key, associatedData: Self.associatedData)
        #expect(again.prefix(12) != sealed.prefix(12))
        #expect(again != sealed)
    }

    @Test("Empty plaintext and empty associated data round-trip")
    func emptyInputs() throws {
        let key = KeyWrap.generateKey()
        let sealed = try KeyWrap.seal([], key: key, associatedData: [])
        #expect(sealed.count == 28)
        #expect(try KeyWrap.open(sealed, key: key, associatedData: []) == [])
        #expect(throws: CryptoError.authenticationFailed) { try KeyWrap.open(sealed, key: key, associatedData: [1]) }
    }

    @Test("A wrong key, wrong associated data or any flipped byte fails authentication")
    func tamperingFails() throws {
        let key = KeyWrap.generateKey()
        let plaintext = Array("private scalar bytes".utf8)
        let sealed = try KeyWrap.seal(plaintext, key: key, associatedData: Self.associatedData)
        #expect(throws: CryptoError.authenticationFailed) {
            try KeyWrap.open(sealed, key: KeyWrap.generateKey(), associatedData: Self.associatedData)
        }
        #expect(throws: CryptoError.authenticationFailed) {
            try KeyWrap.open(sealed, key: key, associatedData: Array("egs-unit:43".utf8))
        }
        for index in [0, 11, 12, sealed.count - 17, sealed.count - 1] {
            var tampered = sealed
            tampered[index] ^= 0x01
            #expect(throws: CryptoError.authenticationFailed) {
                try KeyWrap.open(tampered, key: key, associatedData: Self.associatedData)
            }
        }
        #expect(CryptoError.authenticationFailed.description.contains("wrong key"))
    }

    @Test("Bad key lengths and truncated input are refused with their own errors")
    func malformedInputs() throws {
        #expect(throws: CryptoError.invalidWrappingKeyLength(16)) {
            try KeyWrap.seal([1], key: [UInt8](repeating: 0, count: 16), associatedData: [])
        }
        #expect(throws: CryptoError.sealedDataTooShort(27)) {
            try KeyWrap.open([UInt8](repeating: 0, count: 27), key: KeyWrap.generateKey(), associatedData: [])
        }
    }
}
