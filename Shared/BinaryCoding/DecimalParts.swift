import Foundation

/// Reads and rebuilds `Decimal` values from their sign, exponent and 128-bit significand.
enum DecimalParts {
    /// The 128-bit significand of `value` as (low, high) 64-bit halves.
    ///
    /// Foundation has no public accessor for the integer significand, so this reads the eight
    /// 16-bit mantissa words, which sit at byte offset 4 of `Decimal` in every Foundation
    /// (the layout of `NSDecimal`; a test checks it).
    @inline(__always)
    static func significand(of value: Decimal) -> (low: UInt64, high: UInt64) {
        withUnsafeBytes(of: value) { raw in
            var low: UInt64 = 0
            var high: UInt64 = 0
            for i in 0..<4 {
                low |= UInt64(raw.loadUnaligned(fromByteOffset: 4 + 2 * i, as: UInt16.self).littleEndian) << (16 * UInt64(i))
                high |= UInt64(raw.loadUnaligned(fromByteOffset: 12 + 2 * i, as: UInt16.self).littleEndian) << (16 * UInt64(i))
            }
            return (low, high)
        }
    }

    private static let twoTo64 = Decimal(UInt64.max) + 1

    /// Rebuilds a decimal, or `nil` when the parts are outside what `Decimal` can hold.
    static func decimal(negative: Bool, exponent: Int64, low: UInt64, high: UInt64) -> Decimal? {
        guard exponent >= -128, exponent <= 127 else { return nil }
        let significand: Decimal
        if high == 0 {
            significand = Decimal(low)
        } else {
            significand = Decimal(high) * twoTo64 + Decimal(low)
        }
        return Decimal(sign: negative ? .minus : .plus, exponent: Int(exponent), significand: significand)
    }
}
