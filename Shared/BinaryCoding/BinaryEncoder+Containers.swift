struct BinaryKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: ByteWriter
    let depth: Int
    let id: Int

    var codingPath: [any CodingKey] { [] }

    @inline(__always)
    private func begin(_ key: Key) {
        writer.beginElement(ofContainer: id, depth: depth)
        writer.writeKey(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { begin(key); writer.writeTag(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { begin(key); writer.writeTag(value ? .true : .false) }
    mutating func encode(_ value: String, forKey key: Key) throws { begin(key); writer.writeString(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        begin(key); writer.writeTag(.float64); writer.writeFixed64(value.bitPattern)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        begin(key); writer.writeTag(.float32); writer.writeFixed32(value.bitPattern)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { begin(key); writer.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { begin(key); writer.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { begin(key); writer.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { begin(key); writer.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { begin(key); writer.writeSigned(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { begin(key); writer.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { begin(key); writer.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { begin(key); writer.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { begin(key); writer.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { begin(key); writer.writeUnsigned(value) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        begin(key)
        try _BinaryEncoder(writer: writer, depth: depth + 1).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        begin(key)
        let nestedID = writer.openContainer(.map, depth: depth + 1)
        return KeyedEncodingContainer(BinaryKeyedEncodingContainer<NestedKey>(writer: writer, depth: depth + 1, id: nestedID))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        begin(key)
        let nestedID = writer.openContainer(.array, depth: depth + 1)
        return BinaryUnkeyedEncodingContainer(writer: writer, depth: depth + 1, id: nestedID)
    }

    mutating func superEncoder() -> any Encoder {
        writer.beginElement(ofContainer: id, depth: depth)
        writer.writeKey("super")
        return _BinaryEncoder(writer: writer, depth: depth + 1)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        begin(key)
        return _BinaryEncoder(writer: writer, depth: depth + 1)
    }
}

struct BinaryUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let writer: ByteWriter
    let depth: Int
    let id: Int
    private(set) var count = 0

    init(writer: ByteWriter, depth: Int, id: Int) {
        self.writer = writer
        self.depth = depth
        self.id = id
    }

    var codingPath: [any CodingKey] { [] }

    @inline(__always)
    private mutating func begin() {
        writer.beginElement(ofContainer: id, depth: depth)
        count += 1
    }

    mutating func encodeNil() throws { begin(); writer.writeTag(.null) }
    mutating func encode(_ value: Bool) throws { begin(); writer.writeTag(value ? .true : .false) }
    mutating func encode(_ value: String) throws { begin(); writer.writeString(value) }
    mutating func encode(_ value: Double) throws { begin(); writer.writeTag(.float64); writer.writeFixed64(value.bitPattern) }
    mutating func encode(_ value: Float) throws { begin(); writer.writeTag(.float32); writer.writeFixed32(value.bitPattern) }
    mutating func encode(_ value: Int) throws { begin(); writer.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int8) throws { begin(); writer.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int16) throws { begin(); writer.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int32) throws { begin(); writer.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int64) throws { begin(); writer.writeSigned(value) }
    mutating func encode(_ value: UInt) throws { begin(); writer.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { begin(); writer.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { begin(); writer.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { begin(); writer.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { begin(); writer.writeUnsigned(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        begin()
        try _BinaryEncoder(writer: writer, depth: depth + 1).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        begin()
        let nestedID = writer.openContainer(.map, depth: depth + 1)
        return KeyedEncodingContainer(BinaryKeyedEncodingContainer<NestedKey>(writer: writer, depth: depth + 1, id: nestedID))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        begin()
        let nestedID = writer.openContainer(.array, depth: depth + 1)
        return BinaryUnkeyedEncodingContainer(writer: writer, depth: depth + 1, id: nestedID)
    }

    mutating func superEncoder() -> any Encoder {
        begin()
        return _BinaryEncoder(writer: writer, depth: depth + 1)
    }
}

struct BinarySingleValueEncodingContainer: SingleValueEncodingContainer {
    let encoder: _BinaryEncoder
    private var writer: ByteWriter { encoder.writer }

    init(encoder: _BinaryEncoder) {
        self.encoder = encoder
    }

    var codingPath: [any CodingKey] { [] }

    private func begin() { writer.beginSingleValue(depth: encoder.depth) }

    mutating func encodeNil() throws { begin(); writer.writeTag(.null) }
    mutating func encode(_ value: Bool) throws { begin(); writer.writeTag(value ? .true : .false) }
    mutating func encode(_ value: String) throws { begin(); writer.writeString(value) }
    mutating func encode(_ value: Double) throws { begin(); writer.writeTag(.float64); writer.writeFixed64(value.bitPattern) }
    mutating func encode(_ value: Float) throws { begin(); writer.writeTag(.float32); writer.writeFixed32(value.bitPattern) }
    mutating func encode(_ value: Int) throws { begin(); writer.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int8) throws { begin(); writer.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int16) throws { begin(); writer.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int32) throws { begin(); writer.writeSigned(Int64(value)) }
    mutating func encode(_ value: Int64) throws { begin(); writer.writeSigned(value) }
    mutating func encode(_ value: UInt) throws { begin(); writer.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { begin(); writer.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { begin(); writer.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { begin(); writer.writeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { begin(); writer.writeUnsigned(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.encodeValue(value)
    }
}
