/// Minimal DER handling of `ECDSA-Sig-Value` for tests that rewrite S.
enum ECDSASignatureDER {
    /// secp256k1 group order n, big-endian.
    static let order: [UInt8] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
        0xBA, 0xAE, 0xDC, 0xE6, 0xAF, 0x48, 0xA0, 0x3B, 0xBF, 0xD2, 0x5E, 0x8C, 0xD0, 0x36, 0x41, 0x41,
    ]

    /// n / 2, big-endian: S above this is "high".
    static let halfOrder: [UInt8] = [
        0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0x5D, 0x57, 0x6E, 0x73, 0x57, 0xA4, 0x50, 0x1D, 0xDF, 0xE9, 0x2F, 0x46, 0x68, 0x1B, 0x20, 0xA0,
    ]

    /// (r, s) as 32-byte big-endian values; nil if not a short-form DER SEQUENCE of two INTEGERs.
    static func parse(_ der: [UInt8]) -> (r: [UInt8], s: [UInt8])? {
        guard der.count > 8, der[0] == 0x30, Int(der[1]) == der.count - 2, der[2] == 0x02 else { return nil }
        let rLength = Int(der[3])
        let sTag = 4 + rLength
        guard sTag + 2 <= der.count, der[sTag] == 0x02 else { return nil }
        let sLength = Int(der[sTag + 1])
        guard sTag + 2 + sLength == der.count else { return nil }
        return (pad(Array(der[4..<sTag])), pad(Array(der[(sTag + 2)...])))
    }

    /// DER `SEQUENCE { INTEGER r, INTEGER s }` from 32-byte big-endian values.
    static func encode(r: [UInt8], s: [UInt8]) -> [UInt8] {
        let body = integer(r) + integer(s)
        return [0x30, UInt8(body.count)] + body
    }

    /// n − s for a 32-byte big-endian s.
    static func negate(_ s: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for index in stride(from: 31, through: 0, by: -1) {
            var difference = Int(order[index]) - Int(s[index]) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 256 }
            result[index] = UInt8(difference)
        }
        return result
    }

    /// Whether a 32-byte big-endian s is at most n / 2.
    static func isLow(_ s: [UInt8]) -> Bool {
        for (a, b) in zip(s, halfOrder) where a != b { return a < b }
        return true
    }

    private static func pad(_ bytes: [UInt8]) -> [UInt8] {
        let trimmed = Array(bytes.drop { $0 == 0 })
        return [UInt8](repeating: 0, count: max(0, 32 - trimmed.count)) + trimmed
    }

    private static func integer(_ value: [UInt8]) -> [UInt8] {
        var bytes = Array(value.drop { $0 == 0 })
        if bytes.isEmpty { bytes = [0] }
        if bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return [0x02, UInt8(bytes.count)] + bytes
    }
}
