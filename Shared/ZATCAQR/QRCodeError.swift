/// Everything that can go wrong while building, encoding, decoding or rendering a ZATCA QR code.
///
/// Each case carries enough context (tag number, byte counts, a reason) for its
/// ``description`` to be shown to an operator or logged without further lookup.
public enum QRCodeError: Error, CustomStringConvertible, Sendable, Hashable {
    /// A field's value does not fit the TLV length byte: ZATCA's QR format allows at most
    /// ``QRCodeTLV/maximumValueLength`` (255) bytes per field. Long Arabic seller names
    /// (two UTF-8 bytes per letter) are the usual cause.
    case valueTooLong(tag: UInt8, byteCount: Int)

    /// A field has an empty value where ZATCA requires one (for example an empty VAT number).
    case emptyValue(tag: UInt8)

    /// A field uses tag 0, which the TLV format reserves and decoders reject.
    case invalidTag(UInt8)

    /// The same tag appears more than once; ZATCA's QR payload holds each tag at most once.
    case duplicateTag(UInt8)

    /// Bytes or base64 text that are not a valid TLV payload; the string explains what is wrong.
    case malformed(String)

    /// The text handed to ``QRCodeImage/init(text:)`` is empty; a QR symbol needs at least one byte.
    case emptyText

    /// The text is larger than the biggest QR symbol (version 40) can hold at error correction level M.
    case textTooLongForQRCode(byteCount: Int, limit: Int)

    /// libqrencode refused to encode the text for another reason (the string is the C error).
    case encodingFailed(String)

    /// A sentence naming the problem, suitable for logs and API error messages.
    public var description: String {
        switch self {
        case .valueTooLong(let tag, let byteCount):
            "tag \(tag) (\(QRCodeTLV.tagName(tag))) is \(byteCount) bytes; "
                + "a QR field holds at most \(QRCodeTLV.maximumValueLength)"
        case .emptyValue(let tag):
            "tag \(tag) (\(QRCodeTLV.tagName(tag))) is empty; ZATCA requires a value"
        case .invalidTag(let tag):
            "tag \(tag) is not allowed in a QR payload; tags start at 1"
        case .duplicateTag(let tag):
            "tag \(tag) (\(QRCodeTLV.tagName(tag))) appears more than once in the QR payload"
        case .malformed(let reason):
            "malformed QR payload: \(reason)"
        case .emptyText:
            "cannot draw a QR code for empty text"
        case .textTooLongForQRCode(let byteCount, let limit):
            "text is \(byteCount) bytes; a QR code at error correction level M holds at most \(limit)"
        case .encodingFailed(let reason):
            "QR encoding failed: \(reason)"
        }
    }
}
