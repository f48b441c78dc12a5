import Foundation
import NotificationContract

/// Writes an e-mail as MIME (RFC 5322, 2045–2047, 2231): Arabic subjects as UTF-8 encoded words,
/// bodies in base64, the invoice XML as an attachment whose Arabic file name mail readers show.
enum MIMEMessage {
    /// The message's bytes, lines ending in CRLF, ready for SMTP `DATA` (before dot-stuffing).
    static func render(_ email: EmailMessage, from: String, idempotencyKey: String, messageID: String, date: Date) -> [UInt8] {
        let boundary = "einvoice-mixed-\(messageID.prefix(16))"
        var lines: [String] = []
        lines.append("From: \(address(from))")
        lines.append(contentsOf: folded("To", email.to.enumerated().map { $0.offset < email.to.count - 1 ? "\($0.element)," : $0.element }))
        lines.append(contentsOf: folded("Subject", encodedWords(email.subject)))
        lines.append("Date: \(rfc5322(date))")
        lines.append("Message-ID: <\(messageID)>")
        lines.append("MIME-Version: 1.0")
        if let language = email.language { lines.append("Content-Language: \(language)") }
        lines.append("X-Einvoice-Idempotency-Key: \(idempotencyKey.filter { $0.isASCII && !$0.isNewline })")
        lines.append("Content-Type: multipart/mixed; boundary=\"\(boundary)\"")
        lines.append("")
        lines.append("This is a MIME message.")
        lines.append("--\(boundary)")
        if let html = email.html {
            let alternative = "einvoice-alt-\(messageID.prefix(16))"
            lines.append("Content-Type: multipart/alternative; boundary=\"\(alternative)\"")
            lines.append("")
            lines.append("--\(alternative)")
            lines.append(contentsOf: textPart(email.text, type: "text/plain", language: email.language))
            lines.append("--\(alternative)")
            lines.append(contentsOf: textPart(html, type: "text/html", language: email.language))
            lines.append("--\(alternative)--")
        } else {
            lines.append(contentsOf: textPart(email.text, type: "text/plain", language: email.language))
        }
        for attachment in email.attachments {
            lines.append("--\(boundary)")
            lines.append("Content-Type: \(attachment.contentType); name=\"\(encodedWords(attachment.filename).joined(separator: " "))\"")
            lines.append("Content-Disposition: attachment; filename*=UTF-8''\(rfc2231(attachment.filename))")
            lines.append("Content-Transfer-Encoding: base64")
            lines.append("")
            lines.append(contentsOf: base64Lines(attachment.data))
        }
        lines.append("--\(boundary)--")
        lines.append("")
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    private static func textPart(_ text: String, type: String, language: String?) -> [String] {
        var lines = ["Content-Type: \(type); charset=UTF-8"]
        if let language { lines.append("Content-Language: \(language)") }
        lines.append("Content-Transfer-Encoding: base64")
        lines.append("")
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        lines.append(contentsOf: base64Lines(Data(normalized.utf8)))
        return lines
    }

    /// `Name <address>` with a non-ASCII name as encoded words.
    static func address(_ text: String) -> String {
        let bare = EmailAddress.bare(text)
        guard let open = text.lastIndex(of: "<") else { return bare }
        let name = text[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard !name.isEmpty else { return bare }
        let shown = name.allSatisfy { $0.isASCII && !$0.isNewline } ? "\"\(name.replacingOccurrences(of: "\"", with: ""))\"" : encodedWords(name).joined(separator: " ")
        return "\(shown) <\(bare)>"
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words of at most 75 characters, never splitting a character;
    /// plain ASCII text without specials stays as it is.
    static func encodedWords(_ text: String) -> [String] {
        let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if clean.allSatisfy({ $0.isASCII }) && !clean.contains("=?") && clean.utf8.count <= 900 { return [clean] }
        // 75 - "=?UTF-8?B?".count - "?=".count = 63 base64 characters: 45 bytes of UTF-8.
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in clean {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk.append(contentsOf: bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words
    }

    /// A header whose value is a list of words, folded one word per line.
    private static func folded(_ name: String, _ words: [String]) -> [String] {
        guard let first = words.first else { return ["\(name): "] }
        return ["\(name): \(first)"] + words.dropFirst().map { " \($0)" }
    }

    /// RFC 2231 / 5987 percent-encoding of UTF-8.
    static func rfc2231(_ text: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        return text.utf8.map { allowed.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
    }

    private static func base64Lines(_ data: Data) -> [String] {
        let encoded = data.base64EncodedString()
        var lines: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines
    }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
