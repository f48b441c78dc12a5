import COpenSSL

/// Builds the PKCS#10 certificate signing request a ZATCA EGS unit submits when onboarding.
public enum CSRBuilder {
    /// Validates `request`, then returns a PEM CSR (`-----BEGIN CERTIFICATE REQUEST-----`)
    /// for `key`'s public key, signed with it (ecdsa-with-SHA256).
    ///
    /// The CSR carries the subject `C, OU, O, CN`, the certificate template name for
    /// `request.environment` and a subjectAltName directoryName with the EGS serial, VAT
    /// number, invoice types, address and business category. ZATCA's APIs take the base64
    /// of this PEM text.
    public static func make(_ request: CSRRequest, key: SigningKey) throws(CryptoError) -> String {
        try request.validate()
        let privateKey = try key.openSSLKey()
        OpenSSLErrors.clear()
        guard let csr = X509_REQ_new() else { throw OpenSSLErrors.failure("allocate a CSR") }
        defer { X509_REQ_free(csr) }

        let subject = try ZATCANames.subject(for: request)
        defer { X509_NAME_free(subject) }
        let template = try ZATCANames.templateName(for: request.environment)
        defer { X509_EXTENSION_free(template) }
        let alternativeName = try ZATCANames.subjectAlternativeName(for: request)
        defer { X509_EXTENSION_free(alternativeName) }
        guard let extensions = einvoice_sk_X509_EXTENSION_new_null() else {
            throw OpenSSLErrors.failure("allocate the extension list")
        }
        // Only the stack itself is freed: the extensions are freed by their own defers.
        defer { OPENSSL_sk_free(extensions) }

        // PKCS#10 defines only version 1, encoded as 0.
        guard X509_REQ_set_version(csr, 0) == 1,
              X509_REQ_set_subject_name(csr, subject) == 1,
              privateKey.withPointer({ X509_REQ_set_pubkey(csr, $0) }) == 1,
              einvoice_sk_X509_EXTENSION_push(extensions, template) > 0,
              einvoice_sk_X509_EXTENSION_push(extensions, alternativeName) > 0,
              X509_REQ_add_extensions(csr, extensions) == 1
        else { throw OpenSSLErrors.failure("assemble the CSR") }
        guard privateKey.withPointer({ X509_REQ_sign(csr, $0, EVP_sha256()) }) > 0 else {
            throw OpenSSLErrors.failure("sign the CSR")
        }

        guard let bio = BIO_new(BIO_s_mem()) else { throw OpenSSLErrors.failure("allocate a memory BIO") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_X509_REQ(bio, csr) == 1 else { throw OpenSSLErrors.failure("write the CSR as PEM") }
        return String(decoding: OpenSSLCoding.contents(ofMemoryBIO: bio), as: UTF8.self)
    }
}
