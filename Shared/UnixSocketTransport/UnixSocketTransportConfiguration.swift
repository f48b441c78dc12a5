/// Settings shared by the client and server sides of the Unix-socket transport.
public struct UnixSocketTransportConfiguration: Sendable {
    /// The largest frame payload accepted or sent (default 16 MiB). A longer frame on the wire
    /// closes the connection; a longer outgoing message fails its call with `resourceExhausted`.
    public var maxFrameSize: Int
    /// The largest message accepted after decompression.
    public var maxMessageSize: Int
    /// Messages at least this large are compressed with zlib when that makes them smaller.
    public var compressionThreshold: Int
    /// zlib level, 1 (fastest) to 9 (smallest).
    public var compressionLevel: Int32
    /// Inbound bytes buffered per connection before the transport stops reading from it.
    public var inboundBufferLimit: Int

    public init(
        maxFrameSize: Int = 16 << 20,
        maxMessageSize: Int? = nil,
        compressionThreshold: Int = 64 << 10,
        compressionLevel: Int32 = 1,
        inboundBufferLimit: Int = 32 << 20
    ) {
        self.maxFrameSize = maxFrameSize
        self.maxMessageSize = maxMessageSize ?? maxFrameSize
        self.compressionThreshold = compressionThreshold
        self.compressionLevel = compressionLevel
        self.inboundBufferLimit = inboundBufferLimit
    }

    public static let `default` = UnixSocketTransportConfiguration()
}
