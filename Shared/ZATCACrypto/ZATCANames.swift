import COpenSSL

/// Builds the OpenSSL names and extensions a ZATCA CSR and certificate carry.
///
/// Every function returns a newly allocated OpenSSL object the caller must free.
enum ZATCANames {
    /// The certificate template name extension's OID (Microsoft's szOID_ENROLL_CERTTYPE).
    static let templateNameOID = "1.3.6.1.4.1.311.20.2"

    /// Subject `C, OU, O, CN`: C as PrintableString, the rest as UTF8String (Arabic-safe).
    /// Caller frees with `X509_NAME_free`.
    static func subject(for request: CSRRequest) throws(CryptoError) -> OpaquePointer {
        try name([
            (NID_countryName, request.country, V_ASN1_PRINTABLESTRING),
            (NID_organizationalUnitName, request.organizationUnit, V_ASN1_UTF8STRING),
            (NID_organizationName, request.organizationName, V_ASN1_UTF8STRING),
            (NID_commonName, request.commonName, V_ASN1_UTF8STRING),
        ])
    }

    /// The subjectAltName extension: one directoryName with SN (surname, 2.5.4.4, the EGS
    /// serial), UID, title, registeredAddress and businessCategory, all UTF8String.
    /// Caller frees with `X509_EXTENSION_free`.
    static func subjectAlternativeName(for request: CSRRequest) throws(CryptoError) -> OpaquePointer {
        let directory = try name([
            (NID_surname, request.serialNumber, V_ASN1_UTF8STRING),
            (NID_userId, request.vatNumber, V_ASN1_UTF8STRING),
            (NID_title, request.invoiceTypes, V_ASN1_UTF8STRING),
            (NID_registeredAddress, request.registeredAddress, V_ASN1_UTF8STRING),
            (NID_businessCategory, request.businessCategory, V_ASN1_UTF8STRING),
        ])
        guard let generalName = einvoice_GENERAL_NAME_new_dirname(directory) else {
            X509_NAME_free(directory)
            throw OpenSSLErrors.failure("build the directoryName")
        }
        guard let names = einvoice_sk_GENERAL_NAME_new_null() else {
            GENERAL_NAME_free(generalName)
            throw OpenSSLErrors.failure("build the subjectAltName")
        }
        defer { einvoice_GENERAL_NAMES_free(names) }
        guard einvoice_sk_GENERAL_NAME_push(names, generalName) > 0 else {
            GENERAL_NAME_free(generalName)
            throw OpenSSLErrors.failure("build the subjectAltName")
        }
        guard let extensionObject = X509V3_EXT_i2d(NID_subject_alt_name, 0, UnsafeMutableRawPointer(names)) else {
            throw OpenSSLErrors.failure("encode the subjectAltName")
        }
        return extensionObject
    }

    /// The certificate template name extension, its value a PrintableString.
    /// Caller frees with `X509_EXTENSION_free`.
    static func templateName(for environment: ZATCAEnvironment) throws(CryptoError) -> OpaquePointer {
        let value = Array(environment.certificateTemplateName.utf8)
        guard let printable = ASN1_STRING_type_new(V_ASN1_PRINTABLESTRING) else {
            throw OpenSSLErrors.failure("allocate a PrintableString")
        }
        defer { ASN1_STRING_free(printable) }
        guard ASN1_STRING_set(printable, value, Int32(value.count)) == 1 else {
            throw OpenSSLErrors.failure("set the template name")
        }
        let encoded = try OpenSSLCoding.encodeDER("encode the template name") {
            i2d_ASN1_PRINTABLESTRING(printable, $0)
        }
        guard let octets = ASN1_OCTET_STRING_new() else { throw OpenSSLErrors.failure("allocate an OCTET STRING") }
        defer { ASN1_OCTET_STRING_free(octets) }
        guard ASN1_OCTET_STRING_set(octets, encoded, Int32(encoded.count)) == 1,
              let oid = OBJ_txt2obj(templateNameOID, 1)
        else { throw OpenSSLErrors.failure("build the template name extension") }
        defer { ASN1_OBJECT_free(oid) }
        guard let extensionObject = X509_EXTENSION_create_by_OBJ(nil, oid, 0, octets) else {
            throw OpenSSLErrors.failure("build the template name extension")
        }
        return extensionObject
    }

    /// Whether an extension is one a ZATCA CSR carries (subjectAltName or template name).
    static func isZATCARequestExtension(_ extensionObject: OpaquePointer) -> Bool {
        guard let object = X509_EXTENSION_get_object(extensionObject) else { return false }
        if OBJ_obj2nid(object) == NID_subject_alt_name { return true }
        var buffer = [CChar](repeating: 0, count: 64)
        let length = OBJ_obj2txt(&buffer, Int32(buffer.count), object, 1)  // 1: always dotted digits
        guard length > 0, Int(length) < buffer.count else { return false }
        let text = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text == templateNameOID
    }

    /// An X509_NAME with one single-valued RDN per entry, in order, each with the given
    /// ASN.1 string type (set directly, not left to OpenSSL's global string mask).
    private static func name(_ entries: [(Int32, String, Int32)]) throws(CryptoError) -> OpaquePointer {
        guard let name = X509_NAME_new() else { throw OpenSSLErrors.failure("allocate a name") }
        for (nid, value, type) in entries {
            let bytes = Array(value.utf8)
            guard X509_NAME_add_entry_by_NID(name, nid, type, bytes, Int32(bytes.count), -1, 0) == 1 else {
                X509_NAME_free(name)
                let field = OBJ_nid2sn(nid).map { String(cString: $0) } ?? "attribute"
                throw OpenSSLErrors.failure("add \(field) to a name")
            }
        }
        return name
    }
}
