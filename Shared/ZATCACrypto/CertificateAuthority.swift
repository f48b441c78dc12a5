import COpenSSL

/// Issues certificates from CSRs, as ZATCA's CA does when it answers a compliance or
/// production CSID request. For a local ZATCA simulator and for tests.
public enum CertificateAuthority {
    /// Verifies the CSR's self-signature, then issues a certificate for its public key.
    ///
    /// - Parameters:
    ///   - csrPEM: the CSR as PEM or bare base64 DER; its key must be secp256k1.
    ///   - caKey: the CA's private key; must match `caCertificate`.
    ///   - caCertificate: supplies the issuer name and authority key identifier.
    ///   - serial: big-endian serial (1...20 bytes); `nil` for a random 16-byte one.
    ///   - days: validity from now.
    ///   - copyExtensionsFromCSR: copy the CSR's subjectAltName and template-name extensions.
    /// - Returns: the certificate: subject from the CSR, issuer the CA's subject, keyUsage
    ///   digitalSignature, key identifiers, signed ecdsa-with-SHA256.
    public static func issue(
        csrPEM: String, caKey: SigningKey, caCertificate: X509Certificate, serial: [UInt8]?,
        validity days: Int, copyExtensionsFromCSR: Bool
    ) throws(CryptoError) -> X509Certificate {
        guard caCertificate.matches(caKey) else {
            throw .invalidKey(reason: "the CA key does not match the CA certificate's public key")
        }
        try CertificateBuilder.checkValidity(days)
        let request = try parseAndVerify(csrPEM)
        let issuer = try X509Certificate.parse(caCertificate.der)
        let privateKey = try caKey.openSSLKey()
        let serialBytes: [UInt8]
        if let serial { serialBytes = serial } else { serialBytes = try CertificateBuilder.randomSerial() }

        return try request.withPointer { csr throws(CryptoError) in
            var copied: [OpaquePointer] = []
            let extensions = copyExtensionsFromCSR ? X509_REQ_get_extensions(csr) : nil
            defer { if let extensions { einvoice_sk_X509_EXTENSION_pop_free(extensions) } }
            if let extensions {
                for index in 0..<einvoice_sk_X509_EXTENSION_num(extensions) {
                    if let item = einvoice_sk_X509_EXTENSION_value(extensions, index),
                       ZATCANames.isZATCARequestExtension(item) {
                        copied.append(item)
                    }
                }
            }
            guard let subject = X509_REQ_get_subject_name(csr), let publicKey = X509_REQ_get0_pubkey(csr) else {
                throw .invalidCSR(reason: "no subject or public key")
            }
            return try issuer.withPointer { issuerCertificate throws(CryptoError) in
                let parts = CertificateBuilder.Parts(
                    subject: subject, issuer: issuerCertificate, publicKey: publicKey, serial: serialBytes,
                    days: days, extensions: copied, isCertificateAuthority: false)
                return try CertificateBuilder.build(parts, signer: privateKey)
            }
        }
    }

    /// Decodes a CSR, checks its key is secp256k1 and its self-signature verifies.
    static func parseAndVerify(_ csrPEM: String) throws(CryptoError) -> OpenSSLHandle {
        let document = try PEM.decode(csrPEM, what: "certificate signing request")
        if let label = document.label, label != "CERTIFICATE REQUEST", label != "NEW CERTIFICATE REQUEST" {
            throw .invalidEncoding(what: "certificate signing request", reason: "unexpected PEM label \"\(label)\"")
        }
        OpenSSLErrors.clear()
        let decoded = OpenSSLCoding.decodeDER(document.der, release: { X509_REQ_free($0) }) { cursor, length in
            d2i_X509_REQ(nil, cursor, length)
        }
        guard let decoded else { throw .invalidCSR(reason: "not a DER PKCS#10 request (\(OpenSSLErrors.drain()))") }
        let request = OpenSSLHandle(taking: decoded) { X509_REQ_free($0) }
        try request.withPointer { csr throws(CryptoError) in
            guard let publicKey = X509_REQ_get0_pubkey(csr) else { throw .invalidCSR(reason: "no public key") }
            let info = try OpenSSLCoding.encodeDER("encode the CSR public key") { i2d_PUBKEY(publicKey, $0) }
            guard Secp256k1PublicKey.parse(info) != nil else {
                throw .unsupportedCurve(found: "(the CSR's key is not an uncompressed or compressed secp256k1 key)")
            }
            guard X509_REQ_verify(csr, publicKey) == 1 else {
                throw .invalidCSR(reason: "self-signature does not verify (\(OpenSSLErrors.drain()))")
            }
        }
        return request
    }
}
