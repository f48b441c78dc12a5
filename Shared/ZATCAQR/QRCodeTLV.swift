import Foundation

/// The payload of a ZATCA Phase 2 invoice QR code: a sequence of tag-length-value fields.
///
/// ZATCA encodes each field as one tag byte, one length byte and the value bytes, concatenates
/// the fields and base64-encodes the result; that base64 text is what the QR symbol carries and
/// what the UBL invoice embeds as `cac:AdditionalDocumentReference[ID=QR]`. Because the length
/// is a single byte, a value can be at most 255 bytes long (counted in UTF-8 bytes, not characters).
public struct QRCodeTLV: Sendable, Hashable {
    /// One tag-length-value entry. The length is implied by `value.count` when encoding.
    public struct Field: Sendable, Hashable {
        /// The field's tag (1 to 9 for the fields ZATCA defines, see ``QRCodeTLV/tagName(_:)``).
        public var tag: UInt8
        /// The raw value bytes: UTF-8 text for tags 1–7, DER bytes for tags 8 and 9.
        public var value: [UInt8]

        /// A field with raw bytes, as used for the public key (tag 8) and certificate signature (tag 9).
        public init(tag: UInt8, value: [UInt8]) {
            self.tag = tag
            self.value = value
        }

        /// A text field; the value is the UTF-8 encoding of `text`.
        public init(tag: UInt8, text: String) {
            self.init(tag: tag, value: Array(text.utf8))
        }
    }

    /// The largest value, in bytes, that one field can carry (the length is a single byte).
    public static let maximumValueLength = 255

    /// The fields in payload order.
    public var fields: [Field]

    /// A payload made of `fields`, kept in the given order. Nothing is validated here;
    /// ``encoded()`` checks tags and lengths.
    public init(fields: [Field]) {
        self.fields = fields
    }

    /// The QR payload ZATCA requires for a Phase 2 invoice (tags 1–8, plus 9 when given).
    ///
    /// - Parameters:
    ///   - sellerName: The seller's registered name (tag 1).
    ///   - vatNumber: The seller's 15-digit VAT registration number (tag 2).
    ///   - timestamp: Issue date and time, e.g. `2022-09-07T12:21:28` (tag 3).
    ///   - totalWithVAT: Invoice total including VAT, as printed on the invoice (tag 4).
    ///   - vatTotal: VAT total (tag 5).
    ///   - invoiceHash: The base64 text of the invoice's SHA-256 hash (tag 6); its text is stored, not the decoded bytes.
    ///   - signature: The base64 text of the ECDSA invoice signature (tag 7), likewise stored as text.
    ///   - publicKey: The DER `SubjectPublicKeyInfo` bytes of the signing key (tag 8).
    ///   - certificateSignature: The DER signature bytes of the CSID certificate (tag 9);
    ///     simplified invoices carry it, `nil` leaves the tag out.
    /// - Throws: ``QRCodeError/emptyValue(tag:)`` for a missing value and
    ///   ``QRCodeError/valueTooLong(tag:byteCount:)`` for a value over 255 bytes, so a bad
    ///   invoice is rejected when the payload is built rather than when it is encoded.
    public static func invoice(
        sellerName: String,
        vatNumber: String,
        timestamp: String,
        totalWithVAT: String,
        vatTotal: String,
        invoiceHash: String,
        signature: String,
        publicKey: [UInt8],
        certificateSignature: [UInt8]?
    ) throws(QRCodeError) -> QRCodeTLV {
        var fields = [
            Field(tag: 1, text: sellerName),
            Field(tag: 2, text: vatNumber),
            Field(tag: 3, text: timestamp),
            Field(tag: 4, text: totalWithVAT),
            Field(tag: 5, text: vatTotal),
            Field(tag: 6, text: invoiceHash),
            Field(tag: 7, text: signature),
            Field(tag: 8, value: publicKey),
        ]
        if let certificateSignature {
            fields.append(Field(tag: 9, value: certificateSignature))
        }
        for field in fields {
            if field.value.isEmpty { throw .emptyValue(tag: field.tag) }
            if field.value.count > maximumValueLength {
                throw .valueTooLong(tag: field.tag, byteCount: field.value.count)
            }
        }
        return QRCodeTLV(fields: fields)
    }

    /// The TLV bytes: for each field its tag byte, its length in bytes, then its value.
    ///
    /// - Throws: ``QRCodeError/invalidTag(_:)`` for tag 0, ``QRCodeError/duplicateTag(_:)`` when a
    ///   tag repeats, ``QRCodeError/valueTooLong(tag:byteCount:)`` when a value exceeds 255 bytes.
    public func encoded() throws(QRCodeError) -> [UInt8] {
        // A bit per tag value (this runs for every stamped invoice).
        var seen = SIMD4<UInt64>()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(0) { $0 + 2 + $1.value.count })
        for field in fields {
            guard field.tag != 0 else { throw .invalidTag(0) }
            let (word, bit) = (Int(field.tag >> 6), UInt64(1) << (field.tag & 63))
            guard seen[word] & bit == 0 else { throw .duplicateTag(field.tag) }
            seen[word] |= bit
            guard let length = UInt8(exactly: field.value.count) else {
                throw .valueTooLong(tag: field.tag, byteCount: field.value.count)
            }
            bytes.append(field.tag)
            bytes.append(length)
            bytes.append(contentsOf: field.value)
        }
        return bytes
    }

    /// The base64 text of ``encoded()``: the string placed in the QR symbol and in the invoice XML.
    public func base64() throws(QRCodeError) -> String {
        Data(try encoded()).base64EncodedString()
    }

    /// Decodes a payload from its base64 text, as found in an invoice's QR reference.
    ///
    /// Whitespace (spaces, tabs, line breaks) is ignored, since XML pretty-printers wrap long
    /// base64; any other non-base64 character is an error.
    /// - Throws: ``QRCodeError/malformed(_:)`` when the text is not base64 or not a valid TLV payload.
    public init(base64: String) throws(QRCodeError) {
        let compact = String(base64.unicodeScalars.filter { !Self.isBase64Whitespace($0) })
        guard !compact.isEmpty else { throw .malformed("the base64 text is empty") }
        guard let data = Data(base64Encoded: compact) else {
            throw .malformed("the text is not valid base64")
        }
        try self.init(bytes: Array(data))
    }

    /// Decodes a payload from its TLV bytes.
    ///
    /// - Throws: ``QRCodeError/malformed(_:)`` for empty or truncated input, tag 0, or a tag that
    ///   appears twice. Unknown tags above 9 are kept, so newer payloads still decode.
    public init(bytes: [UInt8]) throws(QRCodeError) {
        guard !bytes.isEmpty else { throw .malformed("there are no bytes") }
        var fields: [Field] = []
        var seen = Set<UInt8>()
        var offset = 0
        while offset < bytes.count {
            let tag = bytes[offset]
            guard tag != 0 else { throw .malformed("tag 0 at byte \(offset) is not a valid tag") }
            guard offset + 1 < bytes.count else {
                throw .malformed("truncated: tag \(tag) at byte \(offset) has no length byte")
            }
            let length = Int(bytes[offset + 1])
            let start = offset + 2
            let available = bytes.count - start
            guard length <= available else {
                throw .malformed(
                    "truncated: tag \(tag) at byte \(offset) declares \(length) bytes but only \(available) remain")
            }
            guard seen.insert(tag).inserted else {
                throw .malformed("tag \(tag) appears again at byte \(offset)")
            }
            fields.append(Field(tag: tag, value: Array(bytes[start..<start + length])))
            offset = start + length
        }
        self.init(fields: fields)
    }

    /// The value of `tag` decoded as UTF-8 text, or `nil` if the tag is absent or not valid UTF-8.
    public func text(_ tag: UInt8) -> String? {
        bytes(tag).flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// The raw value bytes of `tag`, or `nil` if the tag is absent.
    public func bytes(_ tag: UInt8) -> [UInt8]? {
        fields.first { $0.tag == tag }?.value
    }

    /// A short English name for a ZATCA QR tag, used in error messages and logs.
    public static func tagName(_ tag: UInt8) -> String {
        switch tag {
        case 1: "seller name"
        case 2: "VAT registration number"
        case 3: "timestamp"
        case 4: "invoice total with VAT"
        case 5: "VAT total"
        case 6: "invoice hash"
        case 7: "ECDSA signature"
        case 8: "ECDSA public key"
        case 9: "certificate signature"
        default: "unknown tag"
        }
    }

    private static func isBase64Whitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
}
