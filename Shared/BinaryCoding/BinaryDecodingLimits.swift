/// Bounds that ``BinaryDecoder`` enforces on untrusted input.
///
/// Anything beyond a limit is refused with a `DecodingError` before memory is allocated for it,
/// so a hostile peer cannot make the decoder allocate more than the message it sent.
public struct BinaryDecodingLimits: Sendable, Hashable {
    /// The deepest nesting of containers accepted.
    public var maxDepth: Int
    /// The most elements (or entries) one container may hold.
    public var maxElementCount: Int
    /// The longest string accepted, in UTF-8 bytes.
    public var maxStringLength: Int
    /// The longest `Data` value accepted, in bytes.
    public var maxByteLength: Int

    public init(maxDepth: Int = 64, maxElementCount: Int = 1_000_000, maxStringLength: Int = 16 << 20, maxByteLength: Int = 16 << 20) {
        self.maxDepth = maxDepth
        self.maxElementCount = maxElementCount
        self.maxStringLength = maxStringLength
        self.maxByteLength = maxByteLength
    }

    /// Defaults sized for RPC messages of up to 16 MiB.
    public static let `default` = BinaryDecodingLimits()
}
