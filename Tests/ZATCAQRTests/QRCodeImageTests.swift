import CZlib
import Testing
@testable import ZATCAQR

@Suite("QR symbol and PNG rendering")
struct QRCodeImageTests {
    static let texts = [Samples.zatcaQR, "Hello, ZATCA"]

    @Test("The symbol has finder patterns in three corners and a light fourth corner")
    func finderPatterns() throws {
        let image = try QRCodeImage(text: "Hello, ZATCA")
        #expect(image.size == 21 && image.version == 1)
        let last = image.size - 1
        // Finder pattern corners are dark; the module inside the white ring (1, 1) is light.
        for (x, y) in [(0, 0), (last, 0), (0, last)] { #expect(image.isDark(x: x, y: y)) }
        #expect(!image.isDark(x: 1, y: 1))
        #expect(image.isDark(x: 3, y: 3))
        // Outside the symbol is the quiet zone.
        #expect(!image.isDark(x: -1, y: 0) && !image.isDark(x: 0, y: image.size))
    }

    @Test("Level M, byte mode, smallest version: the 628-byte sample needs version 20 (97 modules)")
    func sampleVersion() throws {
        // ISO/IEC 18004 byte-mode capacity at level M: version 19 holds 624 bytes, version 20 holds 666.
        let image = try QRCodeImage(text: Samples.zatcaQR)
        #expect(image.version == 20)
        #expect(image.size == 20 * 4 + 17)
        #expect(try QRCodeImage(text: String(repeating: "x", count: 624)).version == 19)
    }

    @Test("Text over 2,331 bytes throws instead of crashing; 2,331 bytes still fits")
    func tooLong() throws {
        let fits = try QRCodeImage(text: String(repeating: "A", count: QRCodeImage.maximumByteCount))
        #expect(fits.version == 40 && fits.size == 177)
        let error = #expect(throws: QRCodeError.self) {
            try QRCodeImage(text: String(repeating: "A", count: QRCodeImage.maximumByteCount + 1))
        }
        #expect(error == .textTooLongForQRCode(byteCount: 2332, limit: 2331))
        #expect(error?.description == "text is 2332 bytes; a QR code at error correction level M holds at most 2331")
        #expect(throws: QRCodeError.textTooLongForQRCode(byteCount: 10_000, limit: 2331)) {
            try QRCodeImage(text: String(repeating: "ش", count: 5_000))
        }
    }

    @Test("Empty text throws")
    func emptyText() {
        #expect(throws: QRCodeError.emptyText) { try QRCodeImage(text: "") }
    }

    @Test("The PNG starts with the signature and a 1-bit grayscale IHDR of the right size")
    func pngHeader() throws {
        let image = try QRCodeImage(text: "Hello, ZATCA")
        let png = image.png(moduleSize: 3, quietZone: 2)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let chunks = try PNGChunks(png)
        #expect(chunks.types == ["IHDR", "IDAT", "IEND"])
        let side = UInt32((21 + 4) * 3)
        #expect(chunks.header == PNGChunks.Header(width: side, height: side, bitDepth: 1, colorType: 0, interlace: 0))
    }

    @Test("The PNG pixels match the modules: filter byte 0, black for dark, white quiet zone")
    func pngPixels() throws {
        let image = try QRCodeImage(text: "Hello, ZATCA")
        let chunks = try PNGChunks(image.png(moduleSize: 2, quietZone: 4))
        let pixels = try chunks.decodedPixels()
        let side = (21 + 8) * 2
        #expect(pixels.count == side)
        for y in 0..<side {
            for x in 0..<side {
                let dark = image.isDark(x: x / 2 - 4, y: y / 2 - 4)
                if pixels[y][x] == dark {  // pixel value true means white
                    Issue.record("pixel (\(x), \(y)) is \(dark ? "white" : "black"), module is \(dark ? "dark" : "light")")
                    return
                }
            }
        }
    }

    @Test("pngcheck accepts the PNG", arguments: texts)
    func pngcheck(text: String) throws {
        let tool = try ExternalTool.require("pngcheck", purpose: "the PNG structure", package: "pngcheck")
        let file = try TemporaryFile(named: "qr.png", contents: try QRCodeImage(text: text).png())
        defer { file.remove() }
        let run = try tool.run(["-q", file.path])
        #expect(run.status == 0, "pngcheck: \(run.output)")
    }

    @Test("zbarimg reads the PNG back to exactly the input text", arguments: texts)
    func pngScans(text: String) throws {
        let file = try TemporaryFile(named: "qr.png", contents: try QRCodeImage(text: text).png())
        defer { file.remove() }
        #expect(try zbarDecode(path: file.path) == text)
    }

    @Test("The uncompressed fallback also yields a valid, scannable PNG")
    func storedFallback() throws {
        let image = try QRCodeImage(text: Samples.zatcaQR)
        let writer = PNGWriter(image: image, moduleSize: 4, quietZone: 4)
        let stored = writer.png(storedOnly: true)
        #expect(try PNGChunks(stored).decodedPixels() == PNGChunks(writer.png()).decodedPixels())
        let tool = try ExternalTool.require("pngcheck", purpose: "the stored-block PNG", package: "pngcheck")
        let file = try TemporaryFile(named: "stored.png", contents: stored)
        defer { file.remove() }
        #expect(try tool.run(["-q", file.path]).status == 0)
        #expect(try zbarDecode(path: file.path) == Samples.zatcaQR)
    }

    @Test("Stored zlib streams split data into 64 KB blocks and round-trip through zlib")
    func storedBlocks() throws {
        let data = (0..<150_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let stream = PNGWriter.storedZlibStream(data)
        #expect(stream.count == 2 + 3 * 5 + data.count + 4)  // header, three block headers, data, Adler-32
        #expect(try zlibInflate(stream, expectedSize: data.count) == data)
        #expect(try zlibInflate(PNGWriter.storedZlibStream([]), expectedSize: 0) == [])
    }
}
