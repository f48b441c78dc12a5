/// The growing output of one ``BinaryEncoder`` run, and the stack of containers still open in it.
///
/// Codable never tells an encoder that a container is complete, so a container is closed (its
/// byte length and count patched) when something is next written to a container above it, or
/// when encoding ends. Writing to a container that was already closed that way means the caller
/// interleaved two sibling containers, which this format cannot represent; it is refused.
final class ByteWriter {
    struct Frame {
        /// Offset of the container's byte-length field (two placeholder bytes until it closes).
        var start: Int
        var count: UInt32
        var id: Int
    }

    // One writer serves one encode call on one thread, so the runtime's exclusivity checks on
    // these hot properties (a measurable share of encoding time) buy nothing.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var keys = KeyTable()
    /// The first misuse seen; ``BinaryEncoder`` throws it when encoding ends.
    var failure: BinaryEncodingFailure?
    @exclusivity(unchecked) private(set) var frames: [Frame] = []
    @exclusivity(unchecked) private var nextID = 0

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    /// Writes a container header and opens a frame at `depth`. Returns the frame id.
    func openContainer(_ tag: BinaryTag, depth: Int) -> Int {
        closeFrames(above: depth)
        bytes.append(tag.rawValue)
        let start = bytes.count
        // One placeholder byte each for the length and count varints; most containers are
        // shorter than 128 bytes and hold fewer than 128 elements, so they need no more.
        bytes.append(0)
        bytes.append(0)
        nextID += 1
        frames.append(Frame(start: start, count: 0, id: nextID))
        return nextID
    }

    /// Prepares to write an element into the container `id` at `depth`: closes any deeper
    /// containers and counts the element.
    @inline(__always)
    func beginElement(ofContainer id: Int, depth: Int) {
        closeFrames(above: depth + 1)
        guard frames.count == depth + 1, frames[depth].id == id else {
            // `nestedContainer` cannot throw, so the failure is kept and thrown when encoding ends.
            failure = failure ?? BinaryEncodingFailure(
                "a container was written to after a sibling container was started; the binary format needs each nested container to be complete before the next one begins"
            )
            return
        }
        frames[depth].count &+= 1
    }

    /// Prepares to write a single value at `depth` (the value's own level).
    @inline(__always)
    func beginSingleValue(depth: Int) {
        closeFrames(above: depth)
    }

    /// Closes every frame deeper than `depth`, writing its byte length and count.
    @inline(__always)
    func closeFrames(above depth: Int) {
        while frames.count > depth {
            close(frames.removeLast())
        }
    }

    private func close(_ frame: Frame) {
        let contentStart = frame.start + 2
        let count = UInt64(frame.count)
        let countSize = Self.varintSize(count)
        let length = UInt64(countSize + bytes.count - contentStart)
        let lengthSize = Self.varintSize(length)
        let extra = lengthSize + countSize - 2
        if extra > 0 {
            // Only containers of 128 bytes or more get here; all their bytes are theirs, since
            // everything nested in them is already closed.
            bytes.insert(contentsOf: repeatElement(0, count: extra), at: contentStart)
        }
        var p = frame.start
        Self.storeVarint(length, into: &bytes, at: &p)
        Self.storeVarint(count, into: &bytes, at: &p)
    }

    @inline(__always)
    static func varintSize(_ value: UInt64) -> Int {
        value == 0 ? 1 : (70 - value.leadingZeroBitCount) / 7
    }

    private static func storeVarint(_ value: UInt64, into bytes: inout [UInt8], at offset: inout Int) {
        var v = value
        while v >= 0x80 {
            bytes[offset] = UInt8(truncatingIfNeeded: v) | 0x80
            offset += 1
            v >>= 7
        }
        bytes[offset] = UInt8(truncatingIfNeeded: v)
        offset += 1
    }

    // MARK: Primitives

    @inline(__always)
    func writeTag(_ tag: BinaryTag) {
        bytes.append(tag.rawValue)
    }

    @inline(__always)
    func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: v))
    }

    @inline(__always)
    func writeSigned(_ value: Int64) {
        writeTag(.signed)
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    @inline(__always)
    func writeUnsigned(_ value: UInt64) {
        writeTag(.unsigned)
        writeVarint(value)
    }

    @inline(__always)
    func writeFixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    func writeFixed32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Writes a map entry's key: its index in the message's key table.
    @inline(__always)
    func writeKey(_ key: String) {
        writeVarint(UInt64(keys.index(of: key)))
    }

    @inline(__always)
    func writeString(_ string: String) {
        writeTag(.string)
        var string = string
        string.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// The finished message: the key table, then the root value.
    func finish() -> [UInt8] {
        closeFrames(above: 0)
        var message: [UInt8] = []
        message.reserveCapacity(keys.bytes.count + bytes.count + 5)
        var count = UInt64(keys.count)
        while count >= 0x80 {
            message.append(UInt8(truncatingIfNeeded: count) | 0x80)
            count >>= 7
        }
        message.append(UInt8(truncatingIfNeeded: count))
        message.append(contentsOf: keys.bytes)
        message.append(contentsOf: bytes)
        return message
    }
}

/// Why a value could not be encoded (an internal carrier; ``BinaryEncoder`` throws `EncodingError`).
struct BinaryEncodingFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
