import Foundation

/// The elements of an XML document as one flat array of offsets: where each element's tags
/// start and end, its name, and its place in the tree (parent, first child, next sibling).
///
/// It is what ``XMLSpanScanner`` reads a document into, and what the stamp path reads directly:
/// one array allocation and no strings, however large the document. Element 0 is the root.
/// Scanning refuses what einvoice never accepts (a DOCTYPE, and with it entity declarations) and
/// anything malformed, without ever expanding or fetching anything.
public struct XMLIndex: Sendable {
    public static let maxDepth = 256

    /// One element. Offsets are byte offsets into the scanned document.
    public struct Element: Sendable {
        /// The `<` of the start tag.
        public var start: Int32
        /// Just past the `>` of the start tag.
        public var startTagEnd: Int32
        /// The `<` of the end tag (equal to `startTagEnd` for an empty-element tag).
        public var contentEnd: Int32
        /// Just past the `>` of the end tag.
        public var end: Int32
        /// Just past the qualified name (which starts at `start + 1`).
        public var nameEnd: Int32
        /// Where the local name starts (past the prefix's colon, if any).
        public var localStart: Int32
        public var parent: Int32
        public var firstChild: Int32 = -1
        public var nextSibling: Int32 = -1

        public var isEmptyElementTag: Bool { startTagEnd == end }
        public var nameRange: Range<Int> { Int(start + 1)..<Int(nameEnd) }
        public var localNameRange: Range<Int> { Int(localStart)..<Int(nameEnd) }
        public var contentRange: Range<Int> { Int(startTagEnd)..<Int(contentEnd) }
        public var range: Range<Int> { Int(start)..<Int(end) }
    }

    public private(set) var elements: [Element] = []

    /// Scans `bytes`; throws what makes it unreadable.
    public init(_ bytes: UnsafeRawBufferPointer) throws(XMLStampError) {
        guard bytes.count < Int(Int32.max) else { throw .tooLarge(bytes: bytes.count, limit: Int(Int32.max) - 1) }
        // Built in a local and stored at the end: every stamped document passes through here,
        // and a stored property costs an access check on each of the many writes.
        var elements: [Element] = []
        defer { self.elements = elements }
        elements.reserveCapacity(max(16, bytes.count / 48))
        var scanner = Scanner(bytes: bytes)
        try scanner.skipMisc(beforeRoot: true)
        guard scanner.peek() == UInt8(ascii: "<") else { throw .malformed("the document has no root element") }
        // Open elements, innermost last, with the last child appended to each.
        var open: [(element: Int32, lastChild: Int32)] = []
        open.reserveCapacity(32)
        func attach(_ child: Int32) {
            let top = open.count - 1
            let parent = open[top]
            if parent.lastChild < 0 {
                elements[Int(parent.element)].firstChild = child
            } else {
                elements[Int(parent.lastChild)].nextSibling = child
            }
            open[top].lastChild = child
        }
        let (root, rootClosed) = try scanner.startTag(parent: -1)
        elements.append(root)
        if !rootClosed { open.append((0, -1)) }
        while !open.isEmpty {
            guard let byte = scanner.peek() else {
                throw .malformed("the document ends inside <\(Self.name(of: elements[Int(open[open.count - 1].element)], in: bytes))>")
            }
            if byte != UInt8(ascii: "<") {
                scanner.skipText()
                continue
            }
            guard scanner.offset + 1 < bytes.count else { throw .malformed("the document ends inside a tag at byte \(scanner.offset)") }
            let next = bytes[scanner.offset + 1]
            if next == UInt8(ascii: "/") {
                let contentEnd = scanner.offset
                let closing = try scanner.endTag()
                let index = Int(open.removeLast().element)
                let opening = elements[index].nameRange
                guard closing.count == opening.count, memcmp(bytes.baseAddress! + closing.lowerBound, bytes.baseAddress! + opening.lowerBound, opening.count) == 0 else {
                    let closingName = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[closing]), as: UTF8.self)
                    throw .malformed("</\(closingName)> at byte \(contentEnd) closes <\(Self.name(of: elements[index], in: bytes))>")
                }
                elements[index].contentEnd = Int32(contentEnd)
                elements[index].end = Int32(scanner.offset)
            } else if next == UInt8(ascii: "!") {
                if scanner.hasPrefix("<!--") {
                    try scanner.skip(past: "-->", what: "comment")
                } else if scanner.hasPrefix("<![CDATA[") {
                    try scanner.skip(past: "]]>", what: "CDATA section")
                } else {
                    throw .malformed("unexpected markup declaration at byte \(scanner.offset)")
                }
            } else if next == UInt8(ascii: "?") {
                try scanner.skip(past: "?>", what: "processing instruction")
            } else {
                guard open.count < Self.maxDepth else { throw .malformed("elements are nested deeper than \(Self.maxDepth)") }
                let parent = open[open.count - 1].element
                let (element, closed) = try scanner.startTag(parent: parent)
                let index = Int32(elements.count)
                elements.append(element)
                attach(index)
                if !closed { open.append((index, -1)) }
            }
        }
        try scanner.skipMisc(beforeRoot: false)
        guard scanner.atEnd else { throw .malformed("content after the root element at byte \(scanner.offset)") }
    }

    // MARK: Reading

    /// The qualified name of element `index` (`cac:Signature`).
    public func name(_ index: Int, in bytes: UnsafeRawBufferPointer) -> String {
        Self.name(of: elements[index], in: bytes)
    }

    private static func name(of element: Element, in bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[element.nameRange]), as: UTF8.self)
    }

    /// Whether element `index`'s local name is `localName`.
    public func hasLocalName(_ index: Int, _ localName: StaticString, in bytes: UnsafeRawBufferPointer) -> Bool {
        let range = elements[index].localNameRange
        return range.count == localName.utf8CodeUnitCount && memcmp(bytes.baseAddress! + range.lowerBound, localName.utf8Start, range.count) == 0
    }

    /// The children of element `index`, in document order.
    public func children(of index: Int) -> Children { Children(elements: elements, first: elements[index].firstChild) }

    /// The first child of element `index` with this local name, whatever its prefix.
    public func first(_ localName: StaticString, in index: Int?, bytes: UnsafeRawBufferPointer) -> Int? {
        guard let index else { return nil }
        return children(of: index).first { hasLocalName($0, localName, in: bytes) }
    }

    /// The text between element `index`'s tags, unescaped and trimmed; nil for an empty element.
    public func text(_ index: Int, in bytes: UnsafeRawBufferPointer) -> String? {
        let element = elements[index]
        guard !element.isEmptyElementTag else { return nil }
        let raw = UnsafeRawBufferPointer(rebasing: bytes[element.contentRange])
        // References, CDATA sections, comments and processing instructions need unescaping.
        if !raw.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") }) {
            return String(decoding: raw, as: UTF8.self).trimmingWhitespace()
        }
        return XMLEscaping.unescape(String(decoding: raw, as: UTF8.self)[...]).trimmingWhitespace()
    }

    /// The children of one element, by index.
    public struct Children: Sequence {
        let elements: [Element]
        let first: Int32

        public func makeIterator() -> Iterator { Iterator(elements: elements, upcoming: first) }

        public struct Iterator: IteratorProtocol {
            let elements: [Element]
            var upcoming: Int32

            public mutating func next() -> Int? {
                guard upcoming >= 0 else { return nil }
                defer { upcoming = elements[Int(upcoming)].nextSibling }
                return Int(upcoming)
            }
        }
    }

    // MARK: Scanning

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        var atEnd: Bool { offset >= bytes.count }

        func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

        func hasPrefix(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            return offset + count <= bytes.count && memcmp(bytes.baseAddress! + offset, text.utf8Start, count) == 0
        }

        mutating func skip(past terminator: StaticString, what: String) throws(XMLStampError) {
            let start = offset
            let first = terminator.utf8Start[0]
            while offset < bytes.count {
                if bytes[offset] == first, hasPrefix(terminator) {
                    offset += terminator.utf8CodeUnitCount
                    return
                }
                offset += 1
            }
            throw .malformed("unterminated \(what) at byte \(start)")
        }

        mutating func skipText() {
            let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
            if let found = memchr(base + offset, Int32(UInt8(ascii: "<")), bytes.count - offset) {
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            } else {
                offset = bytes.count
            }
        }

        static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

        mutating func skipWhitespace() {
            while offset < bytes.count, Self.isWhitespace(bytes[offset]) { offset += 1 }
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

        @inline(__always)
        static func isNameByte(_ byte: UInt8) -> Bool {
            // Every byte that ends a name is at most '>' (0x3E): letters and UTF-8 pass at once.
            byte > 0x3E || !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
        }

        /// Skips a name; returns where it ends and where its local part starts.
        mutating func name() throws(XMLStampError) -> (end: Int, localStart: Int) {
            let start = offset
            var localStart = start
            while offset < bytes.count {
                let byte = bytes[offset]
                guard Self.isNameByte(byte) else { break }
                if byte == UInt8(ascii: ":") { localStart = offset + 1 }
                offset += 1
            }
            guard offset > start else { throw .malformed("a name is missing at byte \(start)") }
            return (offset, localStart)
        }

        func tagName(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(start + 1)..<end]), as: UTF8.self)
        }

        /// Reads a start tag at `<`; returns the element and whether it was an empty-element tag.
        mutating func startTag(parent: Int32) throws(XMLStampError) -> (Element, Bool) {
            let start = offset
            offset += 1
            let (nameEnd, localStart) = try name()
            func element(closed: Bool) -> Element {
                Element(
                    start: Int32(start), startTagEnd: Int32(offset), contentEnd: Int32(offset), end: Int32(offset),
                    nameEnd: Int32(nameEnd), localStart: Int32(localStart), parent: parent
                )
            }
            while true {
                skipWhitespace()
                guard offset < bytes.count else { throw .malformed("the start tag <\(tagName(start, nameEnd))> at byte \(start) is not closed") }
                let byte = bytes[offset]
                if byte == UInt8(ascii: ">") {
                    offset += 1
                    return (element(closed: false), false)
                }
                if byte == UInt8(ascii: "/") {
                    guard offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: ">") else {
                        throw .malformed("stray '/' in <\(tagName(start, nameEnd))> at byte \(offset)")
                    }
                    offset += 2
                    return (element(closed: true), true)
                }
                _ = try name()
                skipWhitespace()
                guard peek() == UInt8(ascii: "=") else { throw .malformed("an attribute of <\(tagName(start, nameEnd))> has no value at byte \(offset)") }
                offset += 1
                skipWhitespace()
                guard let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw .malformed("an attribute value of <\(tagName(start, nameEnd))> is not quoted at byte \(offset)")
                }
                offset += 1
                let base = bytes.baseAddress!
                let close = memchr(base + offset, Int32(quote), bytes.count - offset).map { UnsafeRawPointer($0) - base } ?? bytes.count
                if let less = memchr(base + offset, Int32(UInt8(ascii: "<")), close - offset) {
                    throw .malformed("'<' inside an attribute value at byte \(UnsafeRawPointer(less) - base)")
                }
                guard close < bytes.count else { throw .malformed("an attribute value of <\(tagName(start, nameEnd))> is not closed") }
                offset = close + 1
            }
        }

        /// Reads an end tag at `</`; returns its name's byte range.
        mutating func endTag() throws(XMLStampError) -> Range<Int> {
            offset += 2
            let start = offset
            let (end, _) = try name()
            skipWhitespace()
            guard peek() == UInt8(ascii: ">") else { throw .malformed("an end tag at byte \(start - 2) is not closed") }
            offset += 1
            return start..<end
        }
    }
}
