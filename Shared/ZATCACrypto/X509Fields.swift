import COpenSSL
import Foundation

/// Reads individual fields out of an OpenSSL `X509` for `X509Certificate`.
enum X509Fields {
    /// Subject and issuer in ZATCA's `ds:X509IssuerName` format.
    static func names(of certificate: OpaquePointer) -> (subject: String, issuer: String) {
        (X509NameFormat.string(X509_get_subject_name(certificate)),
         X509NameFormat.string(X509_get_issuer_name(certificate)))
    }

    /// The serial number in decimal.
    static func serialNumberDecimal(of certificate: OpaquePointer) throws(CryptoError) -> String {
        guard let serial = X509_get0_serialNumber(certificate),
              let number = ASN1_INTEGER_to_BN(serial, nil)
        else { throw .invalidCertificate(reason: "unreadable serial number (\(OpenSSLErrors.drain()))") }
        defer { BN_free(number) }
        guard let decimal = BN_bn2dec(number) else { throw OpenSSLErrors.failure("print the serial number") }
        defer { einvoice_OPENSSL_free(decimal) }
        return String(cString: decimal)
    }

    /// notBefore and notAfter as `Date`s.
    static func validity(of certificate: OpaquePointer) throws(CryptoError) -> (Date, Date) {
        guard let start = date(X509_get0_notBefore(certificate)),
              let end = date(X509_get0_notAfter(certificate))
        else { throw .invalidCertificate(reason: "unreadable validity dates (\(OpenSSLErrors.drain()))") }
        return (start, end)
    }

    /// The SubjectPublicKeyInfo, re-encoded exactly as stored.
    static func publicKeyDER(of certificate: OpaquePointer) throws(CryptoError) -> [UInt8] {
        guard let info = X509_get_X509_PUBKEY(certificate) else {
            throw .invalidCertificate(reason: "no subject public key")
        }
        return try OpenSSLCoding.encodeDER("encode the subject public key") { i2d_X509_PUBKEY(info, $0) }
    }

    /// The subjectPublicKey BIT STRING contents.
    static func publicKeyBits(of certificate: OpaquePointer) -> [UInt8] {
        OpenSSLCoding.bytes(X509_get0_pubkey_bitstr(certificate))
    }

    /// The signatureValue BIT STRING contents.
    static func signatureValue(of certificate: OpaquePointer) -> [UInt8] {
        var signature: UnsafePointer<ASN1_BIT_STRING>?
        var algorithm: UnsafePointer<X509_ALGOR>?
        X509_get0_signature(&signature, &algorithm, certificate)
        return OpenSSLCoding.bytes(signature)
    }

    /// The attributes of the first directoryName in subjectAltName.
    static func alternativeDirectoryName(of certificate: OpaquePointer) -> [String: String] {
        guard let raw = X509_get_ext_d2i(certificate, NID_subject_alt_name, nil, nil) else {
            OpenSSLErrors.clear()
            return [:]
        }
        let names = OpaquePointer(raw)
        defer { einvoice_GENERAL_NAMES_free(names) }
        for index in 0..<einvoice_sk_GENERAL_NAME_num(names) {
            var type: Int32 = 0
            guard let entry = einvoice_sk_GENERAL_NAME_value(names, index),
                  let value = GENERAL_NAME_get0_value(entry, &type),
                  type == GEN_DIRNAME
            else { continue }
            return X509NameFormat.attributes(OpaquePointer(value))
        }
        return [:]
    }

    /// Converts an ASN1_TIME to a `Date` by its distance from the Unix epoch.
    private static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time, let epoch = ASN1_TIME_set(nil, 0) else { return nil }
        defer { ASN1_TIME_free(epoch) }
        var days: Int32 = 0
        var seconds: Int32 = 0
        guard ASN1_TIME_diff(&days, &seconds, epoch, time) == 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(days) * 86_400 + TimeInterval(seconds))
    }
}
