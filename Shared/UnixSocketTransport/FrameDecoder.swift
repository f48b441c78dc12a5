import NIOCore

/// Cuts the inbound byte stream into frames, refusing oversized lengths as soon as the four
/// length bytes arrive, so that a hostile length never makes us buffer anything.
struct FrameDecoder: NIOSingleStepByteToMessageDecoder {
    typealias InboundOut = Frame

    let maxFrameSize: Int
    /// Servers first expect the client's preface.
    var expectingPreface: Bool

    mutating func decode(buffer: inout ByteBuffer) throws -> Frame? {
        if expectingPreface {
            let available = min(buffer.readableBytes, Frame.preface.count)
            guard let head = buffer.getBytes(at: buffer.readerIndex, length: available) else { return nil }
            guard head.elementsEqual(Frame.preface.prefix(available)) else {
                throw TransportProtocolError.badPreface(received: head)
            }
            guard available == Frame.preface.count else { return nil }
            buffer.moveReaderIndex(forwardBy: available)
            expectingPreface = false
        }
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return nil }
        guard length >= Frame.headerSize else {
            throw TransportProtocolError.frameTooShort(length: Int(length))
        }
        guard Int(length) - Frame.headerSize <= maxFrameSize else {
            throw TransportProtocolError.frameTooLarge(length: Int(length), limit: maxFrameSize)
        }
        guard buffer.readableBytes >= 4 + Int(length) else { return nil }
        buffer.moveReaderIndex(forwardBy: 4)
        let streamID = buffer.readInteger(as: UInt32.self)!
        let rawKind = buffer.readInteger(as: UInt8.self)!
        let flags = Frame.Flags(rawValue: buffer.readInteger(as: UInt8.self)!)
        let payload = buffer.readSlice(length: Int(length) - Frame.headerSize)!
        guard let kind = Frame.Kind(rawValue: rawKind) else {
            throw TransportProtocolError.unknownFrameKind(rawKind, streamID: streamID)
        }
        return Frame(streamID: streamID, kind: kind, flags: flags, payload: payload)
    }

    mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> Frame? {
        if let frame = try decode(buffer: &buffer) { return frame }
        if buffer.readableBytes > 0 {
            throw TransportProtocolError.truncatedFrame(bytes: buffer.readableBytes)
        }
        return nil
    }
}

/// A violation of the wire protocol by the peer. The connection that carried it is closed.
enum TransportProtocolError: Error, CustomStringConvertible {
    case badPreface(received: [UInt8])
    case frameTooShort(length: Int)
    case frameTooLarge(length: Int, limit: Int)
    case unknownFrameKind(UInt8, streamID: UInt32)
    case truncatedFrame(bytes: Int)
    case malformedPayload(Frame.Kind, streamID: UInt32, reason: String)
    case unexpectedFrame(Frame.Kind, streamID: UInt32, reason: String)

    var description: String {
        switch self {
        case .badPreface(let received):
            "the peer did not start with the einvoice RPC preface (got \(received.prefix(8).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()))"
        case .frameTooShort(let length):
            "frame length \(length) is shorter than a frame header"
        case .frameTooLarge(let length, let limit):
            "frame length \(length) exceeds the maximum frame size of \(limit) bytes"
        case .unknownFrameKind(let kind, let streamID):
            "unknown frame kind 0x\(String(kind, radix: 16)) on stream \(streamID)"
        case .truncatedFrame(let bytes):
            "the connection closed in the middle of a frame (\(bytes) bytes left over)"
        case .malformedPayload(let kind, let streamID, let reason):
            "malformed \(kind) frame on stream \(streamID): \(reason)"
        case .unexpectedFrame(let kind, let streamID, let reason):
            "unexpected \(kind) frame on stream \(streamID): \(reason)"
        }
    }
}
