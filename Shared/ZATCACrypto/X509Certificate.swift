public import Foundation
import COpenSSL

/// A parsed X.509 certificate, keeping its DER bytes and the fields ZATCA's XAdES
/// signature, QR code and onboarding need.
///
/// Parsing happens once, with OpenSSL, in the initializer; afterwards this is a plain
/// value. Equality and hashing compare the DER bytes.
public struct X509Certificate: Sendable, Hashable {
    /// The certificate's DER encoding.
    public let der: [UInt8]
    /// The subject, formatted like `issuerName` (e.g. `CN=…, OU=…, O=…, C=SA`).
    public let subject: String
    /// The issuer as ZATCA's `ds:X509IssuerName` wants it: RDNs in reverse DER order (most
    /// significant last), `", "` between RDNs, `" + "` inside a multi-valued RDN, short
    /// attribute names, UTF-8 values with RFC 4514 escaping of special characters.
    public let issuerName: String
    /// The serial number in decimal, as `ds:X509SerialNumber` wants it (any length).
    public let serialNumberDecimal: String
    /// Start of the validity period.
    public let notBefore: Date
    /// End of the validity period.
    public let notAfter: Date
    /// The DER SubjectPublicKeyInfo (88 bytes for an uncompressed secp256k1 key).
    public let publicKeyDER: [UInt8]
    /// The public point, uncompressed (65 bytes) for a secp256k1 key; for any other key type,
    /// the raw subjectPublicKey bits as stored.
    public let publicKeyUncompressed: [UInt8]
    /// The certificate's own signature value: for ECDSA, the DER `ECDSA-Sig-Value`.
    /// ZATCA's QR code carries it as tag 9 for simplified invoices.
    public let signatureDER: [UInt8]
    /// Attributes of the first directoryName in the subjectAltName extension, keyed by OpenSSL
    /// short name: ZATCA puts `SN` (EGS serial), `UID` (VAT number), `title` (invoice types),
    /// `registeredAddress` and `businessCategory` there. Empty when there is none.
    public let subjectAlternativeDirectoryName: [String: String]

    /// Parses a certificate from PEM (`-----BEGIN CERTIFICATE-----`) or bare base64 DER,
    /// which is how ZATCA's SDK and XAdES `ds:X509Certificate` carry it.
    public init(pem: String) throws(CryptoError) {
        let document = try PEM.decode(pem, what: "certificate")
        if let label = document.label, label != "CERTIFICATE" {
            throw .invalidEncoding(what: "certificate", reason: "unexpected PEM label \"\(label)\"")
        }
        try self.init(der: document.der)
    }

    /// Parses a certificate from ZATCA's `binarySecurityToken`: base64 of the certificate's
    /// base64 text, as returned by the compliance and production CSID APIs.
    public init(binarySecurityToken: String) throws(CryptoError) {
        let document = try PEM.decode(binarySecurityToken, what: "binarySecurityToken")
        try self.init(pem: String(decoding: document.der, as: UTF8.self))
    }

    /// Parses a DER certificate; trailing bytes are refused.
    public init(der: [UInt8]) throws(CryptoError) {
        let parsed = try X509Certificate.parse(der)
        self.der = der
        (subject, issuerName) = parsed.withPointer { X509Fields.names(of: $0) }
        serialNumberDecimal = try parsed.withPointer { certificate throws(CryptoError) in
            try X509Fields.serialNumberDecimal(of: certificate)
        }
        (notBefore, notAfter) = try parsed.withPointer { certificate throws(CryptoError) in
            try X509Fields.validity(of: certificate)
        }
        publicKeyDER = try parsed.withPointer { certificate throws(CryptoError) in
            try X509Fields.publicKeyDER(of: certificate)
        }
        let rawKey = parsed.withPointer { X509Fields.publicKeyBits(of: $0) }
        publicKeyUncompressed = Secp256k1PublicKey.uncompressed(from: publicKeyDER) ?? rawKey
        signatureDER = parsed.withPointer { X509Fields.signatureValue(of: $0) }
        subjectAlternativeDirectoryName = parsed.withPointer { X509Fields.alternativeDirectoryName(of: $0) }
    }

    /// The DER as base64 without line breaks, the form `ds:X509Certificate` holds.
    public var base64: String { Data(der).base64EncodedString() }

    /// The certificate as PEM (`-----BEGIN CERTIFICATE-----`, 64-character lines).
    public var pem: String { PEM.encode(der, label: "CERTIFICATE") }

    /// ZATCA's certificate digest for `xades:CertDigest`: base64 of the lowercase hex of
    /// SHA-256 over the base64 *text* of the DER (not over the DER bytes). 88 characters.
    public var zatcaDigest: String {
        let hex = Hex.encode(SHA256Digest.hash(base64.utf8))
        return Data(hex.utf8).base64EncodedString()
    }

    /// Whether this certificate's public key is `key`'s public key.
    public func matches(_ key: SigningKey) -> Bool {
        publicKeyUncompressed == key.publicKeyUncompressed
    }

    /// Whether `issuer`'s public key verifies this certificate's signature (OpenSSL
    /// `X509_verify`). Checks the signature only, not names, validity dates or extensions.
    public func isSigned(by issuer: X509Certificate) -> Bool {
        guard let subjectHandle = try? X509Certificate.parse(der),
              let issuerHandle = try? X509Certificate.parse(issuer.der)
        else { return false }
        defer { OpenSSLErrors.clear() }
        return subjectHandle.withPointer { certificate in
            issuerHandle.withPointer { issuerCertificate in
                guard let key = X509_get0_pubkey(issuerCertificate) else { return false }
                return X509_verify(certificate, key) == 1
            }
        }
    }

    /// Certificates are equal when their DER bytes are.
    public static func == (lhs: X509Certificate, rhs: X509Certificate) -> Bool {
        lhs.der == rhs.der
    }

    /// Hashes the DER bytes.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(der)
    }

    /// Decodes DER into an owned OpenSSL `X509`.
    static func parse(_ der: [UInt8]) throws(CryptoError) -> OpenSSLHandle {
        OpenSSLErrors.clear()
        let decoded = OpenSSLCoding.decodeDER(der, release: { X509_free($0) }) { cursor, length in
            d2i_X509(nil, cursor, length)
        }
        guard let certificate = decoded else {
            throw .invalidCertificate(reason: "not a DER X.509 certificate (\(OpenSSLErrors.drain()))")
        }
        return OpenSSLHandle(taking: certificate) { X509_free($0) }
    }
}
