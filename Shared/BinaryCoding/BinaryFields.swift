public import Foundation

/// A message that writes its own binary form: exactly the bytes ``BinaryEncoder`` writes for its
/// `Encodable` conformance, without the generic machinery (an existential container per value,
/// runtime metadata lookups, and a shift of every large container's bytes when its length
/// outgrows the one-byte placeholder).
///
/// For the few messages that carry whole documents at high rates (the signing service's stamp
/// messages). ``BinaryEncoder`` uses it whenever a value conforms; tests compare both encodings
/// byte for byte.
///
/// ```swift
/// func encodeFields(to writer: inout BinaryFieldWriter) {
///     writer.string("egsID", egsID)
///     writer.bytes("document", document)
///     writer.dateIfPresent("signingTime", signingTime)
/// }
/// ```
public protocol BinaryFieldsEncodable: Encodable {
    /// Writes the fields in the order the `Encodable` conformance encodes them.
    func encodeFields(to writer: inout BinaryFieldWriter)
}

/// A message that reads its own binary form (see ``BinaryFieldsEncodable``). It throws on
/// anything unusual; ``BinaryDecoder`` then decodes the message through `Decodable`, which
/// either accepts it or gives the precise error. So this path only has to be right, not
/// thorough.
public protocol BinaryFieldsDecodable: Decodable {
    init(fields reader: inout BinaryFieldReader) throws(BinaryFieldsMismatch)
}

/// The message does not have the shape a hand-written decoder expects.
public struct BinaryFieldsMismatch: Error {
    public init() {}
}

extension BinaryFieldsEncodable {
    /// The whole message: key table, then this value as the root map. Two passes over the
    /// fields: the first sizes every container, the second writes with the sizes known.
    func encodedFields() -> [UInt8] {
        var writer = BinaryFieldWriter()
        writer.container(.map) { self.encodeFields(to: &$0) }
        let bodySize = writer.size
        writer.startWriting(bodySize: bodySize)
        writer.container(.map) { self.encodeFields(to: &$0) }
        return writer.bytes
    }
}

/// Writes one message's fields, in two passes: measuring, then writing (see
/// ``BinaryFieldsEncodable``). Each method writes one entry of the current map (or, inside
/// ``array(_:_:element:)``, one element).
public struct BinaryFieldWriter {
    fileprivate var measuring = true
    fileprivate var keys = KeyTable()
    fileprivate var bytes: [UInt8] = []
    /// Every container's byte length and count, in the order they are opened.
    private var containers: [(length: Int, count: Int)] = []
    private var nextContainer = 0
    /// While measuring: the size and count of the open container's contents.
    fileprivate var size = 0
    private var count = 0

    fileprivate mutating func startWriting(bodySize: Int) {
        measuring = false
        bytes.reserveCapacity(ByteWriter.varintSize(UInt64(keys.count)) + keys.bytes.count + bodySize)
        appendVarint(UInt64(keys.count))
        bytes.append(contentsOf: keys.bytes)
    }

    // MARK: Fields

    public mutating func string(_ key: String, _ value: String) {
        entry(key)
        var value = value
        value.withUTF8 { lengthPrefixed(.string, UnsafeRawBufferPointer($0)) }
    }

    public mutating func stringIfPresent(_ key: String, _ value: String?) {
        if let value { string(key, value) }
    }

    public mutating func bytes(_ key: String, _ value: Data) {
        entry(key)
        value.withUnsafeBytes { lengthPrefixed(.bytes, $0) }
    }

    public mutating func int64(_ key: String, _ value: Int64) {
        entry(key)
        let zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        if measuring {
            size += 1 + ByteWriter.varintSize(zigzag)
        } else {
            bytes.append(BinaryTag.signed.rawValue)
            appendVarint(zigzag)
        }
    }

    public mutating func int(_ key: String, _ value: Int) { int64(key, Int64(value)) }

    public mutating func intIfPresent(_ key: String, _ value: Int?) {
        if let value { int64(key, Int64(value)) }
    }

    public mutating func bool(_ key: String, _ value: Bool) {
        entry(key)
        if measuring {
            size += 1
        } else {
            bytes.append(value ? BinaryTag.true.rawValue : BinaryTag.false.rawValue)
        }
    }

    public mutating func dateIfPresent(_ key: String, _ value: Date?) {
        guard let value else { return }
        entry(key)
        if measuring {
            size += 9
        } else {
            bytes.append(BinaryTag.date.rawValue)
            withUnsafeBytes(of: value.timeIntervalSinceReferenceDate.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
    }

    /// A nested map, written by `body`.
    public mutating func map(_ key: String, _ body: (inout BinaryFieldWriter) -> Void) {
        entry(key)
        container(.map, body)
    }

    public mutating func mapIfPresent<Value>(_ key: String, _ value: Value?, _ body: (inout BinaryFieldWriter, Value) -> Void) {
        guard let value else { return }
        map(key) { body(&$0, value) }
    }

    /// An array of maps, each written by `element`.
    public mutating func array<Elements: Collection>(
        _ key: String, _ elements: Elements, element: (inout BinaryFieldWriter, Elements.Element) -> Void
    ) {
        entry(key)
        container(.array) { writer in
            for value in elements {
                if writer.measuring { writer.count += 1 }
                writer.container(.map) { element(&$0, value) }
            }
        }
    }

    // MARK: Layout

    /// A map entry's key.
    private mutating func entry(_ key: String) {
        let index = UInt64(keys.index(of: key))
        if measuring {
            size += ByteWriter.varintSize(index)
            count += 1
        } else {
            appendVarint(index)
        }
    }

    private mutating func lengthPrefixed(_ tag: BinaryTag, _ value: UnsafeRawBufferPointer) {
        if measuring {
            size += 1 + ByteWriter.varintSize(UInt64(value.count)) + value.count
        } else {
            bytes.append(tag.rawValue)
            appendVarint(UInt64(value.count))
            bytes.append(contentsOf: value)
        }
    }

    /// A container: tag, byte length (the count's varint and the contents), count, contents.
    fileprivate mutating func container(_ tag: BinaryTag, _ body: (inout BinaryFieldWriter) -> Void) {
        if measuring {
            let slot = containers.count
            containers.append((0, 0))
            let (outerSize, outerCount) = (size, count)
            (size, count) = (0, 0)
            body(&self)
            let length = ByteWriter.varintSize(UInt64(count)) + size
            containers[slot] = (length, count)
            size = outerSize + 1 + ByteWriter.varintSize(UInt64(length)) + length
            count = outerCount
        } else {
            let (length, count) = containers[nextContainer]
            nextContainer += 1
            bytes.append(tag.rawValue)
            appendVarint(UInt64(length))
            appendVarint(UInt64(count))
            body(&self)
        }
    }

    private mutating func appendVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: v))
    }
}

/// Reads one map's entries for a ``BinaryFieldsDecodable`` message: ``next()`` moves to the
/// next entry, ``is(_:)`` tests its key, and the value readers read its value.
public struct BinaryFieldReader {
    private let reader: ByteReader
    private var position: Int
    private let end: Int
    private var remaining: Int
    /// The current entry's key and value offset.
    private var key = 0..<0
    private var value = 0

    fileprivate init(reader: ByteReader, valueAt offset: Int, end: Int, tag: BinaryTag = .map) throws(BinaryFieldsMismatch) {
        guard let header = try? reader.containerHeader(at: offset, end: end, expecting: tag) else { throw BinaryFieldsMismatch() }
        self.reader = reader
        position = header.contents
        self.end = header.end
        remaining = header.count
    }

    /// Moves to the next entry; false after the last one (and the container must end there).
    public mutating func next() throws(BinaryFieldsMismatch) -> Bool {
        guard remaining > 0 else {
            guard position == end else { throw BinaryFieldsMismatch() }
            return false
        }
        remaining -= 1
        guard let index = try? reader.keyIndex(at: &position, end: end) else { throw BinaryFieldsMismatch() }
        key = reader.keys[index]
        value = position
        guard let next = try? reader.skipValue(at: position, end: end) else { throw BinaryFieldsMismatch() }
        position = next
        return true
    }

    /// Whether the current entry's key is `name`.
    public func `is`(_ name: StaticString) -> Bool {
        key.count == name.utf8CodeUnitCount && memcmp(reader.base.baseAddress! + key.lowerBound, name.utf8Start, key.count) == 0
    }

    /// Whether the current value is nil (an optional field written as nil).
    public var isNull: Bool { reader.base[value] == BinaryTag.null.rawValue }

    public func string() throws(BinaryFieldsMismatch) -> String {
        do { return try reader.string(at: value, end: end) } catch { throw BinaryFieldsMismatch() }
    }

    public func bytes() throws(BinaryFieldsMismatch) -> Data {
        do { return try reader.data(at: value, end: end) } catch { throw BinaryFieldsMismatch() }
    }

    public func int64() throws(BinaryFieldsMismatch) -> Int64 {
        do { return try reader.int64(at: value, end: end) } catch { throw BinaryFieldsMismatch() }
    }

    public func int() throws(BinaryFieldsMismatch) -> Int {
        do { return try reader.integer(Int.self, at: value, end: end) } catch { throw BinaryFieldsMismatch() }
    }

    public func bool() throws(BinaryFieldsMismatch) -> Bool {
        do { return try reader.bool(at: value, end: end) } catch { throw BinaryFieldsMismatch() }
    }

    public func date() throws(BinaryFieldsMismatch) -> Date {
        do { return try reader.date(at: value, end: end) } catch { throw BinaryFieldsMismatch() }
    }

    /// The current value, a nested map.
    public func map<Value: BinaryFieldsDecodable>(_ type: Value.Type) throws(BinaryFieldsMismatch) -> Value {
        var nested = try BinaryFieldReader(reader: reader, valueAt: value, end: end)
        return try Value(fields: &nested)
    }

    /// The current value, an array of maps.
    public func array<Element: BinaryFieldsDecodable>(of type: Element.Type) throws(BinaryFieldsMismatch) -> [Element] {
        guard let header = try? reader.containerHeader(at: value, end: end, expecting: .array) else { throw BinaryFieldsMismatch() }
        var elements: [Element] = []
        elements.reserveCapacity(header.count)
        var offset = header.contents
        for _ in 0..<header.count {
            var nested = try BinaryFieldReader(reader: reader, valueAt: offset, end: header.end)
            elements.append(try Element(fields: &nested))
            guard let next = try? reader.skipValue(at: offset, end: header.end) else { throw BinaryFieldsMismatch() }
            offset = next
        }
        guard offset == header.end else { throw BinaryFieldsMismatch() }
        return elements
    }

    /// The whole message at `buffer`, read by `Value`'s hand-written decoder.
    static func decode<Value: BinaryFieldsDecodable>(_ type: Value.Type, from buffer: UnsafeRawBufferPointer, limits: BinaryDecodingLimits) throws(BinaryFieldsMismatch) -> Value {
        let reader = ByteReader(base: buffer, limits: limits, userInfo: [:])
        guard !buffer.isEmpty, (try? reader.readKeyTable()) != nil else { throw BinaryFieldsMismatch() }
        var fields = try BinaryFieldReader(reader: reader, valueAt: reader.bodyStart, end: buffer.count)
        guard fields.end == buffer.count else { throw BinaryFieldsMismatch() }
        return try Value(fields: &fields)
    }
}
