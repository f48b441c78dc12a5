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
        var hasher = SHA256Hasher()
        hasher.update(data)
        return hasher.finalize()
    }
}

/// Incremental SHA-256 (OpenSSL's low-level functions, without EVP's per-call lookup): for a
/// digest over several pieces of memory that are never copied together.
public struct SHA256Hasher {
    private var state = einvoice_sha256_state()

    public init() {
        einvoice_sha256_init(&state)
    }

    public mutating func update(_ data: UnsafeRawBufferPointer) {
        guard let base = data.baseAddress, data.count > 0 else { return }
        einvoice_sha256_update(&state, base, data.count)
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The 32-byte digest; the hasher must not be used afterwards.
    public mutating func finalize() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: Int(SHA256_DIGEST_LENGTH)) { buffer, count in
            einvoice_sha256_final(&state, buffer.baseAddress)
            count = Int(SHA256_DIGEST_LENGTH)
        }
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
