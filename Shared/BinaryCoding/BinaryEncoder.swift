import Foundation

/// Encodes `Encodable` values into the compact, deterministic binary format of einvoice's RPC
/// messages (described in `protocols/WIRE.md`).
///
/// - Keyed containers are written in the order the value encodes them (declaration order for
///   synthesized conformances); dictionaries are written sorted by key, so equal values always
///   produce equal bytes.
/// - `Decimal`, `Date`, `UUID` and `Data` have exact representations of their own.
/// - `nil` optionals written by `encodeIfPresent` are simply absent, so a newer message with an
///   extra optional field decodes in an older peer, and an older message decodes in a newer one.
///
/// ```swift
/// let bytes = try BinaryEncoder().encode(invoice)
/// let copy = try BinaryDecoder().decode(Invoice.self, from: bytes)
/// ```
public struct BinaryEncoder: Sendable {
    /// Initial capacity of the output buffer.
    public var initialCapacity: Int
    /// Whether a ``BinaryFieldsEncodable`` value writes itself (the same bytes, faster). Off only
    /// to compare the two in tests.
    public var usesHandWrittenForms = true

    public init(initialCapacity: Int = 256) {
        self.initialCapacity = initialCapacity
    }

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        if usesHandWrittenForms, let fields = value as? any BinaryFieldsEncodable { return fields.encodedFields() }
        let writer = ByteWriter(capacity: initialCapacity)
        try _BinaryEncoder(writer: writer, depth: 0).encodeValue(value)
        if let failure = writer.failure {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: failure.message))
        }
        return writer.finish()
    }
}

/// The `Encoder` handed to `Encodable.encode(to:)`: a position in the writer's container stack.
struct _BinaryEncoder: Encoder {
    let writer: ByteWriter
    let depth: Int
    /// Where this value's bytes begin; a container opened exactly here belongs to this value.
    let slotStart: Int

    init(writer: ByteWriter, depth: Int) {
        self.writer = writer
        self.depth = depth
        self.slotStart = writer.bytes.count
    }

    // The binary encoder does not track coding paths: keeping them costs an allocation per
    // nested value, and the only encoding failure (interleaved containers) is a programming error.
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(BinaryKeyedEncodingContainer<Key>(writer: writer, depth: depth, id: openOwnContainer(.map)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        BinaryUnkeyedEncodingContainer(writer: writer, depth: depth, id: openOwnContainer(.array))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        BinarySingleValueEncodingContainer(encoder: self)
    }

    /// Opens this value's container, or returns the one it already opened (a class hierarchy may
    /// ask for its container more than once).
    private func openOwnContainer(_ tag: BinaryTag) -> Int {
        let frames = writer.frames
        if frames.count > depth, frames[depth].start == slotStart + 1 {
            writer.closeFrames(above: depth + 1)
            return frames[depth].id
        }
        return writer.openContainer(tag, depth: depth)
    }

    /// Writes `value` at this position, using the exact representations for Foundation types.
    @inline(__always)
    func encodeValue<T: Encodable>(_ value: T) throws {
        writer.beginSingleValue(depth: depth)
        if try encodeSpecial(value) { return }
        let before = writer.bytes.count
        if let sorted = value as? any SortedEncodable {
            try sorted.encodeSorted(to: self)
        } else {
            try value.encode(to: self)
        }
        if writer.bytes.count == before {
            // The value wrote nothing at all (an empty `encode(to:)`): record an empty container.
            _ = writer.openContainer(.map, depth: depth)
        }
    }

    @inline(__always)
    private func encodeSpecial<T: Encodable>(_ value: T) throws -> Bool {
        if T.self == Decimal.self {
            writeDecimal(unsafeBitCast(value, to: Decimal.self))
        } else if T.self == Date.self {
            writer.writeTag(.date)
            writer.writeFixed64(unsafeBitCast(value, to: Date.self).timeIntervalSinceReferenceDate.bitPattern)
        } else if T.self == UUID.self {
            writer.writeTag(.uuid)
            withUnsafeBytes(of: unsafeBitCast(value, to: UUID.self).uuid) { writer.bytes.append(contentsOf: $0) }
        } else if T.self == Data.self {
            let data = unsafeBitCast(value, to: Data.self)
            writer.writeTag(.bytes)
            writer.writeVarint(UInt64(data.count))
            data.withUnsafeBytes { writer.bytes.append(contentsOf: $0) }
        } else if T.self == URL.self {
            writer.writeString(unsafeBitCast(value, to: URL.self).absoluteString)
        } else {
            return false
        }
        return true
    }

    private func writeDecimal(_ value: Decimal) {
        writer.writeTag(.decimal)
        if value.isNaN {
            writer.bytes.append(0b10)
            writer.writeVarint(0)
            writer.writeVarint(0)
            writer.writeVarint(0)
            return
        }
        let (low, high) = DecimalParts.significand(of: value)
        writer.bytes.append(value.sign == .minus && (low | high) != 0 ? 1 : 0)
        let exponent = Int64(value.exponent)
        writer.writeVarint(UInt64(bitPattern: (exponent << 1) ^ (exponent >> 63)))
        writer.writeVarint(low)
        writer.writeVarint(high)
    }
}
