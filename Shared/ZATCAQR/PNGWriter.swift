import CZlib

/// Writes a ``QRCodeImage`` as a 1-bit grayscale PNG.
///
/// The file is the PNG signature followed by IHDR, a single IDAT (zlib-compressed scanlines,
/// each starting with filter type 0) and IEND. A 1-bit image keeps a printed QR code sharp and
/// small: a 628-character ZATCA payload at 4 pixels per module is about 2 KB.
struct PNGWriter: Sendable {
    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    let image: QRCodeImage
    let moduleSize: Int
    let quietZone: Int

    /// A writer for `image`; out-of-range sizes are clamped (module size at least 1, quiet zone at least 0).
    init(image: QRCodeImage, moduleSize: Int, quietZone: Int) {
        self.image = image
        self.moduleSize = max(1, moduleSize)
        self.quietZone = max(0, quietZone)
    }

    /// Image width and height in pixels, quiet zone included.
    var pixelSize: Int { (image.size + 2 * quietZone) * moduleSize }

    /// The complete PNG file. `storedOnly` skips compression (used when zlib's `compress2`
    /// fails, and by tests to exercise that path).
    func png(storedOnly: Bool = false) -> [UInt8] {
        let scanlines = filteredScanlines()
        let compressed = (storedOnly ? nil : Self.deflate(scanlines)) ?? Self.storedZlibStream(scanlines)

        var header: [UInt8] = []
        Self.appendBigEndian(UInt32(pixelSize), to: &header)  // width
        Self.appendBigEndian(UInt32(pixelSize), to: &header)  // height
        header += [1, 0, 0, 0, 0]  // bit depth 1, grayscale, deflate, adaptive filtering, no interlace

        var file = Self.signature
        Self.appendChunk("IHDR", header, to: &file)
        Self.appendChunk("IDAT", compressed, to: &file)
        Self.appendChunk("IEND", [], to: &file)
        return file
    }

    /// The raw image data: per pixel row, filter byte 0 then pixels packed 8 per byte, most
    /// significant bit first, 0 for black (dark module) and 1 for white.
    func filteredScanlines() -> [UInt8] {
        let pixels = pixelSize
        let rowBytes = (pixels + 7) / 8
        let modulesPerSide = image.size + 2 * quietZone
        var data: [UInt8] = []
        data.reserveCapacity((rowBytes + 1) * pixels)
        var row = [UInt8](repeating: 0, count: rowBytes + 1)
        for moduleY in 0..<modulesPerSide {
            row[0] = 0  // filter type None
            for index in 1...rowBytes { row[index] = 0xFF }
            for moduleX in 0..<modulesPerSide
            where image.isDark(x: moduleX - quietZone, y: moduleY - quietZone) {
                for pixelX in moduleX * moduleSize..<(moduleX + 1) * moduleSize {
                    row[1 + pixelX / 8] &= ~(0x80 >> UInt8(pixelX % 8))
                }
            }
            // Every module is `moduleSize` pixels tall: repeat the scanline.
            for _ in 0..<moduleSize { data += row }
        }
        return data
    }

    /// `data` compressed with zlib, or `nil` if zlib reports an error. The default level (6) is
    /// used on purpose: on QR scanlines it is about twice as fast as level 9 and no larger.
    static func deflate(_ data: [UInt8]) -> [UInt8]? {
        var capacity = compressBound(uLong(data.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = output.withUnsafeMutableBufferPointer { out in
            data.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &capacity, input.baseAddress, uLong(input.count), Z_DEFAULT_COMPRESSION)
            }
        }
        guard status == Z_OK else { return nil }
        return Array(output.prefix(Int(capacity)))
    }

    /// A valid zlib stream holding `data` in uncompressed ("stored") deflate blocks. It needs no
    /// allocation inside zlib, so the PNG can always be written.
    static func storedZlibStream(_ data: [UInt8]) -> [UInt8] {
        var stream: [UInt8] = [0x78, 0x01]  // deflate, 32 KB window, no preset dictionary; header % 31 == 0
        let maximumBlock = Int(UInt16.max)
        var start = 0
        repeat {
            let end = min(start + maximumBlock, data.count)
            let length = UInt16(end - start)
            stream.append(end == data.count ? 1 : 0)  // BFINAL bit, BTYPE 00 (stored)
            stream += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            stream += data[start..<end]
            start = end
        } while start < data.count
        let checksum = data.withUnsafeBufferPointer { adler32(adler32(0, nil, 0), $0.baseAddress, uInt($0.count)) }
        appendBigEndian(UInt32(truncatingIfNeeded: checksum), to: &stream)
        return stream
    }

    /// Appends a PNG chunk: data length, type, data and the CRC-32 of type plus data.
    static func appendChunk(_ type: String, _ data: [UInt8], to file: inout [UInt8]) {
        let typeAndData = Array(type.utf8) + data
        let crc = typeAndData.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        appendBigEndian(UInt32(data.count), to: &file)
        file += typeAndData
        appendBigEndian(UInt32(truncatingIfNeeded: crc), to: &file)
    }

    static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
