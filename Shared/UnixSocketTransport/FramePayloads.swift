import GRPCCore
import NIOCore

/// The structured payloads of OPEN, HEADERS, STATUS and GOAWAY frames.
///
/// A metadata block is `u16 count`, then per entry `u16 key length, key (ASCII), u8 type
/// (0 text, 1 binary), u32 value length, value`.
enum FramePayloads {
    // MARK: Metadata

    static func writeMetadata(_ metadata: Metadata, into buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt16(truncatingIfNeeded: metadata.count))
        for (key, value) in metadata {
            buffer.writeInteger(UInt16(truncatingIfNeeded: key.utf8.count))
            buffer.writeString(key)
            switch value {
            case .string(let string):
                buffer.writeInteger(UInt8(0))
                buffer.writeInteger(UInt32(truncatingIfNeeded: string.utf8.count))
                buffer.writeString(string)
            case .binary(let bytes):
                buffer.writeInteger(UInt8(1))
                buffer.writeInteger(UInt32(truncatingIfNeeded: bytes.count))
                buffer.writeBytes(bytes)
            }
        }
    }

    static func readMetadata(from buffer: inout ByteBuffer) throws(PayloadError) -> Metadata {
        guard let count = buffer.readInteger(as: UInt16.self) else { throw PayloadError("metadata count is missing") }
        var metadata = Metadata()
        metadata.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let keyLength = buffer.readInteger(as: UInt16.self),
                let key = buffer.readString(length: Int(keyLength))
            else { throw PayloadError("metadata key is truncated") }
            guard !key.isEmpty, key.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw PayloadError("metadata key \"\(key)\" is not printable ASCII")
            }
            guard let type = buffer.readInteger(as: UInt8.self),
                let valueLength = buffer.readInteger(as: UInt32.self),
                valueLength <= buffer.readableBytes
            else { throw PayloadError("metadata value for \"\(key)\" is truncated") }
            switch type {
            case 0:
                guard let string = buffer.readString(length: Int(valueLength)), string.utf8.allSatisfy({ $0 != 0 }) else {
                    throw PayloadError("metadata value for \"\(key)\" is not valid text")
                }
                metadata.addString(string, forKey: key)
            case 1:
                guard key.hasSuffix("-bin") else { throw PayloadError("binary metadata key \"\(key)\" must end in -bin") }
                metadata.addBinary(buffer.readBytes(length: Int(valueLength))!, forKey: key)
            default:
                throw PayloadError("metadata value for \"\(key)\" has unknown type \(type)")
            }
        }
        return metadata
    }

    // MARK: OPEN

    /// `u16 path length, path ("package.Service/Method"), u64 timeout in microseconds (0: none),
    /// metadata block`.
    static func writeOpen(method: MethodDescriptor, timeoutMicroseconds: UInt64, metadata: Metadata, into buffer: inout ByteBuffer) {
        let path = method.fullyQualifiedMethod
        buffer.writeInteger(UInt16(truncatingIfNeeded: path.utf8.count))
        buffer.writeString(path)
        buffer.writeInteger(timeoutMicroseconds)
        writeMetadata(metadata, into: &buffer)
    }

    static func readOpen(from payload: ByteBuffer) throws(PayloadError) -> (method: MethodDescriptor, timeoutMicroseconds: UInt64, metadata: Metadata) {
        var buffer = payload
        guard let pathLength = buffer.readInteger(as: UInt16.self), let path = buffer.readString(length: Int(pathLength)) else {
            throw PayloadError("method path is truncated")
        }
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard let slash = trimmed.lastIndex(of: "/"), slash != trimmed.startIndex, trimmed.index(after: slash) != trimmed.endIndex else {
            throw PayloadError("method path \"\(path)\" is not of the form package.Service/Method")
        }
        guard let timeout = buffer.readInteger(as: UInt64.self) else { throw PayloadError("timeout is missing") }
        let metadata = try readMetadata(from: &buffer)
        guard buffer.readableBytes == 0 else { throw PayloadError("\(buffer.readableBytes) unexpected bytes after the metadata") }
        let method = MethodDescriptor(
            fullyQualifiedService: String(trimmed[..<slash]),
            method: String(trimmed[trimmed.index(after: slash)...])
        )
        return (method, timeout, metadata)
    }

    // MARK: STATUS

    /// `u8 code, u32 message length, message (UTF-8), metadata block`.
    static func writeStatus(_ status: Status, trailers: Metadata, into buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt8(truncatingIfNeeded: status.code.rawValue))
        buffer.writeInteger(UInt32(truncatingIfNeeded: status.message.utf8.count))
        buffer.writeString(status.message)
        writeMetadata(trailers, into: &buffer)
    }

    static func readStatus(from payload: ByteBuffer) throws(PayloadError) -> (Status, Metadata) {
        var buffer = payload
        guard let rawCode = buffer.readInteger(as: UInt8.self), let code = Status.Code(rawValue: Int(rawCode)) else {
            throw PayloadError("status code is missing or unknown")
        }
        guard let length = buffer.readInteger(as: UInt32.self), length <= buffer.readableBytes,
            let message = buffer.readString(length: Int(length))
        else { throw PayloadError("status message is truncated") }
        let trailers = try readMetadata(from: &buffer)
        return (Status(code: code, message: message), trailers)
    }

    // MARK: GOAWAY

    /// `u32 last stream id the server will complete, UTF-8 reason`.
    static func writeGoAway(lastStreamID: UInt32, reason: String, into buffer: inout ByteBuffer) {
        buffer.writeInteger(lastStreamID)
        buffer.writeString(reason)
    }

    static func readGoAway(from payload: ByteBuffer) throws(PayloadError) -> (lastStreamID: UInt32, reason: String) {
        var buffer = payload
        guard let last = buffer.readInteger(as: UInt32.self) else { throw PayloadError("last stream id is missing") }
        return (last, buffer.readString(length: buffer.readableBytes) ?? "")
    }
}

struct PayloadError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
