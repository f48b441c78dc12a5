import Foundation

/// A keyed container: its entries are indexed once, then looked up by key. Lookups start where
/// the last one matched, so the usual in-order decoding costs one or two comparisons per field.
final class BinaryKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    private struct Entry {
        var key: Range<Int>
        var value: Int
    }

    private let reader: ByteReader
    private let end: Int
    private let depth: Int
    @exclusivity(unchecked) private var entries: ContiguousArray<Entry> = []
    @exclusivity(unchecked) private var hint = 0

    init(reader: ByteReader, contents: Int, end: Int, count: Int, depth: Int) throws(BinaryDecodingFailure) {
        self.reader = reader
        self.end = end
        self.depth = depth
        entries.reserveCapacity(count)
        var p = contents
        for _ in 0..<count {
            let key = try reader.keyIndex(at: &p, end: end)
            entries.append(Entry(key: reader.keys[key], value: p))
            p = try reader.skipValue(at: p, end: end)
        }
        guard p == end else {
            throw BinaryDecodingFailure("keyed container ending at byte \(end) has \(end - p) bytes after its \(count) entries")
        }
    }

    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        entries.compactMap { entry in
            let bytes = UnsafeRawBufferPointer(rebasing: reader.base[entry.key])
            return String(validating: bytes, as: UTF8.self).flatMap { Key(stringValue: $0) }
        }
    }

    /// The offset of the value stored under `key`, if any.
    @inline(__always)
    private func find(_ key: Key) -> Int? {
        find(name: key.stringValue)
    }

    @inline(__always)
    private func find(name: String) -> Int? {
        var name = name
        return name.withUTF8 { wanted -> Int? in
            let n = entries.count
            guard n > 0 else { return nil }
            var i = hint < n ? hint : 0
            for _ in 0..<n {
                let entry = entries[i]
                if entry.key.count == wanted.count,
                    wanted.count == 0 || memcmp(reader.base.baseAddress! + entry.key.lowerBound, wanted.baseAddress!, wanted.count) == 0
                {
                    hint = i
                    return entry.value
                }
                i = i + 1 == n ? 0 : i + 1
            }
            return nil
        }
    }

    @inline(__always)
    private func value(for key: Key) throws(BinaryDecodingFailure) -> Int {
        guard let offset = find(key) else {
            throw BinaryDecodingFailure("missing field '\(key.stringValue)'")
        }
        return offset
    }

    /// Runs `body` and adds `key` to the path of any failure.
    @inline(__always)
    private func at<T>(_ key: Key, _ body: (Int) throws -> T) throws -> T {
        do {
            return try body(try value(for: key))
        } catch {
            throw BinaryDecodingFailure.from(error).prepending(.key(key.stringValue))
        }
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try at(key) { try reader.decodeNil(at: $0, end: end) } }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try at(key) { try reader.bool(at: $0, end: end) } }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try at(key) { try reader.string(at: $0, end: end) } }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try at(key) { try reader.double(at: $0, end: end) } }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try at(key) { try reader.float(at: $0, end: end) } }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try at(key) { try reader.integer(Int.self, at: $0, end: end) } }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try at(key) { try reader.integer(Int8.self, at: $0, end: end) } }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try at(key) { try reader.integer(Int16.self, at: $0, end: end) } }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try at(key) { try reader.integer(Int32.self, at: $0, end: end) } }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try at(key) { try reader.int64(at: $0, end: end) } }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try at(key) { try reader.integer(UInt.self, at: $0, end: end) } }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try at(key) { try reader.integer(UInt8.self, at: $0, end: end) } }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try at(key) { try reader.integer(UInt16.self, at: $0, end: end) } }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try at(key) { try reader.integer(UInt32.self, at: $0, end: end) } }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try at(key) { try reader.uint64(at: $0, end: end) } }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try at(key) { try _BinaryDecoder(reader: reader, offset: $0, end: end, depth: depth).decodeValue(T.self) }
    }

    // `decodeIfPresent` for the common types: absent and nil are both `nil`, in one lookup.
    @inline(__always)
    private func ifPresent<T>(_ key: Key, _ body: (Int) throws -> T) throws -> T? {
        guard let offset = find(key) else { return nil }
        do {
            if try reader.decodeNil(at: offset, end: end) { return nil }
            return try body(offset)
        } catch {
            throw BinaryDecodingFailure.from(error).prepending(.key(key.stringValue))
        }
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try ifPresent(key) { try reader.string(at: $0, end: end) } }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try ifPresent(key) { try reader.bool(at: $0, end: end) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try ifPresent(key) { try reader.integer(Int.self, at: $0, end: end) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try ifPresent(key) { try reader.double(at: $0, end: end) } }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try ifPresent(key) { try _BinaryDecoder(reader: reader, offset: $0, end: end, depth: depth).decodeValue(T.self) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try at(key) { try _BinaryDecoder(reader: reader, offset: $0, end: end, depth: depth).container(keyedBy: type) }
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try at(key) { try _BinaryDecoder(reader: reader, offset: $0, end: end, depth: depth).unkeyedContainer() }
    }

    func superDecoder() throws -> any Decoder {
        guard let offset = find(name: "super") else {
            throw BinaryDecodingFailure("missing field 'super'")
        }
        return _BinaryDecoder(reader: reader, offset: offset, end: end, depth: depth)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try at(key) { _BinaryDecoder(reader: reader, offset: $0, end: end, depth: depth) }
    }
}

struct BinaryUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    private let reader: ByteReader
    private var position: Int
    private let end: Int
    private let depth: Int
    let count: Int?
    private(set) var currentIndex = 0

    init(reader: ByteReader, position: Int, end: Int, count: Int, depth: Int) {
        self.reader = reader
        self.position = position
        self.end = end
        self.count = count
        self.depth = depth
    }

    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= count! }

    /// Decodes the next element with `body`, then moves past it.
    @inline(__always)
    private mutating func next<T>(_ body: (_ reader: ByteReader, _ offset: Int, _ end: Int) throws -> T) throws -> T {
        do {
            guard !isAtEnd else { throw BinaryDecodingFailure("the array has no element \(currentIndex); it holds \(count!)") }
            let value = try body(reader, position, end)
            position = try reader.skipValue(at: position, end: end)
            currentIndex += 1
            if isAtEnd, position != end {
                throw BinaryDecodingFailure("array ending at byte \(end) has \(end - position) bytes after its \(count!) elements")
            }
            return value
        } catch {
            throw BinaryDecodingFailure.from(error).prepending(.index(currentIndex))
        }
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, try reader.decodeNil(at: position, end: end) else { return false }
        return try next { _, _, _ in true }
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next { try $0.bool(at: $1, end: $2) } }
    mutating func decode(_ type: String.Type) throws -> String { try next { try $0.string(at: $1, end: $2) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next { try $0.double(at: $1, end: $2) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next { try $0.float(at: $1, end: $2) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next { try $0.integer(Int.self, at: $1, end: $2) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next { try $0.integer(Int8.self, at: $1, end: $2) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next { try $0.integer(Int16.self, at: $1, end: $2) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next { try $0.integer(Int32.self, at: $1, end: $2) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next { try $0.int64(at: $1, end: $2) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next { try $0.integer(UInt.self, at: $1, end: $2) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next { try $0.integer(UInt8.self, at: $1, end: $2) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next { try $0.integer(UInt16.self, at: $1, end: $2) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next { try $0.integer(UInt32.self, at: $1, end: $2) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try $0.uint64(at: $1, end: $2) } }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let depth = depth
        return try next { try _BinaryDecoder(reader: $0, offset: $1, end: $2, depth: depth).decodeValue(T.self) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let depth = depth
        return try next { try _BinaryDecoder(reader: $0, offset: $1, end: $2, depth: depth).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let depth = depth
        return try next { try _BinaryDecoder(reader: $0, offset: $1, end: $2, depth: depth).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        let depth = depth
        return try next { _BinaryDecoder(reader: $0, offset: $1, end: $2, depth: depth) }
    }
}

struct BinarySingleValueDecodingContainer: SingleValueDecodingContainer {
    let decoder: _BinaryDecoder
    private var reader: ByteReader { decoder.reader }
    private var offset: Int { decoder.offset }
    private var end: Int { decoder.end }

    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { (try? reader.decodeNil(at: offset, end: end)) ?? false }
    func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(at: offset, end: end) }
    func decode(_ type: String.Type) throws -> String { try reader.string(at: offset, end: end) }
    func decode(_ type: Double.Type) throws -> Double { try reader.double(at: offset, end: end) }
    func decode(_ type: Float.Type) throws -> Float { try reader.float(at: offset, end: end) }
    func decode(_ type: Int.Type) throws -> Int { try reader.integer(Int.self, at: offset, end: end) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(Int8.self, at: offset, end: end) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(Int16.self, at: offset, end: end) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(Int32.self, at: offset, end: end) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.int64(at: offset, end: end) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(UInt.self, at: offset, end: end) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(UInt8.self, at: offset, end: end) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(UInt16.self, at: offset, end: end) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(UInt32.self, at: offset, end: end) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.uint64(at: offset, end: end) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(T.self) }
}
