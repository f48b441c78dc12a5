/// Why a document could not be read, hashed, stamped or checked.
public enum XMLStampError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not well-formed XML.
    case malformed(String)
    /// A DOCTYPE: refused before anything in it is read, so entities are never expanded.
    case forbiddenDTD
    /// Larger than the configured limit.
    case tooLarge(bytes: Int, limit: Int)
    /// A part the operation needs is absent or unusable.
    case missingPart(String)
    /// The document is not one the stamp applies to.
    case unsupportedDocument(String)
    /// A value the stamp carries cannot be encoded (for example a QR field over 255 bytes).
    case invalidField(String)

    public var description: String {
        switch self {
        case .malformed(let reason): "The document is not well-formed XML: \(reason)."
        case .forbiddenDTD: "The document has a DOCTYPE; DTDs and entity declarations are refused."
        case .tooLarge(let bytes, let limit): "The document is \(bytes) bytes; the limit is \(limit) bytes."
        case .missingPart(let part): "The document lacks \(part)."
        case .unsupportedDocument(let reason): "The document cannot be stamped: \(reason)."
        case .invalidField(let reason): "A value of the stamp cannot be encoded: \(reason)"
        }
    }
}
