import CZlib
import Testing

/// A minimal PNG reader for tests: splits chunks, checks their CRCs and inflates the pixels of a
/// 1-bit grayscale image, so PNG output is verified independently of ``PNGWriter``'s code paths.
struct PNGChunks {
    struct Header: Equatable {
        var width: UInt32, height: UInt32, bitDepth: UInt8, colorType: UInt8, interlace: UInt8
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var types: [String] = []
    private(set) var header: Header?
    private var imageData: [UInt8] = []

    init(_ png: [UInt8]) throws {
        var offset = 8
        while offset + 12 <= png.count {
            let length = Int(Self.bigEndian(png, offset))
            guard offset + 12 + length <= png.count else { throw Failure(description: "chunk overruns file") }
            let typeAndData = Array(png[(offset + 4)..<(offset + 8 + length)])
            let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
            let data = Array(typeAndData.dropFirst(4))
            let crc = typeAndData.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
            guard UInt32(crc) == Self.bigEndian(png, offset + 8 + length) else {
                throw Failure(description: "bad CRC in \(type)")
            }
            types.append(type)
            if type == "IHDR" {
                header = Header(width: Self.bigEndian(data, 0), height: Self.bigEndian(data, 4),
                                bitDepth: data[8], colorType: data[9], interlace: data[12])
            } else if type == "IDAT" {
                imageData += data
            }
            offset += 12 + length
        }
        guard offset == png.count else { throw Failure(description: "trailing bytes after chunks") }
    }

    /// Rows of pixels, `true` for white; requires filter byte 0 on every scanline.
    func decodedPixels() throws -> [[Bool]] {
        guard let header, header.bitDepth == 1, header.colorType == 0 else {
            throw Failure(description: "not a 1-bit grayscale PNG")
        }
        let width = Int(header.width), height = Int(header.height)
        let rowBytes = (width + 7) / 8
        let raw = try zlibInflate(imageData, expectedSize: (rowBytes + 1) * height)
        return try (0..<height).map { y in
            let row = raw[(y * (rowBytes + 1))..<((y + 1) * (rowBytes + 1))]
            guard row.first == 0 else { throw Failure(description: "scanline \(y) uses filter \(row.first ?? 0)") }
            return (0..<width).map { x in row[row.startIndex + 1 + x / 8] & (0x80 >> UInt8(x % 8)) != 0 }
        }
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        bytes[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}

/// Inflates a zlib stream with zlib's `uncompress`, requiring exactly `expectedSize` output bytes.
func zlibInflate(_ stream: [UInt8], expectedSize: Int) throws -> [UInt8] {
    var output = [UInt8](repeating: 0, count: expectedSize + 1)
    var length = uLong(output.count)
    let status = output.withUnsafeMutableBufferPointer { out in
        stream.withUnsafeBufferPointer { uncompress(out.baseAddress, &length, $0.baseAddress, uLong($0.count)) }
    }
    guard status == Z_OK, Int(length) == expectedSize else {
        throw PNGChunks.Failure(description: "zlib status \(status), \(length) bytes instead of \(expectedSize)")
    }
    return Array(output.prefix(expectedSize))
}
