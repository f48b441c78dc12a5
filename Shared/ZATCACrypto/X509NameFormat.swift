import COpenSSL

/// Formats OpenSSL `X509_NAME`s the way ZATCA's XAdES `ds:X509IssuerName` expects.
///
/// ZATCA's SDK (Java) prints names like `CN=TSZEINVOICE-SubCA-1, DC=extgazt, DC=gov,
/// DC=local`: the RFC 2253 order (last RDN of the DER sequence first) with `", "` separators.
/// OpenSSL's `XN_FLAG_RFC2253` gives that order with bare `","`, and escapes every non-ASCII
/// byte as `\XX`, which would mangle Arabic. So the flags are assembled here: RFC 2253
/// escaping of special characters and control characters only, raw UTF-8 output, `", "`
/// between RDNs and `" + "` inside multi-valued RDNs, short names (`CN`, `DC`, `UID`, …),
/// unknown attributes as dotted OIDs with `#`-hex DER values.
enum X509NameFormat {
    /// The `X509_NAME_print_ex` flags described above.
    static let flags: UInt = {
        let stringFlags = ASN1_STRFLGS_ESC_2253 | ASN1_STRFLGS_ESC_CTRL | ASN1_STRFLGS_UTF8_CONVERT
            | ASN1_STRFLGS_DUMP_UNKNOWN | ASN1_STRFLGS_DUMP_DER
        let nameFlags = XN_FLAG_SEP_CPLUS_SPC | XN_FLAG_DN_REV | XN_FLAG_FN_SN | XN_FLAG_DUMP_UNKNOWN_FIELDS
        return UInt(stringFlags) | UInt(nameFlags)
    }()

    /// The name as one string; empty if OpenSSL cannot print it.
    static func string(_ name: OpaquePointer?) -> String {
        guard let name, let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        guard X509_NAME_print_ex(bio, name, 0, flags) >= 0 else {
            OpenSSLErrors.clear()
            return ""
        }
        return String(decoding: OpenSSLCoding.contents(ofMemoryBIO: bio), as: UTF8.self)
    }

    /// Each attribute's value keyed by short name (or dotted OID); the first of duplicates wins.
    static func attributes(_ name: OpaquePointer) -> [String: String] {
        var result: [String: String] = [:]
        for index in 0..<X509_NAME_entry_count(name) {
            guard let entry = X509_NAME_get_entry(name, index),
                  let object = X509_NAME_ENTRY_get_object(entry),
                  let value = OpenSSLCoding.string(X509_NAME_ENTRY_get_data(entry))
            else { continue }
            let key = shortName(object)
            if result[key] == nil { result[key] = value }
        }
        return result
    }

    /// OpenSSL's short name for an attribute type, or its dotted OID when it has none.
    static func shortName(_ object: OpaquePointer) -> String {
        let nid = OBJ_obj2nid(object)
        if nid != NID_undef, let name = OBJ_nid2sn(nid) {
            return String(cString: name)
        }
        var buffer = [CChar](repeating: 0, count: 128)
        let length = OBJ_obj2txt(&buffer, Int32(buffer.count), object, 1)
        guard length > 0 else { return "?" }
        return String(decoding: buffer.prefix(min(Int(length), buffer.count - 1)).map { UInt8(bitPattern: $0) },
                      as: UTF8.self)
    }
}
