import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's DRBG.
enum SecureRandom {
    /// `count` random bytes from `RAND_bytes`.
    static func bytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        guard count > 0 else { return [] }
        var output = [UInt8](repeating: 0, count: count)
        let status = output.withUnsafeMutableBufferPointer { buffer in
            RAND_bytes(buffer.baseAddress, Int32(buffer.count))
        }
        guard status == 1 else { throw .randomGenerationFailed(detail: OpenSSLErrors.drain()) }
        return output
    }
}
