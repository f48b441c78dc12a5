import COpenSSL

/// Self-signed X.509 v3 certificates for development and tests, shaped like ZATCA's:
/// the CSR's subject and subjectAltName directoryName, signed by the key itself.
public enum SelfSignedCertificate {
    /// A certificate for `key` with `subject`'s names and template extension, a random
    /// positive 16-byte serial, valid from now for `days` days, signed ecdsa-with-SHA256.
    ///
    /// - Parameter isCertificateAuthority: adds basicConstraints CA:TRUE and keyCertSign, for
    ///   a test or simulator CA that then issues with `CertificateAuthority.issue`.
    public static func make(
        key: SigningKey, subject: CSRRequest, validity days: Int, isCertificateAuthority: Bool = false
    ) throws(CryptoError) -> X509Certificate {
        try subject.validate()
        let privateKey = try key.openSSLKey()
        let name = try ZATCANames.subject(for: subject)
        defer { X509_NAME_free(name) }
        let template = try ZATCANames.templateName(for: subject.environment)
        defer { X509_EXTENSION_free(template) }
        let alternativeName = try ZATCANames.subjectAlternativeName(for: subject)
        defer { X509_EXTENSION_free(alternativeName) }
        let serial = try CertificateBuilder.randomSerial()
        return try privateKey.withPointer { pointer throws(CryptoError) in
            let parts = CertificateBuilder.Parts(
                subject: name, issuer: nil, publicKey: pointer, serial: serial, days: days,
                extensions: [alternativeName, template], isCertificateAuthority: isCertificateAuthority)
            return try CertificateBuilder.build(parts, signer: privateKey)
        }
    }
}
