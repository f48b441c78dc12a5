import CZlib

/// zlib (RFC 1950) compression of message payloads.
enum Zlib {
    /// Compresses `input`; `nil` if zlib fails (it does not, short of running out of memory).
    static func compress(_ input: UnsafeRawBufferPointer, level: Int32) -> [UInt8]? {
        var destinationLength = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(destinationLength))
        let status = output.withUnsafeMutableBufferPointer { out in
            compress2(out.baseAddress, &destinationLength, input.bindMemory(to: Bytef.self).baseAddress, uLong(input.count), level)
        }
        guard status == Z_OK else { return nil }
        output.removeLast(output.count - Int(destinationLength))
        return output
    }

    /// Inflates a zlib stream, refusing output larger than `limit` bytes (a compressed payload can
    /// expand a thousandfold).
    static func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(ZlibError) -> [UInt8] {
        var stream = z_stream()
        guard einvoice_inflateInit(&stream) == Z_OK else { throw .corrupt("inflateInit failed") }
        defer { inflateEnd(&stream) }
        var output = [UInt8]()
        output.reserveCapacity(min(limit, max(input.count * 4, 1024)))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
        stream.avail_in = uInt(input.count)
        while true {
            let (status, produced) = chunk.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                let status = inflate(&stream, Z_NO_FLUSH)
                return (status, out.count - Int(stream.avail_out))
            }
            if output.count + produced > limit {
                throw .tooLarge(limit: limit)
            }
            output.append(contentsOf: chunk[0..<produced])
            switch status {
            case Z_STREAM_END:
                guard stream.avail_in == 0 else { throw .corrupt("\(stream.avail_in) bytes follow the end of the zlib stream") }
                return output
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.avail_in == 0:
                throw .corrupt("the zlib stream is truncated")
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw .corrupt(reason)
            }
        }
    }
}

enum ZlibError: Error, CustomStringConvertible {
    case corrupt(String)
    case tooLarge(limit: Int)

    var description: String {
        switch self {
        case .corrupt(let reason): "the compressed message is corrupt: \(reason)"
        case .tooLarge(let limit): "the message decompresses to more than \(limit) bytes"
        }
    }
}
