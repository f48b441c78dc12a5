import COpenSSL

extension SigningKey {
    /// Reads a private key from PEM or bare base64 DER.
    ///
    /// Accepts SEC1 (`-----BEGIN EC PRIVATE KEY-----`), unencrypted PKCS#8
    /// (`-----BEGIN PRIVATE KEY-----`) and bare base64 of either DER, which is how ZATCA's SDK
    /// ships its test key. Refuses keys that are not EC, are on another curve, or whose
    /// embedded public key does not match the private scalar.
    public init(pem: String) throws(CryptoError) {
        let document = try PEM.decode(pem, what: "private key")
        switch document.label {
        case nil, "EC PRIVATE KEY", "PRIVATE KEY":
            break
        case "ENCRYPTED PRIVATE KEY":
            throw .invalidKey(reason: "encrypted PKCS#8 keys are not supported; decrypt the key first")
        case let label?:
            throw .invalidEncoding(what: "private key", reason: "unexpected PEM label \"\(label)\"")
        }
        try self.init(der: document.der)
    }

    /// Reads a SEC1 or PKCS#8 private key from DER with OpenSSL and keeps its scalar.
    init(der: [UInt8]) throws(CryptoError) {
        OpenSSLErrors.clear()
        let decoded = OpenSSLCoding.decodeDER(der, release: { EVP_PKEY_free($0) }) { cursor, length in
            d2i_AutoPrivateKey(nil, cursor, length)
        }
        guard let key = decoded else {
            throw .invalidEncoding(
                what: "private key", reason: "not a SEC1 or PKCS#8 private key (\(OpenSSLErrors.drain()))")
        }
        defer { EVP_PKEY_free(key) }
        let type = EVP_PKEY_get_base_id(key)
        guard type == EVP_PKEY_EC else {
            let name = OBJ_nid2sn(type).map { String(cString: $0) } ?? "unknown"
            throw .invalidKey(reason: "key type \(name) is not EC; ZATCA requires secp256k1")
        }
        var nameBuffer = [CChar](repeating: 0, count: 80)
        var nameLength = 0
        guard EVP_PKEY_get_utf8_string_param(key, "group", &nameBuffer, nameBuffer.count, &nameLength) == 1 else {
            throw .unsupportedCurve(found: "(explicit or unnamed curve parameters)")
        }
        let curve = String(decoding: nameBuffer.prefix(nameLength).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard curve == "secp256k1" else { throw .unsupportedCurve(found: curve) }

        var privateNumber: OpaquePointer?
        guard EVP_PKEY_get_bn_param(key, "priv", &privateNumber) == 1, let privateNumber else {
            throw .invalidKey(reason: "no private scalar in the key (\(OpenSSLErrors.drain()))")
        }
        defer { BN_clear_free(privateNumber) }
        guard einvoice_BN_num_bytes(privateNumber) <= 32 else {
            throw .invalidKey(reason: "private scalar is longer than 32 bytes")
        }
        var scalar = [UInt8](repeating: 0, count: 32)
        defer { scalar.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
        guard BN_bn2binpad(privateNumber, &scalar, 32) == 32 else {
            throw .invalidKey(reason: "cannot export the private scalar (\(OpenSSLErrors.drain()))")
        }
        try self.init(rawRepresentation: scalar)

        var embedded = [UInt8](repeating: 0, count: 133)
        var embeddedLength = 0
        if EVP_PKEY_get_octet_string_param(key, "pub", &embedded, embedded.count, &embeddedLength) == 1 {
            let point = Secp256k1PublicKey.uncompressed(from: Array(embedded.prefix(embeddedLength)))
            guard point == publicKeyUncompressed else {
                throw .invalidKey(reason: "the embedded public key does not match the private key")
            }
        }
        OpenSSLErrors.clear()
    }

    /// The key as unencrypted PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), named curve secp256k1.
    public func pemPKCS8() throws(CryptoError) -> String {
        let key = try openSSLKey()
        guard let bio = BIO_new(BIO_s_mem()) else { throw OpenSSLErrors.failure("allocate a memory BIO") }
        // Memory BIOs clear their buffer when freed (BUF_MEM_free uses OPENSSL_clear_free).
        defer { BIO_free(bio) }
        let written = key.withPointer { pointer in
            PEM_write_bio_PKCS8PrivateKey(bio, pointer, nil, nil, 0, nil, nil)
        }
        guard written == 1 else { throw OpenSSLErrors.failure("write the PKCS#8 private key") }
        return String(decoding: OpenSSLCoding.contents(ofMemoryBIO: bio), as: UTF8.self)
    }

    /// This key as an OpenSSL `EVP_PKEY`, for signing CSRs and certificates; freed when the
    /// returned handle is released.
    ///
    /// Built by decoding a SEC1 `ECPrivateKey` assembled here (version 1, the scalar, named
    /// curve secp256k1, the uncompressed public point); the temporary DER is zeroed afterwards.
    /// (`OSSL_PARAM_BLD` would also work, but it keeps pointers to its inputs until
    /// `OSSL_PARAM_BLD_to_param`, which Swift's temporary string bridging does not guarantee.)
    func openSSLKey() throws(CryptoError) -> OpenSSLHandle {
        var der: [UInt8] = [0x30, 0x74, 0x02, 0x01, 0x01, 0x04, 0x20]
        der += rawRepresentation
        der += [0xA0, 0x07, 0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x0A, 0xA1, 0x44, 0x03, 0x42, 0x00]
        der += publicKeyUncompressed
        defer { der.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
        OpenSSLErrors.clear()
        let decoded = OpenSSLCoding.decodeDER(der, release: { EVP_PKEY_free($0) }) { cursor, length in
            d2i_PrivateKey(EVP_PKEY_EC, nil, cursor, length)
        }
        guard let key = decoded else { throw OpenSSLErrors.failure("import the secp256k1 key") }
        return OpenSSLHandle(taking: key) { EVP_PKEY_free($0) }
    }
}
