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
                let range = try cursor.endTag()
                var closed = stack.removeLast()
                // The end tag's bytes must equal the start tag's name.
                let nameLength = closed.name.utf8.count
                let matches = range.count == nameLength && memcmp(bytes.baseAddress! + range.lowerBound, bytes.baseAddress! + closed.start + 1, nameLength) == 0
                guard matches else {
                    let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
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
        /// Names seen so far, so each distinct name becomes a String once per document: an
        /// open-addressing table of indices into `names`.
        private var names: [(hash: UInt32, start: Int, count: Int, name: String, localName: String)] = []
        private var slots = [Int32](repeating: -1, count: 512)

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        /// The (qualified, local) name for the bytes `start..<end`, interned.
        mutating func internedName(_ start: Int, _ end: Int) -> (String, String) {
            var hash: UInt32 = 2_166_136_261
            for i in start..<end { hash = (hash ^ UInt32(bytes[i])) &* 16_777_619 }
            let count = end - start
            let mask = slots.count - 1
            var slot = Int(hash) & mask
            while slots[slot] >= 0 {
                let candidate = names[Int(slots[slot])]
                if candidate.hash == hash, candidate.count == count,
                    memcmp(bytes.baseAddress! + candidate.start, bytes.baseAddress! + start, count) == 0
                {
                    return (candidate.name, candidate.localName)
                }
                slot = (slot + 1) & mask
            }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            var localStart = start
            for i in start..<end where bytes[i] == UInt8(ascii: ":") { localStart = i + 1 }
            let localName = localStart == start ? name : String(decoding: UnsafeRawBufferPointer(rebasing: bytes[localStart..<end]), as: UTF8.self)
            if names.count < slots.count / 2 {
                slots[slot] = Int32(names.count)
                names.append((hash, start, count, name, localName))
            }
            return (name, localName)
        }

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

        /// Skips a name; returns its byte range.
        mutating func nameRange() throws(XMLStampError) -> Range<Int> {
            let start = offset
            while let byte = peek(), Self.isNameByte(byte) { offset += 1 }
            guard offset > start else { throw .malformed("a name is missing at byte \(start)") }
            return start..<offset
        }

        /// Reads a start tag at `<`; returns its span and whether it was an empty-element tag.
        mutating func startTag() throws(XMLStampError) -> (XMLSpan, Bool) {
            let start = offset
            offset += 1
            let range = try nameRange()
            let (name, localName) = internedName(range.lowerBound, range.upperBound)
            while true {
                skipWhitespace()
                guard let byte = peek() else { throw .malformed("the start tag <\(name)> at byte \(start) is not closed") }
                if byte == UInt8(ascii: ">") {
                    offset += 1
                    return (XMLSpan(name: name, localName: localName, start: start, startTagEnd: offset, contentEnd: offset, end: offset, children: []), false)
                }
                if byte == UInt8(ascii: "/") {
                    guard offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: ">") else {
                        throw .malformed("stray '/' in <\(name)> at byte \(offset)")
                    }
                    offset += 2
                    return (XMLSpan(name: name, localName: localName, start: start, startTagEnd: offset, contentEnd: offset, end: offset, children: []), true)
                }
                _ = try nameRange()
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

        /// Reads an end tag; returns its name's byte range.
        mutating func endTag() throws(XMLStampError) -> Range<Int> {
            offset += 2
            let range = try nameRange()
            skipWhitespace()
            guard peek() == UInt8(ascii: ">") else { throw .malformed("an end tag at byte \(range.lowerBound - 2) is not closed") }
            offset += 1
            return range
        }
    }
}
