/// Everything that can go wrong in `ZATCACrypto`.
///
/// Each case says what failed and, where OpenSSL was involved, carries OpenSSL's own error
/// string (from its per-thread error queue). No case ever carries key material: reasons are
/// written by this module and OpenSSL's error strings name routines and reasons, not data.
public enum CryptoError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The system's random generator (OpenSSL `RAND_bytes`) failed.
    case randomGenerationFailed(detail: String)
    /// A private key was malformed, out of range or inconsistent.
    case invalidKey(reason: String)
    /// A key or certificate uses a curve other than secp256k1, which ZATCA requires.
    case unsupportedCurve(found: String)
    /// PEM armour, base64 or DER could not be decoded.
    case invalidEncoding(what: String, reason: String)
    /// A certificate could not be parsed or lacks something this module needs.
    case invalidCertificate(reason: String)
    /// A digest handed to the signer was not 32 bytes long.
    case invalidDigestLength(Int)
    /// ECDSA signing failed.
    case signingFailed(reason: String)
    /// A CSR field broke one of ZATCA's rules; `field` names it, `reason` states the rule.
    case invalidCSRField(field: String, reason: String)
    /// A certificate signing request was malformed or its self-signature did not verify.
    case invalidCSR(reason: String)
    /// An OpenSSL call failed; `operation` names what was being done.
    case openSSL(operation: String, detail: String)
    /// An AES-256-GCM key was not 32 bytes long.
    case invalidWrappingKeyLength(Int)
    /// Sealed data was shorter than nonce plus tag (28 bytes).
    case sealedDataTooShort(Int)
    /// AES-GCM authentication failed: wrong key, wrong associated data, or tampered bytes.
    case authenticationFailed

    /// A one-line, human-readable explanation.
    public var description: String {
        switch self {
        case .randomGenerationFailed(let detail):
            return "random generation failed: \(detail)"
        case .invalidKey(let reason):
            return "invalid private key: \(reason)"
        case .unsupportedCurve(let found):
            return "unsupported curve \(found): ZATCA requires secp256k1"
        case .invalidEncoding(let what, let reason):
            return "cannot decode \(what): \(reason)"
        case .invalidCertificate(let reason):
            return "invalid certificate: \(reason)"
        case .invalidDigestLength(let length):
            return "digest must be 32 bytes (SHA-256), got \(length)"
        case .signingFailed(let reason):
            return "signing failed: \(reason)"
        case .invalidCSRField(let field, let reason):
            return "invalid CSR field \(field): \(reason)"
        case .invalidCSR(let reason):
            return "invalid certificate signing request: \(reason)"
        case .openSSL(let operation, let detail):
            return "OpenSSL failed to \(operation): \(detail)"
        case .invalidWrappingKeyLength(let length):
            return "AES-256-GCM key must be 32 bytes, got \(length)"
        case .sealedDataTooShort(let length):
            return "sealed data is \(length) bytes, shorter than nonce and tag (28 bytes)"
        case .authenticationFailed:
            return "authentication failed: wrong key, wrong associated data, or tampered data"
        }
    }
}
