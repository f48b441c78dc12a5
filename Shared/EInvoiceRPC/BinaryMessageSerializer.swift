public import BinaryCoding
public import GRPCCore

/// Serializes `Codable` messages with ``BinaryEncoder`` for GRPCCore.
public struct BinaryMessageSerializer<Message: Encodable>: MessageSerializer {
    public init() {}

    public func serialize<Bytes: GRPCContiguousBytes>(_ message: Message) throws -> Bytes {
        let bytes: [UInt8]
        do {
            bytes = try BinaryEncoder().encode(message)
        } catch {
            throw RPCError(code: .internalError, message: "Cannot serialize \(Message.self): \(error)")
        }
        if Bytes.self == [UInt8].self {
            return unsafeBitCast(bytes, to: Bytes.self)
        }
        return Bytes(bytes)
    }
}

/// Deserializes `Codable` messages with ``BinaryDecoder``; a message that does not decode is the
/// caller's fault and fails the call with `invalidArgument`, naming the field.
public struct BinaryMessageDeserializer<Message: Decodable>: MessageDeserializer {
    public var limits: BinaryDecodingLimits

    public init(limits: BinaryDecodingLimits = .default) {
        self.limits = limits
    }

    public func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> Message {
        do {
            return try serializedMessageBytes.withUnsafeBytes { try BinaryDecoder(limits: limits).decode(Message.self, from: $0) }
        } catch let DecodingError.dataCorrupted(context) {
            throw RPCError(code: .invalidArgument, message: "The \(Message.self) message is malformed: \(context.debugDescription)")
        } catch {
            throw RPCError(code: .invalidArgument, message: "The \(Message.self) message is malformed: \(error)")
        }
    }
}
