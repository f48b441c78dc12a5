import COpenSSL

/// One-shot SHA-256 through OpenSSL.
///
/// ZATCA hashes everywhere with SHA-256: the invoice hash, the certificate digest and the
/// signed-properties digest. These wrappers return the 32 raw digest bytes.
public enum SHA256Digest {
    /// SHA-256 of any byte sequence (copied to contiguous storage first if it is not already).
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        if let digest = bytes.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { hash($0) }
    }

    /// SHA-256 of raw memory, without copying it.
    public static func hash(_ data: UnsafeRawBufferPointer) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        digest.withUnsafeMutableBufferPointer { output in
            // SHA256() is OpenSSL's one-shot digest; it only fails on a null output pointer.
            // An empty input may come with a nil base address, so point at the output instead.
            let input = data.baseAddress?.assumingMemoryBound(to: UInt8.self)
                ?? UnsafePointer(output.baseAddress)
            _ = SHA256(input, data.count, output.baseAddress)
        }
        return digest
    }
}

/// HMAC-SHA256 (RFC 2104) through OpenSSL, for webhook signatures.
public enum HMACSHA256 {
    public static func authenticationCode(key: some Sequence<UInt8>, message: some Sequence<UInt8>) -> [UInt8] {
        let key = Array(key)
        let message = Array(message)
        var code = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                code.withUnsafeMutableBufferPointer { output in
                    // A nil base address (empty input) is replaced by the output's, with length 0.
                    let keyPointer = keyBytes.baseAddress ?? UnsafeRawPointer(output.baseAddress!)
                    let messagePointer = messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(output.baseAddress!)
                    _ = HMAC(EVP_sha256(), keyPointer, Int32(keyBytes.count), messagePointer, messageBytes.count, output.baseAddress, &length)
                }
            }
        }
        return code
    }
}
