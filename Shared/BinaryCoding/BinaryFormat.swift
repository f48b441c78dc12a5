/// The tags and constants of the binary message format that ``BinaryEncoder`` writes and
/// ``BinaryDecoder`` reads.
///
/// Every value starts with a one-byte tag. Containers carry their byte length, so a reader can
/// skip a field it does not know in constant time; that is what lets an older peer read a message
/// with a newer optional field. The full description is in `protocols/WIRE.md`.
enum BinaryTag: UInt8 {
    /// `nil`; no payload.
    case null = 0x00
    case `false` = 0x01
    case `true` = 0x02
    /// Signed integer: ZigZag, then unsigned LEB128 (1–10 bytes).
    case signed = 0x03
    /// Unsigned integer: unsigned LEB128 (1–10 bytes).
    case unsigned = 0x04
    /// IEEE 754 binary64, 8 bytes little-endian.
    case float64 = 0x05
    /// IEEE 754 binary32, 4 bytes little-endian.
    case float32 = 0x06
    /// UTF-8 text: LEB128 byte count, then the bytes.
    case string = 0x07
    /// Opaque bytes (`Data`): LEB128 byte count, then the bytes.
    case bytes = 0x08
    /// Exact decimal: flags byte (bit 0 negative, bit 1 NaN), ZigZag LEB128 exponent,
    /// LEB128 low 64 bits and LEB128 high 64 bits of the 128-bit significand.
    case decimal = 0x09
    /// Point in time: binary64 seconds since 2001-01-01T00:00:00Z, 8 bytes little-endian.
    case date = 0x0A
    /// UUID: its 16 bytes in RFC 4122 order.
    case uuid = 0x0B
    /// Unkeyed container: LEB128 byte length of what follows, LEB128 element count, elements.
    case array = 0x0C
    /// Keyed container: LEB128 byte length of what follows, LEB128 entry count, entries; an entry
    /// is a key (LEB128 byte count + UTF-8) followed by a value.
    case map = 0x0D
}

extension BinaryTag {
    /// A short human name for error messages.
    var name: String {
        switch self {
        case .null: "nil"
        case .false, .true: "a boolean"
        case .signed, .unsigned: "an integer"
        case .float64, .float32: "a floating-point number"
        case .string: "a string"
        case .bytes: "bytes"
        case .decimal: "a decimal"
        case .date: "a date"
        case .uuid: "a UUID"
        case .array: "an array"
        case .map: "a keyed container"
        }
    }
}
