/// A decimal number held exactly: an integer significand and a count of digits after the point.
///
/// Money on an invoice must never pass through binary floating point: `0.1 + 0.2` is not `0.3`
/// there, and ZATCA rejects totals that are off by a single halala. `ExactDecimal` keeps the
/// digits as written (`"100.00"` has scale 2 and prints back as `"100.00"`), adds, subtracts and
/// multiplies without loss, and rounds only where a rule says so, with the rule named.
///
/// ```swift
/// let taxable: ExactDecimal = "869.57"
/// let tax = (taxable * "15" / 100).rounded(scale: 2)   // 130.44 (130.4355 rounded half up)
/// ```
///
/// The significand is an `Int128`; inputs are limited to ``maximumDigits`` significant digits and
/// ``maximumScale`` decimals so that any product of two inputs fits.
public struct ExactDecimal: Sendable {
    /// The digits as an integer: `12345` with scale 2 is 123.45.
    public let significand: Int128
    /// Digits after the decimal point, 0…``maximumScale`` for parsed values (products may reach
    /// twice that before rounding).
    public let scale: Int

    /// Most digits accepted when parsing text.
    public static let maximumDigits = 24
    /// Most decimals accepted when parsing text.
    public static let maximumScale = 12

    public static let zero = ExactDecimal(significand: 0, scale: 0)

    public init(significand: Int128, scale: Int) {
        precondition(scale >= 0 && scale <= 36, "scale out of range")
        self.significand = significand
        self.scale = scale
    }

    public init(_ integer: Int) {
        self.init(significand: Int128(integer), scale: 0)
    }

    public var isZero: Bool { significand == 0 }
    public var isNegative: Bool { significand < 0 }
    public var isPositive: Bool { significand > 0 }

    /// The same value with exactly `scale` decimals, padding with zeros. Precondition: `scale`
    /// is at least the current scale (use ``rounded(scale:_:)`` to drop digits).
    public func padded(to newScale: Int) -> ExactDecimal {
        guard newScale > scale else { return self }
        return ExactDecimal(significand: significand * Self.powerOfTen(newScale - scale), scale: newScale)
    }

    /// The value without trailing zeros after the point (`"15.00"` → `"15"`).
    public var normalized: ExactDecimal {
        var value = significand
        var newScale = scale
        while newScale > 0, value % 10 == 0 {
            value /= 10
            newScale -= 1
        }
        return ExactDecimal(significand: value, scale: newScale)
    }

    /// The integer part, truncated toward zero.
    public var integerPart: Int128 { significand / Self.powerOfTen(scale) }

    static let powersOfTen: [Int128] = {
        var table: [Int128] = [1]
        for _ in 1...38 { table.append(table[table.count - 1] * 10) }
        return table
    }()

    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> Int128 {
        powersOfTen[exponent]
    }
}

extension ExactDecimal: Equatable, Hashable, Comparable {
    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.scale == rhs.scale { return lhs.significand == rhs.significand }
        let scale = max(lhs.scale, rhs.scale)
        return lhs.padded(to: scale).significand == rhs.padded(to: scale).significand
    }

    public func hash(into hasher: inout Hasher) {
        let normal = normalized
        hasher.combine(normal.significand)
        hasher.combine(normal.scale)
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.scale == rhs.scale { return lhs.significand < rhs.significand }
        let scale = max(lhs.scale, rhs.scale)
        return lhs.padded(to: scale).significand < rhs.padded(to: scale).significand
    }
}

extension ExactDecimal: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }

    /// For constants in code and tests; traps on text that is not a plain decimal.
    public init(stringLiteral value: String) {
        guard let parsed = ExactDecimal(value) else { preconditionFailure("not a decimal literal: \(value)") }
        self = parsed
    }
}
