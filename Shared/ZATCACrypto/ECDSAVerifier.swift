import CSecp256k1

/// ECDSA signature verification on secp256k1 with libsecp256k1.
///
/// ZATCA's own sample invoices carry both low-S and high-S signatures (its SDK signs with
/// Java, which does not normalize S), while libsecp256k1 accepts only low-S. Signatures are
/// therefore normalized before verifying: `(r, s)` and `(r, n − s)` are both valid ECDSA.
public enum ECDSAVerifier {
    /// Whether `signatureDER` is a valid ECDSA signature of the 32-byte `digest` by `publicKey`.
    ///
    /// - Parameters:
    ///   - signatureDER: DER `ECDSA-Sig-Value` (`SEQUENCE { r INTEGER, s INTEGER }`).
    ///   - digest: the 32-byte message digest that was signed (for ZATCA, SHA-256 of the
    ///     32 raw invoice-hash bytes).
    ///   - publicKey: a 65-byte uncompressed point, a 33-byte compressed point, or the DER
    ///     SubjectPublicKeyInfo of either (88 or 56 bytes).
    /// - Returns: `false` for a bad signature and for any malformed input.
    public static func verify(signatureDER: [UInt8], digest: [UInt8], publicKey: [UInt8]) -> Bool {
        guard digest.count == 32, !signatureDER.isEmpty,
              var key = Secp256k1PublicKey.parse(publicKey)
        else { return false }
        let context = Secp256k1Context.shared.pointer
        var parsed = secp256k1_ecdsa_signature()
        guard secp256k1_ecdsa_signature_parse_der(context, &parsed, signatureDER, signatureDER.count) == 1 else {
            return false
        }
        var normalized = secp256k1_ecdsa_signature()
        _ = secp256k1_ecdsa_signature_normalize(context, &normalized, &parsed)
        return secp256k1_ecdsa_verify(context, &normalized, digest, &key) == 1
    }
}
