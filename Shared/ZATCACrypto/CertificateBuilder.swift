import COpenSSL

/// Assembles and signs X.509 v3 certificates for `SelfSignedCertificate` and
/// `CertificateAuthority`.
enum CertificateBuilder {
    /// What goes into one certificate. Pointers are borrowed; nothing here is freed.
    struct Parts {
        /// Subject `X509_NAME`.
        var subject: OpaquePointer
        /// Issuer `X509` (for its name and key identifier); `nil` for self-signed.
        var issuer: OpaquePointer?
        /// Subject public key `EVP_PKEY`.
        var publicKey: OpaquePointer
        /// Big-endian positive serial number.
        var serial: [UInt8]
        /// Validity in days from now.
        var days: Int
        /// Ready-made extensions (`X509_EXTENSION`), added first and in order.
        var extensions: [OpaquePointer]
        /// Whether the certificate is a CA (basicConstraints CA:TRUE, keyCertSign).
        var isCertificateAuthority: Bool
    }

    /// A random positive 16-byte serial number (top bit clear, next bit set, so always 16 bytes).
    static func randomSerial() throws(CryptoError) -> [UInt8] {
        var serial = try SecureRandom.bytes(16)
        serial[0] = (serial[0] & 0x7F) | 0x40
        return serial
    }

    /// Checks a validity period in days.
    static func checkValidity(_ days: Int) throws(CryptoError) {
        guard (1...36_500).contains(days) else {
            throw .invalidCertificate(reason: "validity must be 1...36500 days, got \(days)")
        }
    }

    /// Builds the certificate described by `parts`, signs it with `signer` (ecdsa-with-SHA256)
    /// and returns it parsed.
    static func build(_ parts: Parts, signer: OpenSSLHandle) throws(CryptoError) -> X509Certificate {
        try checkValidity(parts.days)
        guard !parts.serial.isEmpty, parts.serial.count <= 20, parts.serial.contains(where: { $0 != 0 }) else {
            throw .invalidCertificate(reason: "serial must be 1...20 bytes and not zero")
        }
        OpenSSLErrors.clear()
        guard let certificate = X509_new() else { throw OpenSSLErrors.failure("allocate a certificate") }
        defer { X509_free(certificate) }
        guard let serialNumber = BN_bin2bn(parts.serial, Int32(parts.serial.count), nil) else {
            throw OpenSSLErrors.failure("read the serial number")
        }
        defer { BN_free(serialNumber) }
        guard let serialInteger = BN_to_ASN1_INTEGER(serialNumber, nil) else {
            throw OpenSSLErrors.failure("encode the serial number")
        }
        defer { ASN1_INTEGER_free(serialInteger) }
        let issuerName = parts.issuer.map { X509_get_subject_name($0) } ?? parts.subject
        // One clock reading for both ends, so the period is exactly `days` days.
        var now = time(nil)

        guard X509_set_version(certificate, 2) == 1,  // 2 encodes v3
              X509_set_serialNumber(certificate, serialInteger) == 1,
              X509_set_subject_name(certificate, parts.subject) == 1,
              X509_set_issuer_name(certificate, issuerName) == 1,
              X509_set_pubkey(certificate, parts.publicKey) == 1,
              X509_time_adj_ex(X509_getm_notBefore(certificate), 0, 0, &now) != nil,
              X509_time_adj_ex(X509_getm_notAfter(certificate), Int32(parts.days), 0, &now) != nil
        else { throw OpenSSLErrors.failure("assemble the certificate") }

        for extensionObject in parts.extensions {
            guard X509_add_ext(certificate, extensionObject, -1) == 1 else {
                throw OpenSSLErrors.failure("add an extension")
            }
        }
        try addStandardExtensions(to: certificate, issuer: parts.issuer ?? certificate,
                                  isCertificateAuthority: parts.isCertificateAuthority)

        guard signer.withPointer({ X509_sign(certificate, $0, EVP_sha256()) }) > 0 else {
            throw OpenSSLErrors.failure("sign the certificate")
        }
        let der = try OpenSSLCoding.encodeDER("encode the certificate") { i2d_X509(certificate, $0) }
        return try X509Certificate(der: der)
    }

    /// Key identifiers, basicConstraints for CAs, and keyUsage, in OpenSSL's config syntax.
    private static func addStandardExtensions(
        to certificate: OpaquePointer, issuer: OpaquePointer, isCertificateAuthority: Bool
    ) throws(CryptoError) {
        var extensions: [(Int32, String)] = [(NID_subject_key_identifier, "hash")]
        if issuer != certificate {
            extensions.append((NID_authority_key_identifier, "keyid"))
        }
        if isCertificateAuthority {
            extensions.append((NID_basic_constraints, "critical,CA:TRUE"))
            extensions.append((NID_key_usage, "critical,digitalSignature,keyCertSign,cRLSign"))
        } else {
            extensions.append((NID_key_usage, "critical,digitalSignature"))
        }
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer, certificate, nil, nil, 0)
        for (nid, value) in extensions {
            guard let extensionObject = X509V3_EXT_nconf_nid(nil, &context, nid, value) else {
                throw OpenSSLErrors.failure("build extension \(value)")
            }
            defer { X509_EXTENSION_free(extensionObject) }
            guard X509_add_ext(certificate, extensionObject, -1) == 1 else {
                throw OpenSSLErrors.failure("add extension \(value)")
            }
        }
    }
}
