import CSecp256k1

/// Public-key encodings of secp256k1 points: SEC1 points and DER SubjectPublicKeyInfo.
enum Secp256k1PublicKey {
    /// DER header of an SPKI holding an uncompressed secp256k1 point (id-ecPublicKey, secp256k1,
    /// 66-byte BIT STRING); the 65-byte point follows it, 88 bytes in all.
    static let uncompressedSPKIPrefix: [UInt8] = [
        0x30, 0x56, 0x30, 0x10, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01,
        0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x0A, 0x03, 0x42, 0x00,
    ]

    /// DER header of an SPKI holding a compressed secp256k1 point; 33 point bytes follow.
    static let compressedSPKIPrefix: [UInt8] = [
        0x30, 0x36, 0x30, 0x10, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01,
        0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x0A, 0x03, 0x22, 0x00,
    ]

    /// The 88-byte SPKI DER for a 65-byte uncompressed point.
    static func spki(uncompressedPoint: [UInt8]) -> [UInt8] {
        uncompressedSPKIPrefix + uncompressedPoint
    }

    /// Parses a 65-byte uncompressed point, 33-byte compressed point, or either SPKI form.
    static func parse(_ encoded: [UInt8]) -> secp256k1_pubkey? {
        let point: ArraySlice<UInt8>
        if encoded.count == 65 || encoded.count == 33 {
            point = encoded[...]
        } else if encoded.count == 88, encoded.starts(with: uncompressedSPKIPrefix) {
            point = encoded[uncompressedSPKIPrefix.count...]
        } else if encoded.count == 56, encoded.starts(with: compressedSPKIPrefix) {
            point = encoded[compressedSPKIPrefix.count...]
        } else {
            return nil
        }
        var key = secp256k1_pubkey()
        let bytes = Array(point)
        let parsed = secp256k1_ec_pubkey_parse(Secp256k1Context.shared.pointer, &key, bytes, bytes.count)
        return parsed == 1 ? key : nil
    }

    /// The 65-byte uncompressed encoding of a parsed key.
    static func uncompressed(_ key: secp256k1_pubkey) -> [UInt8] {
        var key = key
        var output = [UInt8](repeating: 0, count: 65)
        var length = output.count
        _ = secp256k1_ec_pubkey_serialize(
            Secp256k1Context.shared.pointer, &output, &length, &key, UInt32(SECP256K1_EC_UNCOMPRESSED))
        return Array(output.prefix(length))
    }

    /// Any accepted encoding normalised to the 65-byte uncompressed point, or `nil`.
    static func uncompressed(from encoded: [UInt8]) -> [UInt8]? {
        parse(encoded).map { uncompressed($0) }
    }
}
