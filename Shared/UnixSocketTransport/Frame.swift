public import NIOCore

/// One unit on the wire: `u32 length | u32 stream id | u8 kind | u8 flags | payload`, all
/// integers big-endian, `length` counting everything after itself. See `protocols/WIRE.md`.
public struct Frame: Sendable {
    public var streamID: UInt32
    public var kind: Kind
    public var flags: Flags
    public var payload: ByteBuffer

    public init(streamID: UInt32, kind: Kind, flags: Flags = [], payload: ByteBuffer) {
        self.streamID = streamID
        self.kind = kind
        self.flags = flags
        self.payload = payload
    }

    /// What a frame carries.
    public enum Kind: UInt8, Sendable {
        /// Client → server: starts a call. Payload: method path, timeout, metadata.
        case open = 0x01
        /// Either way: one serialized message.
        case message = 0x02
        /// Client → server: the client has sent its last message.
        case end = 0x03
        /// Server → client: the response's initial metadata.
        case headers = 0x04
        /// Server → client: the call's final status and trailing metadata; ends the stream.
        case status = 0x05
        /// Client → server: the client abandons the call (cancelled or past its deadline).
        case cancel = 0x06
        /// Server → client, stream 0: the server takes no new calls on this connection.
        case goAway = 0x07
    }

    public struct Flags: OptionSet, Sendable {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// The message payload is a zlib stream (RFC 1950).
        public static let compressed = Flags(rawValue: 0x01)
    }

    /// Bytes of header after the length field: stream id, kind and flags.
    static let headerSize = 6

    /// The bytes a client sends first on a new connection: "EINVRPC" and protocol version 1.
    public static let preface: [UInt8] = Array("EINVRPC".utf8) + [1]
}

extension ByteBuffer {
    /// Appends a frame whose payload `writePayload` writes in place.
    @inline(__always)
    mutating func writeFrame(streamID: UInt32, kind: Frame.Kind, flags: Frame.Flags = [], _ writePayload: (inout ByteBuffer) -> Void) {
        let lengthIndex = writerIndex
        writeInteger(UInt32(0))
        writeInteger(streamID)
        writeInteger(kind.rawValue)
        writeInteger(flags.rawValue)
        writePayload(&self)
        setInteger(UInt32(writerIndex - lengthIndex - 4), at: lengthIndex)
    }

    /// Appends a frame with no payload.
    @inline(__always)
    mutating func writeFrame(streamID: UInt32, kind: Frame.Kind) {
        writeInteger(UInt32(Frame.headerSize))
        writeInteger(streamID)
        writeInteger(kind.rawValue)
        writeInteger(UInt8(0))
    }
}
