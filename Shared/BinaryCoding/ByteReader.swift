import Foundation

/// Bounds-checked reads from the input of one ``BinaryDecoder`` run.
///
/// Every offset handed around is validated against the end of the enclosing container before it
/// is dereferenced; a read past it is a `BinaryDecodingFailure`, never a trap.
final class ByteReader {
    let base: UnsafeRawBufferPointer
    let limits: BinaryDecodingLimits
    let userInfo: [CodingUserInfoKey: Any]
    /// The message's key table: where each key's UTF-8 bytes are.
    @exclusivity(unchecked) private(set) var keys: ContiguousArray<Range<Int>> = []
    /// Where the root value starts, after the key table.
    @exclusivity(unchecked) private(set) var bodyStart = 0

    init(base: UnsafeRawBufferPointer, limits: BinaryDecodingLimits, userInfo: [CodingUserInfoKey: Any]) {
        self.base = base
        self.limits = limits
        self.userInfo = userInfo
    }

    /// Reads the key table at the start of the message.
    func readKeyTable() throws(BinaryDecodingFailure) {
        var p = 0
        let count = try varint(at: &p, end: base.count)
        guard count <= UInt64(limits.maxElementCount), count <= UInt64(base.count - p) else {
            throw BinaryDecodingFailure("the key table claims \(count) keys in \(base.count - p) bytes")
        }
        keys.reserveCapacity(Int(count))
        for _ in 0..<count {
            keys.append(try lengthPrefixed(at: &p, end: base.count, limit: limits.maxStringLength, what: "key"))
        }
        bodyStart = p
    }

    /// The key-table index at `offset`, checked against the table.
    @inline(__always)
    func keyIndex(at offset: inout Int, end: Int) throws(BinaryDecodingFailure) -> Int {
        let start = offset
        let index = try varint(at: &offset, end: end)
        guard index < UInt64(keys.count) else {
            throw BinaryDecodingFailure("the key at byte \(start) refers to entry \(index) of a \(keys.count)-key table")
        }
        return Int(index)
    }

    var count: Int { base.count }

    @inline(__always)
    func byte(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> UInt8 {
        guard offset < end else { throw .truncated(at: offset) }
        return base[offset]
    }

    @inline(__always)
    func tag(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> BinaryTag {
        let raw = try byte(at: offset, end: end)
        guard let tag = BinaryTag(rawValue: raw) else {
            throw BinaryDecodingFailure("unknown type tag 0x\(String(raw, radix: 16)) at byte \(offset)")
        }
        return tag
    }

    /// Reads an unsigned LEB128 varint of at most 10 bytes.
    @inline(__always)
    func varint(at offset: inout Int, end: Int) throws(BinaryDecodingFailure) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte(at: offset, end: end)
            offset += 1
            if shift == 63, b > 1 { throw BinaryDecodingFailure("integer at byte \(offset - 1) overflows 64 bits") }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw BinaryDecodingFailure("integer at byte \(offset - 1) overflows 64 bits") }
        }
    }

    @inline(__always)
    func fixed64(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> UInt64 {
        guard offset + 8 <= end else { throw .truncated(at: offset) }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    func fixed32(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> UInt32 {
        guard offset + 4 <= end else { throw .truncated(at: offset) }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// Reads a length prefix and checks that `length` bytes follow within `end` and `limit`.
    @inline(__always)
    func lengthPrefixed(at offset: inout Int, end: Int, limit: Int, what: String) throws(BinaryDecodingFailure) -> Range<Int> {
        let start = offset
        let length = try varint(at: &offset, end: end)
        guard length <= UInt64(limit) else {
            throw BinaryDecodingFailure("\(what) at byte \(start) is \(length) bytes long; the limit is \(limit)")
        }
        guard length <= UInt64(end - offset) else { throw .truncated(at: start) }
        let range = offset..<(offset + Int(length))
        offset = range.upperBound
        return range
    }

    /// The header of a container starting at `offset` (its tag): where its contents start and end,
    /// and its declared element count, validated against `end` and the limits.
    func containerHeader(at offset: Int, end: Int, expecting expected: BinaryTag) throws(BinaryDecodingFailure) -> (contents: Int, end: Int, count: Int) {
        let tag = try tag(at: offset, end: end)
        guard tag == expected else {
            throw BinaryDecodingFailure("expected \(expected.name), found \(tag.name)")
        }
        var p = offset + 1
        let length = try varint(at: &p, end: end)
        guard length <= UInt64(end - p) else {
            throw BinaryDecodingFailure("\(tag.name) at byte \(offset) claims \(length) bytes; only \(end - p) remain")
        }
        let containerEnd = p + Int(length)
        let count = try varint(at: &p, end: containerEnd)
        guard count <= UInt64(limits.maxElementCount) else {
            throw BinaryDecodingFailure("\(tag.name) at byte \(offset) has \(count) elements; the limit is \(limits.maxElementCount)")
        }
        // Every element takes at least one byte, so a count larger than the bytes available is a
        // lie that must not size an allocation.
        guard count <= UInt64(containerEnd - p) else {
            throw BinaryDecodingFailure("\(tag.name) at byte \(offset) claims \(count) elements in \(containerEnd - p) bytes")
        }
        return (p, containerEnd, Int(count))
    }

    /// The offset just past the value starting at `offset`. Containers are skipped by their length
    /// without looking inside; they are validated when (and if) they are decoded.
    func skipValue(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> Int {
        var p = offset + 1
        switch try tag(at: offset, end: end) {
        case .null, .false, .true:
            return p
        case .signed, .unsigned:
            _ = try varint(at: &p, end: end)
            return p
        case .float64, .date:
            guard p + 8 <= end else { throw .truncated(at: offset) }
            return p + 8
        case .float32:
            guard p + 4 <= end else { throw .truncated(at: offset) }
            return p + 4
        case .uuid:
            guard p + 16 <= end else { throw .truncated(at: offset) }
            return p + 16
        case .string:
            return try lengthPrefixed(at: &p, end: end, limit: limits.maxStringLength, what: "string").upperBound
        case .bytes:
            return try lengthPrefixed(at: &p, end: end, limit: limits.maxByteLength, what: "byte string").upperBound
        case .decimal:
            p += 1
            _ = try varint(at: &p, end: end)
            _ = try varint(at: &p, end: end)
            _ = try varint(at: &p, end: end)
            return p
        case .array, .map:
            let length = try varint(at: &p, end: end)
            guard length <= UInt64(end - p) else { throw .truncated(at: offset) }
            return p + Int(length)
        }
    }

    // MARK: Typed values

    func decodeNil(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> Bool {
        try tag(at: offset, end: end) == .null
    }

    func bool(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> Bool {
        switch try tag(at: offset, end: end) {
        case .true: return true
        case .false: return false
        case let other: throw .mismatch(expected: "a boolean", found: other)
        }
    }

    func int64(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> Int64 {
        var p = offset + 1
        switch try tag(at: offset, end: end) {
        case .signed:
            let raw = try varint(at: &p, end: end)
            return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        case .unsigned:
            let raw = try varint(at: &p, end: end)
            guard raw <= UInt64(Int64.max) else { throw BinaryDecodingFailure("\(raw) does not fit in a signed 64-bit integer") }
            return Int64(raw)
        case let other:
            throw .mismatch(expected: "an integer", found: other)
        }
    }

    func uint64(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> UInt64 {
        var p = offset + 1
        switch try tag(at: offset, end: end) {
        case .unsigned:
            return try varint(at: &p, end: end)
        case .signed:
            let raw = try varint(at: &p, end: end)
            let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
            guard value >= 0 else { throw BinaryDecodingFailure("\(value) is negative where an unsigned integer is expected") }
            return UInt64(value)
        case let other:
            throw .mismatch(expected: "an unsigned integer", found: other)
        }
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at offset: Int, end: Int) throws(BinaryDecodingFailure) -> T {
        if T.isSigned {
            let value = try int64(at: offset, end: end)
            guard let exact = T(exactly: value) else { throw BinaryDecodingFailure("\(value) does not fit in \(T.self)") }
            return exact
        } else {
            let value = try uint64(at: offset, end: end)
            guard let exact = T(exactly: value) else { throw BinaryDecodingFailure("\(value) does not fit in \(T.self)") }
            return exact
        }
    }

    func double(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> Double {
        switch try tag(at: offset, end: end) {
        case .float64: return Double(bitPattern: try fixed64(at: offset + 1, end: end))
        case .float32: return Double(Float(bitPattern: try fixed32(at: offset + 1, end: end)))
        case .signed: return Double(try int64(at: offset, end: end))
        case .unsigned: return Double(try uint64(at: offset, end: end))
        case let other: throw .mismatch(expected: "a floating-point number", found: other)
        }
    }

    func float(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> Float {
        if try tag(at: offset, end: end) == .float32 {
            return Float(bitPattern: try fixed32(at: offset + 1, end: end))
        }
        return Float(try double(at: offset, end: end))
    }

    func string(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> String {
        let tag = try tag(at: offset, end: end)
        guard tag == .string else { throw .mismatch(expected: "a string", found: tag) }
        var p = offset + 1
        let range = try lengthPrefixed(at: &p, end: end, limit: limits.maxStringLength, what: "string")
        guard let string = String(validating: UnsafeRawBufferPointer(rebasing: base[range]), as: UTF8.self) else {
            throw BinaryDecodingFailure("the string at byte \(offset) is not valid UTF-8")
        }
        return string
    }

    func data(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> Data {
        let tag = try tag(at: offset, end: end)
        guard tag == .bytes else { throw .mismatch(expected: "bytes", found: tag) }
        var p = offset + 1
        let range = try lengthPrefixed(at: &p, end: end, limit: limits.maxByteLength, what: "byte string")
        return Data(UnsafeRawBufferPointer(rebasing: base[range]))
    }

    func decimal(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> Decimal {
        let tag = try tag(at: offset, end: end)
        guard tag == .decimal else { throw .mismatch(expected: "a decimal", found: tag) }
        var p = offset + 1
        let flags = try byte(at: p, end: end)
        p += 1
        let rawExponent = try varint(at: &p, end: end)
        let low = try varint(at: &p, end: end)
        let high = try varint(at: &p, end: end)
        guard flags & ~0b11 == 0 else { throw BinaryDecodingFailure("decimal at byte \(offset) has unknown flags \(flags)") }
        if flags & 0b10 != 0 { return .nan }
        let exponent = Int64(bitPattern: (rawExponent >> 1) ^ (0 &- (rawExponent & 1)))
        guard let value = DecimalParts.decimal(negative: flags & 1 != 0, exponent: exponent, low: low, high: high) else {
            throw BinaryDecodingFailure("decimal at byte \(offset) has exponent \(exponent), outside -128...127")
        }
        return value
    }

    func date(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> Date {
        let tag = try tag(at: offset, end: end)
        guard tag == .date else { throw .mismatch(expected: "a date", found: tag) }
        return Date(timeIntervalSinceReferenceDate: Double(bitPattern: try fixed64(at: offset + 1, end: end)))
    }

    func uuid(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> UUID {
        let tag = try tag(at: offset, end: end)
        guard tag == .uuid else { throw .mismatch(expected: "a UUID", found: tag) }
        guard offset + 17 <= end else { throw .truncated(at: offset) }
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: base[(offset + 1)..<(offset + 17)])) }
        return UUID(uuid: bytes)
    }

    func url(at offset: Int, end: Int) throws(BinaryDecodingFailure) -> URL {
        let text = try string(at: offset, end: end)
        guard let url = URL(string: text) else { throw BinaryDecodingFailure("\"\(text)\" is not a valid URL") }
        return url
    }
}

/// Why decoding failed, with the path to the field, built up as the failure travels out through
/// the containers (so the success path pays nothing for it).
struct BinaryDecodingFailure: Error {
    var message: String
    /// Outermost first.
    var path: [PathComponent] = []

    enum PathComponent {
        case key(String)
        case index(Int)
    }

    init(_ message: String) {
        self.message = message
    }

    static func truncated(at offset: Int) -> BinaryDecodingFailure {
        BinaryDecodingFailure("the message ends inside the value that starts at byte \(offset)")
    }

    static func mismatch(expected: String, found: BinaryTag) -> BinaryDecodingFailure {
        BinaryDecodingFailure("expected \(expected), found \(found.name)")
    }

    func prepending(_ component: PathComponent) -> BinaryDecodingFailure {
        var copy = self
        copy.path.insert(component, at: 0)
        return copy
    }

    /// `lines[3].quantity`
    var pathDescription: String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    var codingPath: [any CodingKey] {
        path.map { component -> any CodingKey in
            switch component {
            case .key(let key): AnyStringKey(key)
            case .index(let index): AnyStringKey(String(index))
            }
        }
    }
}
