import CQREncode

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A QR symbol (its module matrix) for a piece of text, ready to be rendered as PNG or SVG.
///
/// The symbol is produced by libqrencode in 8-bit (byte) mode at error correction level M with
/// the smallest version that fits, which is what ZATCA's own SDK produces for invoice QR codes
/// and what phone scanners read reliably when the code is printed on a receipt.
public struct QRCodeImage: Sendable {
    /// The largest number of bytes a QR symbol can carry in byte mode at level M (version 40).
    public static let maximumByteCount = 2331

    /// Modules per side, without quiet zone (21 for version 1, up to 177 for version 40).
    public let size: Int

    /// The QR version libqrencode chose (1 to 40).
    public let version: Int

    /// Row-major module colours, `true` for dark; `size * size` entries.
    private let modules: [Bool]

    /// Encodes `text` (as its UTF-8 bytes) into a QR symbol.
    ///
    /// - Throws: ``QRCodeError/emptyText`` for an empty string,
    ///   ``QRCodeError/textTooLongForQRCode(byteCount:limit:)`` when the text exceeds
    ///   ``maximumByteCount`` bytes, and ``QRCodeError/encodingFailed(_:)`` if libqrencode fails
    ///   for another reason (such as running out of memory).
    public init(text: String) throws(QRCodeError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .emptyText }
        guard bytes.count <= Self.maximumByteCount else {
            throw .textTooLongForQRCode(byteCount: bytes.count, limit: Self.maximumByteCount)
        }
        let result: Result<(size: Int, version: Int, modules: [Bool]), QRCodeError> = bytes.withUnsafeBufferPointer {
            buffer in
            // libqrencode reports failures through errno; clear it so a stale value is not misread.
            errno = 0
            // Version 0 asks libqrencode for the smallest version that holds the data.
            guard let code = QRcode_encodeData(Int32(buffer.count), buffer.baseAddress, 0, QR_ECLEVEL_M) else {
                let code = errno
                if code == ERANGE {
                    return .failure(.textTooLongForQRCode(byteCount: bytes.count, limit: Self.maximumByteCount))
                }
                let reason = code == 0 ? "libqrencode returned no symbol" : String(cString: strerror(code))
                return .failure(.encodingFailed(reason))
            }
            defer { QRcode_free(code) }
            let width = Int(code.pointee.width)
            guard width > 0, let data = code.pointee.data else {
                return .failure(.encodingFailed("libqrencode returned an empty symbol"))
            }
            // Bit 0 of each byte is the module colour; the other bits describe the module's role.
            let modules = (0..<width * width).map { data[$0] & 1 == 1 }
            return .success((width, Int(code.pointee.version), modules))
        }
        switch result {
        case .success(let symbol):
            self.size = symbol.size
            self.version = symbol.version
            self.modules = symbol.modules
        case .failure(let error):
            throw error
        }
    }

    /// Whether the module at column `x`, row `y` is dark. Coordinates outside the symbol
    /// (the quiet zone) are light, so renderers can iterate over a padded area without checks.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// The symbol as a PNG image (1-bit grayscale), for printing on invoices or serving over HTTP.
    ///
    /// - Parameters:
    ///   - moduleSize: Pixels per module side; values below 1 are treated as 1.
    ///   - quietZone: Light border in modules; the QR specification asks for 4. Negative values are treated as 0.
    public func png(moduleSize: Int = 4, quietZone: Int = 4) -> [UInt8] {
        PNGWriter(image: self, moduleSize: moduleSize, quietZone: quietZone).png()
    }

    /// The symbol as a compact SVG document that scales without blurring, for HTML and PDF rendering.
    ///
    /// - Parameters:
    ///   - moduleSize: User units per module, which sets the `width` and `height`; values below 1 are treated as 1.
    ///   - quietZone: Light border in modules; negative values are treated as 0.
    public func svg(moduleSize: Int = 4, quietZone: Int = 4) -> String {
        SVGWriter(image: self, moduleSize: moduleSize, quietZone: quietZone).svg()
    }
}
