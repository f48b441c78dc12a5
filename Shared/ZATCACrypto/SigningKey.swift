import CSecp256k1

/// A secp256k1 private key: the key a ZATCA EGS unit signs invoices, CSRs and QR stamps with.
///
/// Stored as its 32-byte big-endian scalar, validated by libsecp256k1 on creation, together
/// with the derived public point. The key never appears in `description`, `debugDescription`
/// or reflection, so logging a `SigningKey` by accident shows only its public key.
public struct SigningKey: Sendable {
    private let scalar: [UInt8]

    /// The 65-byte uncompressed public point (`04 ‖ X ‖ Y`), derived by libsecp256k1.
    public let publicKeyUncompressed: [UInt8]

    /// A fresh random key: 32 bytes from OpenSSL `RAND_bytes`, redrawn until libsecp256k1
    /// accepts them as a scalar in `[1, n-1]` (a redraw happens with probability ~2⁻¹²⁸).
    public static func generate() throws(CryptoError) -> SigningKey {
        for _ in 0..<64 {
            let candidate = try SecureRandom.bytes(32)
            if let key = try? SigningKey(rawRepresentation: candidate) {
                return key
            }
        }
        throw .randomGenerationFailed(detail: "no valid secp256k1 scalar after 64 draws")
    }

    /// A key from its 32-byte big-endian scalar; refuses zero and values not below the group order.
    public init(rawRepresentation: [UInt8]) throws(CryptoError) {
        guard rawRepresentation.count == 32 else {
            throw .invalidKey(reason: "a secp256k1 private key is 32 bytes, got \(rawRepresentation.count)")
        }
        let context = Secp256k1Context.shared.pointer
        guard secp256k1_ec_seckey_verify(context, rawRepresentation) == 1 else {
            throw .invalidKey(reason: "scalar is zero or not below the secp256k1 group order")
        }
        var publicKey = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_create(context, &publicKey, rawRepresentation) == 1 else {
            throw .invalidKey(reason: "libsecp256k1 could not derive the public key")
        }
        scalar = rawRepresentation
        publicKeyUncompressed = Secp256k1PublicKey.uncompressed(publicKey)
    }

    /// The 32-byte big-endian private scalar. Handle with care: this is the secret.
    public var rawRepresentation: [UInt8] { scalar }

    /// The 88-byte DER SubjectPublicKeyInfo (id-ecPublicKey, secp256k1, uncompressed point),
    /// as it appears in a CSR or certificate.
    public var publicKeyDER: [UInt8] {
        Secp256k1PublicKey.spki(uncompressedPoint: publicKeyUncompressed)
    }

    /// ECDSA over a 32-byte digest, DER-encoded (`SEQUENCE { r, s }`), always low-S.
    ///
    /// The nonce is libsecp256k1's default, deterministic RFC 6979, so the same key and digest
    /// always give the same signature. ZATCA's "SHA256withECDSA over the invoice hash" means:
    /// pass `SHA256Digest.hash(invoiceHashBytes)` here.
    public func signature(forDigest digest: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard digest.count == 32 else { throw .invalidDigestLength(digest.count) }
        let context = Secp256k1Context.shared.pointer
        var signature = secp256k1_ecdsa_signature()
        guard secp256k1_ecdsa_sign(context, &signature, digest, scalar, nil, nil) == 1 else {
            throw .signingFailed(reason: "libsecp256k1 could not produce a signature")
        }
        // libsecp256k1 already signs in low-S form; normalizing states the guarantee explicitly.
        var lowS = secp256k1_ecdsa_signature()
        _ = secp256k1_ecdsa_signature_normalize(context, &lowS, &signature)
        var output = [UInt8](repeating: 0, count: 72)
        var length = output.count
        guard secp256k1_ecdsa_signature_serialize_der(context, &output, &length, &lowS) == 1 else {
            throw .signingFailed(reason: "DER serialization of the signature failed")
        }
        return Array(output.prefix(length))
    }
}

extension SigningKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Names the key by its public point only; the private scalar is never printed.
    public var description: String {
        "SigningKey(secp256k1, public: \(Hex.encode(publicKeyUncompressed)))"
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Reflection (`dump`, debuggers' summaries) shows the public key only.
    public var customMirror: Mirror {
        Mirror(self, children: ["publicKeyUncompressed": Hex.encode(publicKeyUncompressed)])
    }
}
