import COpenSSL

/// AES-256-GCM sealing for keys at rest (e.g. an EGS unit's signing key in the database).
///
/// The sealed form is `nonce (12) ‖ ciphertext ‖ tag (16)`. The nonce is random per seal, so
/// sealing the same plaintext twice gives different bytes. The associated data (for example
/// the EGS unit's identifier) is authenticated but not stored: opening with different
/// associated data fails, which stops a sealed key being moved to another record.
public enum KeyWrap {
    /// Nonce length in bytes (the GCM standard 96 bits).
    public static let nonceLength = 12
    /// Authentication tag length in bytes.
    public static let tagLength = 16
    /// Key length in bytes (AES-256).
    public static let keyLength = 32

    /// A fresh 32-byte key from OpenSSL's `RAND_bytes`.
    ///
    /// Traps if the random generator fails, since returning a weak key would be worse;
    /// on Linux that means `getrandom` itself failed.
    public static func generateKey() -> [UInt8] {
        do {
            return try SecureRandom.bytes(keyLength)
        } catch {
            fatalError("KeyWrap.generateKey: \(error)")
        }
    }

    /// Encrypts and authenticates `plaintext`; returns `nonce ‖ ciphertext ‖ tag`.
    public static func seal(
        _ plaintext: [UInt8], key: [UInt8], associatedData: [UInt8]
    ) throws(CryptoError) -> [UInt8] {
        guard key.count == keyLength else { throw .invalidWrappingKeyLength(key.count) }
        let nonce = try SecureRandom.bytes(nonceLength)
        let cipher = try CipherContext()
        defer { withExtendedLifetime(cipher) {} }
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + 16)
        var tag = [UInt8](repeating: 0, count: tagLength)
        OpenSSLErrors.clear()
        guard EVP_EncryptInit_ex(cipher.pointer, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              EVP_CIPHER_CTX_ctrl(cipher.pointer, EVP_CTRL_GCM_SET_IVLEN, Int32(nonceLength), nil) == 1,
              EVP_EncryptInit_ex(cipher.pointer, nil, nil, key, nonce) == 1,
              cipher.authenticate(associatedData, encrypting: true)
        else { throw OpenSSLErrors.failure("start AES-256-GCM encryption") }
        var written: Int32 = 0
        var total = 0
        if !plaintext.isEmpty {
            let count = Int32(plaintext.count)
            guard EVP_EncryptUpdate(cipher.pointer, &ciphertext, &written, plaintext, count) == 1 else {
                throw OpenSSLErrors.failure("encrypt")
            }
            total = Int(written)
        }
        let finished = ciphertext.withUnsafeMutableBufferPointer { buffer in
            EVP_EncryptFinal_ex(cipher.pointer, buffer.baseAddress?.advanced(by: total), &written)
        }
        guard finished == 1,
              EVP_CIPHER_CTX_ctrl(cipher.pointer, EVP_CTRL_GCM_GET_TAG, Int32(tagLength), &tag) == 1
        else { throw OpenSSLErrors.failure("finish AES-256-GCM encryption") }
        total += Int(written)
        return nonce + ciphertext.prefix(total) + tag
    }

    /// Checks and decrypts `nonce ‖ ciphertext ‖ tag`.
    ///
    /// Throws `CryptoError.authenticationFailed` for a wrong key, wrong associated data or
    /// any changed byte; nothing of the plaintext is returned in that case.
    public static func open(
        _ sealed: [UInt8], key: [UInt8], associatedData: [UInt8]
    ) throws(CryptoError) -> [UInt8] {
        guard key.count == keyLength else { throw .invalidWrappingKeyLength(key.count) }
        guard sealed.count >= nonceLength + tagLength else { throw .sealedDataTooShort(sealed.count) }
        let nonce = Array(sealed.prefix(nonceLength))
        let ciphertext = Array(sealed[nonceLength..<(sealed.count - tagLength)])
        var tag = Array(sealed.suffix(tagLength))
        let cipher = try CipherContext()
        defer { withExtendedLifetime(cipher) {} }
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count + 16)
        OpenSSLErrors.clear()
        guard EVP_DecryptInit_ex(cipher.pointer, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              EVP_CIPHER_CTX_ctrl(cipher.pointer, EVP_CTRL_GCM_SET_IVLEN, Int32(nonceLength), nil) == 1,
              EVP_DecryptInit_ex(cipher.pointer, nil, nil, key, nonce) == 1,
              cipher.authenticate(associatedData, encrypting: false)
        else { throw OpenSSLErrors.failure("start AES-256-GCM decryption") }
        var written: Int32 = 0
        var total = 0
        if !ciphertext.isEmpty {
            let count = Int32(ciphertext.count)
            guard EVP_DecryptUpdate(cipher.pointer, &plaintext, &written, ciphertext, count) == 1 else {
                throw OpenSSLErrors.failure("decrypt")
            }
            total = Int(written)
        }
        guard EVP_CIPHER_CTX_ctrl(cipher.pointer, EVP_CTRL_GCM_SET_TAG, Int32(tagLength), &tag) == 1 else {
            throw OpenSSLErrors.failure("set the GCM tag")
        }
        let verified = plaintext.withUnsafeMutableBufferPointer { buffer in
            EVP_DecryptFinal_ex(cipher.pointer, buffer.baseAddress?.advanced(by: total), &written)
        }
        guard verified == 1 else {
            plaintext.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            OpenSSLErrors.clear()
            throw .authenticationFailed
        }
        total += Int(written)
        return Array(plaintext.prefix(total))
    }
}

/// An owned `EVP_CIPHER_CTX`, freed (and cleansed by OpenSSL) on deinit.
private final class CipherContext {
    let pointer: OpaquePointer

    init() throws(CryptoError) {
        guard let context = EVP_CIPHER_CTX_new() else { throw OpenSSLErrors.failure("allocate a cipher context") }
        pointer = context
    }

    deinit {
        EVP_CIPHER_CTX_free(pointer)
    }

    /// Feeds associated data (skipped when empty); `true` on success.
    func authenticate(_ associatedData: [UInt8], encrypting: Bool) -> Bool {
        guard !associatedData.isEmpty else { return true }
        var ignored: Int32 = 0
        let count = Int32(associatedData.count)
        return withExtendedLifetime(self) {
            encrypting
                ? EVP_EncryptUpdate(pointer, nil, &ignored, associatedData, count) == 1
                : EVP_DecryptUpdate(pointer, nil, &ignored, associatedData, count) == 1
        }
    }
}
