import Foundation

/// Reads attributes from the start tag of a span.
public enum XMLAttributes {
    /// All attributes of the start tag, in document order, values unescaped.
    public static func all(inStartTagOf span: XMLSpan, text: UnsafeRawBufferPointer) -> [(name: String, value: String)] {
        all(inStartTag: span.start..<span.startTagEnd, text: text)
    }

    /// All attributes of the start tag at `tag` (from its `<` to just past its `>`).
    public static func all(inStartTag tag: Range<Int>, text: UnsafeRawBufferPointer) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        forEach(inStartTag: tag, text: text) { name, value in
            result.append((String(decoding: UnsafeRawBufferPointer(rebasing: text[name]), as: UTF8.self), unescaped(value, text: text)))
            return true
        }
        return result
    }

    /// The value of the attribute named `name` (as written, prefix included), unescaped; nil if
    /// the start tag has none. Reads the tag in place: only the value found becomes a string.
    public static func value(named name: StaticString, inStartTag tag: Range<Int>, text: UnsafeRawBufferPointer) -> String? {
        var found: String?
        forEach(inStartTag: tag, text: text) { attribute, value in
            guard attribute.count == name.utf8CodeUnitCount, memcmp(text.baseAddress! + attribute.lowerBound, name.utf8Start, attribute.count) == 0 else {
                return true
            }
            found = unescaped(value, text: text)
            return false
        }
        return found
    }

    public static func value(of name: String, inStartTagOf span: XMLSpan, text: UnsafeRawBufferPointer) -> String? {
        all(inStartTagOf: span, text: text).first { $0.name == name }?.value
    }

    private static func unescaped(_ value: Range<Int>, text: UnsafeRawBufferPointer) -> String {
        XMLEscaping.unescape(String(decoding: UnsafeRawBufferPointer(rebasing: text[value]), as: UTF8.self)[...])
    }

    /// Calls `body` with each attribute's name and raw value (between the quotes), in document
    /// order, until it returns false.
    private static func forEach(inStartTag tag: Range<Int>, text: UnsafeRawBufferPointer, _ body: (Range<Int>, Range<Int>) -> Bool) {
        var index = tag.lowerBound + 1
        let end = tag.upperBound
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        // Skip the element name.
        while index < end, !isSpace(text[index]), text[index] != UInt8(ascii: ">"), text[index] != UInt8(ascii: "/") { index += 1 }
        while index < end {
            while index < end, isSpace(text[index]) { index += 1 }
            let nameStart = index
            while index < end, text[index] != UInt8(ascii: "="), !isSpace(text[index]), text[index] != UInt8(ascii: ">"), text[index] != UInt8(ascii: "/") { index += 1 }
            guard index > nameStart else { break }
            let name = nameStart..<index
            while index < end, isSpace(text[index]) { index += 1 }
            guard index < end, text[index] == UInt8(ascii: "=") else { break }
            index += 1
            while index < end, isSpace(text[index]) { index += 1 }
            guard index < end, text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") else { break }
            let quote = text[index]
            index += 1
            let valueStart = index
            while index < end, text[index] != quote { index += 1 }
            guard index < end else { break }
            guard body(name, valueStart..<index) else { return }
            index += 1
        }
    }
}
