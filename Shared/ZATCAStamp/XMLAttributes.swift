import Foundation

/// Reads attributes from the start tag of a span.
enum XMLAttributes {
    /// All attributes of the start tag, in document order, values unescaped.
    static func all(inStartTagOf span: XMLSpan, text: UnsafeRawBufferPointer) -> [(name: String, value: String)] {
        let tag = String(decoding: UnsafeRawBufferPointer(rebasing: text[span.start..<span.startTagEnd]), as: UTF8.self)
        var result: [(String, String)] = []
        var rest = tag.dropFirst().drop { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "\r" && $0 != ">" && $0 != "/" }
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard let equals = rest.firstIndex(of: "="), !rest.hasPrefix(">"), !rest.hasPrefix("/") else { break }
            let name = rest[..<equals].trimmingCharacters()
            rest = rest[rest.index(after: equals)...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { break }
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: quote) else { break }
            result.append((name, XMLEscaping.unescape(rest[..<close])))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    static func value(of name: String, inStartTagOf span: XMLSpan, text: UnsafeRawBufferPointer) -> String? {
        all(inStartTagOf: span, text: text).first { $0.name == name }?.value
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.reversed())
    }
}
