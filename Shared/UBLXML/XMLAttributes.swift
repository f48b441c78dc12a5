/// Reads attributes from the start tag of a span.
public enum XMLAttributes {
    /// All attributes of the start tag, in document order, values unescaped.
    public static func all(inStartTagOf span: XMLSpan, text: UnsafeRawBufferPointer) -> [(name: String, value: String)] {
        all(inStartTag: span.start..<span.startTagEnd, text: text)
    }

    /// All attributes of the start tag at `tag` (from its `<` to just past its `>`).
    public static func all(inStartTag tag: Range<Int>, text: UnsafeRawBufferPointer) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
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
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: text[nameStart..<index]), as: UTF8.self)
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
            let raw = String(decoding: UnsafeRawBufferPointer(rebasing: text[valueStart..<index]), as: UTF8.self)
            result.append((name, XMLEscaping.unescape(raw[...])))
            index += 1
        }
        return result
    }

    public static func value(of name: String, inStartTagOf span: XMLSpan, text: UnsafeRawBufferPointer) -> String? {
        all(inStartTagOf: span, text: text).first { $0.name == name }?.value
    }
}
