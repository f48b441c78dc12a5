import COpenSSL

/// Small helpers around OpenSSL's DER, BIO and ASN.1 string conventions.
enum OpenSSLCoding {
    /// Runs an `i2d_*` function twice, once for the length and once to write, and returns the DER.
    static func encodeDER(
        _ operation: String,
        _ i2d: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32
    ) throws(CryptoError) -> [UInt8] {
        let length = i2d(nil)
        guard length > 0 else { throw OpenSSLErrors.failure(operation) }
        var output = [UInt8](repeating: 0, count: Int(length))
        let written = output.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor = buffer.baseAddress
            return i2d(&cursor)
        }
        guard written == length else { throw OpenSSLErrors.failure(operation) }
        return output
    }

    /// Runs a `d2i_*` function over all of `der`; fails on trailing bytes.
    ///
    /// - Parameter release: frees a decoded object that turned out to have trailing bytes.
    static func decodeDER(
        _ der: [UInt8],
        release: (OpaquePointer) -> Void,
        _ d2i: (UnsafeMutablePointer<UnsafePointer<UInt8>?>, Int) -> OpaquePointer?
    ) -> OpaquePointer? {
        der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
            var cursor: UnsafePointer<UInt8>? = base
            guard let object = d2i(&cursor, buffer.count) else { return nil }
            guard let end = cursor, end - base == buffer.count else {
                release(object)
                return nil
            }
            return object
        }
    }

    /// Everything written so far into a memory BIO.
    static func contents(ofMemoryBIO bio: OpaquePointer) -> [UInt8] {
        var data: UnsafeMutablePointer<CChar>?
        let length = einvoice_BIO_get_mem_data(bio, &data)
        guard length > 0, let data else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// An ASN.1 string converted to UTF-8 by OpenSSL, whatever its ASN.1 string type.
    static func string(_ asn1: UnsafePointer<ASN1_STRING>?) -> String? {
        guard let asn1 else { return nil }
        var output: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&output, asn1)
        guard length >= 0, let output else { return nil }
        defer { einvoice_OPENSSL_free(output) }
        return String(decoding: UnsafeBufferPointer(start: output, count: Int(length)), as: UTF8.self)
    }

    /// The bytes of an ASN.1 string or bit string, as stored.
    static func bytes(_ asn1: UnsafePointer<ASN1_STRING>?) -> [UInt8] {
        guard let asn1, let data = ASN1_STRING_get0_data(asn1) else { return [] }
        let length = Int(ASN1_STRING_length(asn1))
        return Array(UnsafeBufferPointer(start: data, count: max(0, length)))
    }
}
