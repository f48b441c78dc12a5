public import Foundation

/// Decodes values written by ``BinaryEncoder``, treating the input as untrusted.
///
/// Malformed input never traps: truncation, unknown tags, lengths past the end, invalid UTF-8,
/// numbers that do not fit, and anything beyond ``BinaryDecodingLimits`` become a
/// `DecodingError.dataCorrupted` whose description names the field path and the byte offset.
/// Unknown fields are skipped, and absent optional fields decode as `nil`.
public struct BinaryDecoder: Sendable {
    public var limits: BinaryDecodingLimits
    /// Whether a ``BinaryFieldsDecodable`` type reads itself first (falling back to `Decodable`
    /// on anything unusual). Off only to compare the two in tests.
    public var usesHandWrittenForms = true

    public init(limits: BinaryDecodingLimits = .default) {
        self.limits = limits
    }

    public func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws -> T {
        if let result = try bytes.withContiguousStorageIfAvailable({ try decode(type, from: UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return try Array(bytes).withUnsafeBytes { try decode(type, from: $0) }
    }

    public func decode<T: Decodable>(_ type: T.Type, from bytes: Data) throws -> T {
        try bytes.withUnsafeBytes { try decode(type, from: $0) }
    }

    /// Decodes from memory that stays valid for the duration of the call.
    public func decode<T: Decodable>(_ type: T.Type, from buffer: UnsafeRawBufferPointer) throws -> T {
        if usesHandWrittenForms, let fields = T.self as? any BinaryFieldsDecodable.Type,
            let value = try? BinaryFieldReader.decode(fields, from: buffer, limits: limits)
        {
            return value as! T
        }
        let reader = ByteReader(base: buffer, limits: limits, userInfo: [:])
        do {
            guard !buffer.isEmpty else { throw BinaryDecodingFailure("the message is empty") }
            try reader.readKeyTable()
            let decoder = _BinaryDecoder(reader: reader, offset: reader.bodyStart, end: buffer.count, depth: 0)
            let value = try decoder.decodeValue(T.self)
            let consumed = try reader.skipValue(at: reader.bodyStart, end: buffer.count)
            guard consumed == buffer.count else {
                throw BinaryDecodingFailure("\(buffer.count - consumed) unexpected bytes follow the message")
            }
            return value
        } catch {
            let failure = BinaryDecodingFailure.from(error)
            let location = failure.path.isEmpty ? "" : "\(failure.pathDescription): "
            throw DecodingError.dataCorrupted(
                .init(codingPath: failure.codingPath, debugDescription: "\(location)\(failure.message)", underlyingError: nil)
            )
        }
    }
}

extension BinaryDecodingFailure {
    /// Turns anything a `Decodable` initializer throws into a failure that can collect a path.
    static func from(_ error: any Error) -> BinaryDecodingFailure {
        switch error {
        case let failure as BinaryDecodingFailure:
            return failure
        case let DecodingError.dataCorrupted(context), let DecodingError.typeMismatch(_, context),
            let DecodingError.valueNotFound(_, context):
            return BinaryDecodingFailure(context.debugDescription)
        case let DecodingError.keyNotFound(key, _):
            return BinaryDecodingFailure("missing field '\(key.stringValue)'")
        default:
            return BinaryDecodingFailure("\(error)")
        }
    }
}

/// The `Decoder` handed to `Decodable.init(from:)`: one value's position in the input.
struct _BinaryDecoder: Decoder {
    let reader: ByteReader
    /// Offset of the value's tag.
    let offset: Int
    /// End of the enclosing container (or of the input).
    let end: Int
    let depth: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { reader.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try checkDepth()
        let header = try reader.containerHeader(at: offset, end: end, expecting: .map)
        return KeyedDecodingContainer(
            try BinaryKeyedDecodingContainer<Key>(reader: reader, contents: header.contents, end: header.end, count: header.count, depth: depth + 1)
        )
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try checkDepth()
        let header = try reader.containerHeader(at: offset, end: end, expecting: .array)
        return BinaryUnkeyedDecodingContainer(reader: reader, position: header.contents, end: header.end, count: header.count, depth: depth + 1)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        BinarySingleValueDecodingContainer(decoder: self)
    }

    private func checkDepth() throws(BinaryDecodingFailure) {
        guard depth < reader.limits.maxDepth else {
            throw BinaryDecodingFailure("containers are nested deeper than the limit of \(reader.limits.maxDepth)")
        }
    }

    /// Decodes the value here, with the exact representations for Foundation types.
    @inline(__always)
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Decimal.self {
            return unsafeBitCast(try reader.decimal(at: offset, end: end), to: T.self)
        } else if T.self == Date.self {
            return unsafeBitCast(try reader.date(at: offset, end: end), to: T.self)
        } else if T.self == UUID.self {
            return unsafeBitCast(try reader.uuid(at: offset, end: end), to: T.self)
        } else if T.self == Data.self {
            return unsafeBitCast(try reader.data(at: offset, end: end), to: T.self)
        } else if T.self == URL.self {
            return unsafeBitCast(try reader.url(at: offset, end: end), to: T.self)
        }
        return try T(from: self)
    }
}
