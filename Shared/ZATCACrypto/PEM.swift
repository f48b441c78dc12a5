import Foundation

/// PEM armour and bare base64, the two ways keys and certificates reach this module.
///
/// ZATCA's SDK ships its test key and certificate as bare base64 of the DER, with no
/// `-----BEGIN …-----` lines, so decoding accepts both forms.
enum PEM {
    /// A decoded document: the armour label (`nil` for bare base64) and the DER bytes.
    struct Document {
        let label: String?
        let der: [UInt8]
    }

    /// Decodes the first PEM block in `text`, or `text` itself as bare base64.
    ///
    /// - Parameter what: names the document in error messages ("private key", "certificate").
    static func decode(_ text: String, what: String) throws(CryptoError) -> Document {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidEncoding(what: what, reason: "input is empty") }
        guard trimmed.hasPrefix("-----BEGIN ") else {
            guard !trimmed.contains("-----") else {
                throw .invalidEncoding(what: what, reason: "malformed PEM armour")
            }
            return Document(label: nil, der: try base64(trimmed, what: what))
        }
        let afterBegin = trimmed.dropFirst("-----BEGIN ".count)
        guard let labelEnd = afterBegin.range(of: "-----") else {
            throw .invalidEncoding(what: what, reason: "unterminated BEGIN line")
        }
        let label = String(afterBegin[..<labelEnd.lowerBound])
        let rest = afterBegin[labelEnd.upperBound...]
        guard let end = rest.range(of: "-----END \(label)-----") else {
            throw .invalidEncoding(what: what, reason: "no END line for \(label)")
        }
        let body = rest[..<end.lowerBound]
        if body.contains(":") {
            throw .invalidEncoding(what: what, reason: "PEM headers (legacy encrypted PEM) are not supported")
        }
        return Document(label: label, der: try base64(String(body), what: what))
    }

    /// Armours `der` under `label`, 64 base64 characters a line, with a trailing newline.
    static func encode(_ der: [UInt8], label: String) -> String {
        let text = Data(der).base64EncodedString()
        var lines: [Substring] = []
        var start = text.startIndex
        while start < text.endIndex {
            let end = text.index(start, offsetBy: 64, limitedBy: text.endIndex) ?? text.endIndex
            lines.append(text[start..<end])
            start = end
        }
        return "-----BEGIN \(label)-----\n" + lines.joined(separator: "\n") + "\n-----END \(label)-----\n"
    }

    /// Strict base64 decoding after removing whitespace and line breaks.
    private static func base64(_ text: String, what: String) throws(CryptoError) -> [UInt8] {
        let compact = text.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: compact), !data.isEmpty else {
            throw .invalidEncoding(what: what, reason: "not valid base64")
        }
        return [UInt8](data)
    }
}
