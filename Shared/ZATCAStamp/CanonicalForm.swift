import UBLXML
import Foundation

/// Recognizes a document region that canonical XML 1.1 (inclusive, without comments) would
/// reproduce byte for byte, so that its hash can be taken without a parse.
///
/// The check is deliberately narrow: it accepts the layout einvoice's own writer produces (and
/// any document that happens to share it) and refuses everything C14N would change — comments,
/// processing instructions, CDATA, carriage returns, character references, empty-element tags,
/// unsorted or single-quoted attributes, namespace declarations below the root, undeclared
/// prefixes, escapes C14N writes differently, control characters, invalid UTF-8. Anything it
/// refuses goes through libxml2. Tests prove that whenever it accepts, the hash equals
/// libxml2's.
enum CanonicalForm {
    /// Whether `bytes[root]` (the root element, from its `<` to the end of its end tag) is
    /// already in canonical form, and `bytes` outside it holds nothing C14N would keep.
    static func isCanonical(_ bytes: UnsafeRawBufferPointer, root: Range<Int>) -> Bool {
        guard prologIsDropped(bytes, before: root.lowerBound), trailerIsDropped(bytes, after: root.upperBound) else { return false }
        guard isValidUTF8(UnsafeRawBufferPointer(rebasing: bytes[root])) else { return false }
        var checker = Checker(bytes: bytes, index: root.lowerBound, end: root.upperBound)
        return checker.run()
    }

    /// Before the root: an optional UTF-8 BOM, an XML declaration declaring UTF-8 (or none), and
    /// whitespace. No comments or PIs (C14N would keep PIs; we keep it simple).
    private static func prologIsDropped(_ bytes: UnsafeRawBufferPointer, before start: Int) -> Bool {
        var index = 0
        if start >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        if start - index >= 5, bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "?") {
            var close = index
            while close + 1 < start, !(bytes[close] == UInt8(ascii: "?") && bytes[close + 1] == UInt8(ascii: ">")) { close += 1 }
            guard close + 1 < start else { return false }
            let declaration = UnsafeRawBufferPointer(rebasing: bytes[index..<(close + 2)])
            guard find("<?xml ", in: declaration) == 0,
                find("encoding=", in: declaration) == nil || find("encoding=\"UTF-8\"", in: declaration) != nil
                    || find("encoding='UTF-8'", in: declaration) != nil
            else { return false }
            index = close + 2
        }
        while index < start {
            guard isWhitespace(bytes[index]) else { return false }
            index += 1
        }
        return true
    }

    /// Where `needle` first occurs in `haystack`.
    private static func find(_ needle: StaticString, in haystack: UnsafeRawBufferPointer) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count <= haystack.count else { return nil }
        for start in 0...(haystack.count - count) where memcmp(haystack.baseAddress! + start, needle.utf8Start, count) == 0 {
            return start
        }
        return nil
    }

    /// Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF), checked
    /// in place: `String(validating:)` would copy the document into a new string first.
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight ASCII bytes at a time.
            if index + 8 <= count, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            func continuation(_ offset: Int) -> Bool { index + offset < count && bytes[index + offset] & 0xC0 == 0x80 }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                index += 2
            case 0xE0...0xEF:
                guard continuation(1), continuation(2) else { return false }
                let second = bytes[index + 1]
                if lead == 0xE0, second < 0xA0 { return false }  // overlong
                if lead == 0xED, second > 0x9F { return false }  // surrogate
                // U+FFFE and U+FFFF: not XML characters (libxml2 refuses them in C14N output).
                if lead == 0xEF, second == 0xBF, bytes[index + 2] >= 0xBE { return false }
                index += 3
            case 0xF0...0xF4:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                let second = bytes[index + 1]
                if lead == 0xF0, second < 0x90 { return false }  // overlong
                if lead == 0xF4, second > 0x8F { return false }  // past U+10FFFF
                index += 4
            default:
                return false
            }
        }
        return true
    }

    private static func trailerIsDropped(_ bytes: UnsafeRawBufferPointer, after end: Int) -> Bool {
        (end..<bytes.count).allSatisfy { isWhitespace(bytes[$0]) }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// ASCII name characters (anything else sends the document to libxml2).
    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    /// What each byte value may be, as bit flags (a table lookup per byte: the checker reads
    /// every byte of every stamped document).
    private enum ByteClass {
        /// ASCII name characters (anything else sends the document to libxml2).
        static let name: UInt8 = 1
        /// Text C14N writes as it is: not `<`, `&`, `>`, a carriage return or another control.
        static let text: UInt8 = 2
        /// Attribute value bytes C14N writes as they are: not `"`, `&`, `<` or any control.
        static let attributeValue: UInt8 = 4

        nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
            let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
            for byte in 0...255 {
                let value = UInt8(byte)
                var flags: UInt8 = 0
                if CanonicalForm.isNameByte(value) { flags |= name }
                if value != UInt8(ascii: "<"), value != UInt8(ascii: "&"), value != UInt8(ascii: ">"), value >= 0x20 || value == 0x0A || value == 0x09 {
                    flags |= text
                }
                if value != UInt8(ascii: "\""), value != UInt8(ascii: "&"), value != UInt8(ascii: "<"), value >= 0x20 { flags |= attributeValue }
                table[byte] = flags
            }
            return UnsafePointer(table)
        }()
    }

    private struct Checker {
        let bytes: UnsafeRawBufferPointer
        let classes = ByteClass.table
        var index: Int
        let end: Int
        var depth = 0
        /// Prefixes declared on the root, as byte ranges.
        var prefixes: [Range<Int>] = []

        mutating func run() -> Bool {
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    guard index + 1 < end else { return false }
                    let next = bytes[index + 1]
                    if next == UInt8(ascii: "/") {
                        guard endTag() else { return false }
                    } else if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                        return false  // comment, CDATA, PI, declaration
                    } else {
                        guard startTag() else { return false }
                    }
                } else if byte == UInt8(ascii: "&") {
                    guard entity(inAttribute: false) else { return false }
                } else if byte == UInt8(ascii: ">") || byte == 0x0D || (byte < 0x20 && byte != 0x0A && byte != 0x09) {
                    return false
                } else {
                    index += 1
                    while index < end, classes[Int(bytes[index])] & ByteClass.text != 0 { index += 1 }
                }
            }
            return depth == 0
        }

        /// `&amp;` and `&lt;` anywhere; `&gt;` in text; `&quot;` in attributes: the escapes
        /// C14N itself writes there.
        mutating func entity(inAttribute: Bool) -> Bool {
            func matches(_ text: StaticString) -> Bool {
                let count = text.utf8CodeUnitCount
                guard index + count <= end else { return false }
                return memcmp(bytes.baseAddress! + index, text.utf8Start, count) == 0
            }
            for candidate: StaticString in inAttribute ? ["&amp;", "&lt;", "&quot;"] : ["&amp;", "&lt;", "&gt;"] where matches(candidate) {
                index += candidate.utf8CodeUnitCount
                return true
            }
            return false
        }

        /// Skips a name of ASCII name characters; returns its range, or nil.
        mutating func name() -> Range<Int>? {
            let start = index
            while index < end, classes[Int(bytes[index])] & ByteClass.name != 0 { index += 1 }
            guard index > start else { return nil }
            let first = bytes[start]
            guard !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")), first != UInt8(ascii: "-"), first != UInt8(ascii: ".") else { return nil }
            return start..<index
        }

        func colon(in range: Range<Int>) -> Int? {
            range.first { bytes[$0] == UInt8(ascii: ":") }
        }

        func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            a.count == b.count && memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, a.count) == 0
        }

        func precedes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            let common = min(a.count, b.count)
            let order = memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, common)
            return order < 0 || (order == 0 && a.count < b.count)
        }

        func starts(_ range: Range<Int>, with text: StaticString) -> Bool {
            range.count >= text.utf8CodeUnitCount && memcmp(bytes.baseAddress! + range.lowerBound, text.utf8Start, text.utf8CodeUnitCount) == 0
        }

        /// `scheme:rest` of a plain kind: letters, digits, `: / . _ -` and at most one `#`
        /// (libxml2's C14N refuses relative namespace URIs and fails on some escapes and
        /// brackets; anything unusual goes to libxml2), and neither of the two reserved
        /// namespace URIs, whose declarations C14N drops or refuses.
        func isAbsoluteURI(_ value: Range<Int>) -> Bool {
            guard let first = value.first.map({ bytes[$0] | 0x20 }), first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"),
                let colon = value.first(where: { bytes[$0] == UInt8(ascii: ":") }), colon + 1 < value.upperBound
            else { return false }
            for i in value.lowerBound..<colon {
                let byte = bytes[i]
                let lower = byte | 0x20
                guard (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                else { return false }
            }
            // No colon in an authority (`scheme://host:port`): libxml2's C14N fails on some.
            if colon + 2 < value.upperBound, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") {
                for i in (colon + 3)..<value.upperBound {
                    let byte = bytes[i]
                    if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "#") { break }
                    if byte == UInt8(ascii: ":") { return false }
                }
            }
            var fragments = 0
            for i in value {
                let byte = bytes[i]
                if byte == UInt8(ascii: "#") {
                    fragments += 1
                } else if !(CanonicalForm.isNameByte(byte) || byte == UInt8(ascii: "/")) {
                    return false
                }
            }
            return fragments <= 1 && !equal(value, "http://www.w3.org/XML/1998/namespace") && !equal(value, "http://www.w3.org/2000/xmlns/")
        }

        func equal(_ range: Range<Int>, _ text: StaticString) -> Bool {
            range.count == text.utf8CodeUnitCount && starts(range, with: text)
        }

        mutating func startTag() -> Bool {
            index += 1
            guard let element = name() else { return false }
            var lastNamespace: Range<Int>?
            var lastAttribute: Range<Int>?
            while index < end {
                if bytes[index] == UInt8(ascii: ">") {
                    index += 1
                    break
                }
                // Exactly one space, then name="value".
                guard bytes[index] == UInt8(ascii: " ") else { return false }
                index += 1
                guard let attribute = name(), index + 1 < end, bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "\"") else { return false }
                index += 2
                let valueStart = index
                while index < end, bytes[index] != UInt8(ascii: "\"") {
                    if classes[Int(bytes[index])] & ByteClass.attributeValue != 0 {
                        index += 1
                    } else if bytes[index] == UInt8(ascii: "&") {
                        guard entity(inAttribute: true) else { return false }
                    } else {
                        return false
                    }
                }
                guard index < end else { return false }
                let value = valueStart..<index
                index += 1
                let isDefault = attribute.count == 5 && starts(attribute, with: "xmlns")
                if isDefault || starts(attribute, with: "xmlns:") {
                    // Namespace declarations: on the root only, absolute URIs, before the
                    // attributes, in C14N order (xmlns, then xmlns:a, xmlns:b, …).
                    guard depth == 0, lastAttribute == nil, isAbsoluteURI(value) else { return false }
                    if let last = lastNamespace, !precedes(last, attribute) { return false }
                    lastNamespace = attribute
                    if !isDefault {
                        // A plain prefix: not empty, no colon, not reserved (`xml…` in any case).
                        let prefix = (attribute.lowerBound + 6)..<attribute.upperBound
                        guard !prefix.isEmpty, colon(in: prefix) == nil else { return false }
                        if prefix.count >= 3, bytes[prefix.lowerBound] | 0x20 == UInt8(ascii: "x"), bytes[prefix.lowerBound + 1] | 0x20 == UInt8(ascii: "m"),
                            bytes[prefix.lowerBound + 2] | 0x20 == UInt8(ascii: "l")
                        {
                            return false
                        }
                        prefixes.append(prefix)
                    }
                } else {
                    // Plain attributes only (a prefixed one sorts by namespace URI), by name.
                    guard colon(in: attribute) == nil else { return false }
                    if let last = lastAttribute, !precedes(last, attribute) { return false }
                    lastAttribute = attribute
                }
            }
            if let colon = colon(in: element) {
                let prefix = element.lowerBound..<colon
                // One colon at most: `<cbc:Note:x>` is not namespace-well-formed.
                guard prefixes.contains(where: { equal($0, prefix) }), self.colon(in: (colon + 1)..<element.upperBound) == nil else { return false }
            }
            depth += 1
            return true
        }

        mutating func endTag() -> Bool {
            index += 2
            guard name() != nil, index < end, bytes[index] == UInt8(ascii: ">") else { return false }
            index += 1
            depth -= 1
            return depth >= 0
        }
    }
}
