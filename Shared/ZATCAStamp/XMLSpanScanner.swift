import Foundation

/// A small, strict scanner that finds the element spans of an XML document.
///
/// It refuses what einvoice never accepts (a DOCTYPE, and with it entity declarations) and
/// anything malformed, without ever expanding or fetching anything. It does not check
/// everything a full parser does; documents that matter are also parsed by libxml2.
public enum XMLSpanScanner {
    public static let maxDepth = 256

    /// The root element's span.
    public static func scan(_ bytes: UnsafeRawBufferPointer) throws(XMLStampError) -> XMLSpan {
        var cursor = Cursor(bytes: bytes)
        try cursor.skipMisc(beforeRoot: true)
        guard cursor.peek() == UInt8(ascii: "<") else { throw .malformed("the document has no root element") }
        var root: XMLSpan?
        var stack: [XMLSpan] = []
        while true {
            if stack.isEmpty, root != nil { break }
            if stack.isEmpty {
                let (span, closed) = try cursor.startTag()
                if closed { root = span } else { stack.append(span) }
                continue
            }
            guard let byte = cursor.peek() else { throw .malformed("the document ends inside <\(stack.last!.name)>") }
            if byte != UInt8(ascii: "<") {
                cursor.skipText()
                continue
            }
            if cursor.hasPrefix("<!--") {
                try cursor.skip(past: "-->", what: "comment")
            } else if cursor.hasPrefix("<![CDATA[") {
                try cursor.skip(past: "]]>", what: "CDATA section")
            } else if cursor.hasPrefix("<?") {
                try cursor.skip(past: "?>", what: "processing instruction")
            } else if cursor.hasPrefix("<!") {
                throw .malformed("unexpected markup declaration at byte \(cursor.offset)")
            } else if cursor.hasPrefix("</") {
                let contentEnd = cursor.offset
                let name = try cursor.endTag()
                var closed = stack.removeLast()
                guard closed.name == name else {
                    throw .malformed("</\(name)> at byte \(contentEnd) closes <\(closed.name)>")
                }
                closed.contentEnd = contentEnd
                closed.end = cursor.offset
                if stack.isEmpty { root = closed } else { stack[stack.count - 1].children.append(closed) }
            } else {
                guard stack.count < maxDepth else { throw .malformed("elements are nested deeper than \(maxDepth)") }
                let (span, closed) = try cursor.startTag()
                if closed { stack[stack.count - 1].children.append(span) } else { stack.append(span) }
            }
        }
        try cursor.skipMisc(beforeRoot: false)
        guard cursor.atEnd else { throw .malformed("content after the root element at byte \(cursor.offset)") }
        return root!
    }

    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        var atEnd: Bool { offset >= bytes.count }

        func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

        func hasPrefix(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard offset + count <= bytes.count else { return false }
            let pointer = text.utf8Start
            for i in 0..<count where bytes[offset + i] != pointer[i] { return false }
            return true
        }

        mutating func skip(past terminator: StaticString, what: String) throws(XMLStampError) {
            let start = offset
            while !atEnd {
                if hasPrefix(terminator) {
                    offset += terminator.utf8CodeUnitCount
                    return
                }
                offset += 1
            }
            throw .malformed("unterminated \(what) at byte \(start)")
        }

        mutating func skipText() {
            while let byte = peek(), byte != UInt8(ascii: "<") { offset += 1 }
        }

        mutating func skipWhitespace() {
            while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { offset += 1 }
        }

        /// Skips whitespace, comments and processing instructions outside the root.
        mutating func skipMisc(beforeRoot: Bool) throws(XMLStampError) {
            if beforeRoot, offset == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
            while true {
                skipWhitespace()
                if hasPrefix("<?") {
                    try skip(past: "?>", what: "processing instruction")
                } else if hasPrefix("<!--") {
                    try skip(past: "-->", what: "comment")
                } else if hasPrefix("<!DOCTYPE") || hasPrefix("<!doctype") {
                    throw .forbiddenDTD
                } else if hasPrefix("<!") {
                    throw .malformed("unexpected markup declaration at byte \(offset)")
                } else {
                    return
                }
            }
        }

        static func isNameByte(_ byte: UInt8) -> Bool {
            !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
        }

        mutating func name() throws(XMLStampError) -> String {
            let start = offset
            while let byte = peek(), Self.isNameByte(byte) { offset += 1 }
            guard offset > start else { throw .malformed("a name is missing at byte \(start)") }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        }

        /// Reads a start tag at `<`; returns its span and whether it was an empty-element tag.
        mutating func startTag() throws(XMLStampError) -> (XMLSpan, Bool) {
            let start = offset
            offset += 1
            let name = try name()
            while true {
                skipWhitespace()
                guard let byte = peek() else { throw .malformed("the start tag <\(name)> at byte \(start) is not closed") }
                if byte == UInt8(ascii: ">") {
                    offset += 1
                    return (XMLSpan(name: name, start: start, startTagEnd: offset, contentEnd: offset, end: offset, children: []), false)
                }
                if byte == UInt8(ascii: "/") {
                    guard offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: ">") else {
                        throw .malformed("stray '/' in <\(name)> at byte \(offset)")
                    }
                    offset += 2
                    return (XMLSpan(name: name, start: start, startTagEnd: offset, contentEnd: offset, end: offset, children: []), true)
                }
                _ = try self.name()
                skipWhitespace()
                guard peek() == UInt8(ascii: "=") else { throw .malformed("an attribute of <\(name)> has no value at byte \(offset)") }
                offset += 1
                skipWhitespace()
                guard let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw .malformed("an attribute value of <\(name)> is not quoted at byte \(offset)")
                }
                offset += 1
                while let byte = peek(), byte != quote {
                    guard byte != UInt8(ascii: "<") else { throw .malformed("'<' inside an attribute value at byte \(offset)") }
                    offset += 1
                }
                guard !atEnd else { throw .malformed("an attribute value of <\(name)> is not closed") }
                offset += 1
            }
        }

        mutating func endTag() throws(XMLStampError) -> String {
            offset += 2
            let name = try name()
            skipWhitespace()
            guard peek() == UInt8(ascii: ">") else { throw .malformed("the end tag </\(name)> is not closed") }
            offset += 1
            return name
        }
    }
}
