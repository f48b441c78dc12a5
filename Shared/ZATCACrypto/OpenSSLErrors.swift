import COpenSSL

/// Reads and clears OpenSSL's per-thread error queue.
enum OpenSSLErrors {
    /// Forgets errors left behind by earlier calls, so a later `drain()` reports only new ones.
    static func clear() {
        ERR_clear_error()
    }

    /// Empties this thread's OpenSSL error queue into one `"; "`-separated string.
    static func drain() -> String {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            messages.append(String(decoding: bytes, as: UTF8.self))
        }
        return messages.isEmpty ? "no OpenSSL error reported" : messages.joined(separator: "; ")
    }

    /// A `CryptoError.openSSL` for `operation` carrying the drained error queue.
    static func failure(_ operation: String) -> CryptoError {
        .openSSL(operation: operation, detail: drain())
    }
}
