import GRPCCore
import NIOCore

/// Turns serialized messages into MESSAGE frame payloads and back: compression above the
/// threshold, and the size limits.
enum MessagePayload {
    /// The payload and flags for `message`, compressed when that is worthwhile.
    static func encode(_ message: [UInt8], configuration: UnixSocketTransportConfiguration) throws(RPCError) -> (bytes: [UInt8], flags: Frame.Flags) {
        var payload = message
        var flags: Frame.Flags = []
        if message.count >= configuration.compressionThreshold,
            let compressed = message.withUnsafeBytes({ Zlib.compress($0, level: configuration.compressionLevel) }),
            compressed.count < message.count
        {
            payload = compressed
            flags.insert(.compressed)
        }
        guard payload.count <= configuration.maxFrameSize else {
            throw RPCError(
                code: .resourceExhausted,
                message: "The message is \(message.count) bytes (\(payload.count) on the wire); the transport's limit is \(configuration.maxFrameSize) bytes."
            )
        }
        return (payload, flags)
    }

    /// The message bytes carried by a MESSAGE frame's payload.
    static func decode(_ payload: ByteBuffer, compressed: Bool, configuration: UnixSocketTransportConfiguration) throws(RPCError) -> [UInt8] {
        guard compressed else {
            return Array(payload.readableBytesView)
        }
        let result = payload.withUnsafeReadableBytes { raw in
            Result { () throws(ZlibError) in try Zlib.decompress(raw, limit: configuration.maxMessageSize) }
        }
        switch result {
        case .success(let bytes):
            return bytes
        case .failure(.tooLarge):
            throw RPCError(code: .resourceExhausted, message: "The message decompresses to more than the limit of \(configuration.maxMessageSize) bytes.")
        case .failure(let error):
            throw RPCError(code: .invalidArgument, message: "\(error)")
        }
    }
}
