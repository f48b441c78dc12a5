extension ExactDecimal {
    /// How to drop digits.
    public enum RoundingRule: Sendable {
        /// Half away from zero: 0.125 → 0.13, −0.125 → −0.13. Commercial rounding, used for
        /// every amount einvoice computes.
        case halfUp
        /// Half toward positive infinity: −0.125 → −0.12. XPath's `round()`, used when a
        /// ZATCA rule is checked exactly as its schematron states it.
        case halfTowardPositiveInfinity
        /// Toward negative infinity (XPath `floor()`).
        case down
        /// Toward zero.
        case towardZero
    }

    public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let scale = max(lhs.scale, rhs.scale)
        return ExactDecimal(significand: lhs.padded(to: scale).significand + rhs.padded(to: scale).significand, scale: scale)
    }

    public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let scale = max(lhs.scale, rhs.scale)
        return ExactDecimal(significand: lhs.padded(to: scale).significand - rhs.padded(to: scale).significand, scale: scale)
    }

    public static prefix func - (value: ExactDecimal) -> ExactDecimal {
        ExactDecimal(significand: -value.significand, scale: value.scale)
    }

    /// The exact product. Scales add; operands that are results of earlier products are
    /// rounded first if the sum would exceed 36 decimals.
    public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        var left = lhs
        var right = rhs
        if left.scale + right.scale > 36 {
            left = left.rounded(scale: min(left.scale, 18), .halfUp)
            right = right.rounded(scale: min(right.scale, 18), .halfUp)
        }
        return ExactDecimal(significand: left.significand * right.significand, scale: left.scale + right.scale)
    }

    /// Division by an integer, kept exact to 18 decimals and then rounded half up. Dividing by
    /// 100 (a percentage) is always exact.
    public static func / (lhs: ExactDecimal, rhs: Int) -> ExactDecimal {
        lhs.divided(by: ExactDecimal(rhs), scale: max(lhs.scale + 2, 18), .halfUp)
    }

    public static func += (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs + rhs }
    public static func -= (lhs: inout ExactDecimal, rhs: ExactDecimal) { lhs = lhs - rhs }

    /// `self / divisor` with `scale` decimals, the last one rounded by `rule`. Precondition:
    /// the divisor is not zero.
    public func divided(by divisor: ExactDecimal, scale resultScale: Int, _ rule: RoundingRule = .halfUp) -> ExactDecimal {
        precondition(!divisor.isZero, "division by zero")
        // self = a / 10^sa, divisor = b / 10^sb; result * 10^rs = a * 10^(rs + sb - sa) / b.
        let shift = resultScale + divisor.scale - scale
        var numerator = significand
        var denominator = divisor.significand
        if shift >= 0 {
            numerator *= Self.powerOfTen(shift)
        } else {
            denominator *= Self.powerOfTen(-shift)
        }
        if denominator < 0 {
            numerator = -numerator
            denominator = -denominator
        }
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        return ExactDecimal(significand: Self.round(quotient: quotient, remainder: remainder, divisor: denominator, rule), scale: resultScale)
    }

    /// The value with at most `scale` decimals, rounded by `rule`; values with fewer decimals
    /// come back unchanged (not padded).
    public func rounded(scale newScale: Int, _ rule: RoundingRule = .halfUp) -> ExactDecimal {
        guard newScale < scale else { return self }
        let divisor = Self.powerOfTen(scale - newScale)
        let (quotient, remainder) = significand.quotientAndRemainder(dividingBy: divisor)
        return ExactDecimal(significand: Self.round(quotient: quotient, remainder: remainder, divisor: divisor, rule), scale: newScale)
    }

    /// Rounded to whole halalas (two decimals, half up) and padded to exactly two decimals: how
    /// every amount on an invoice is written.
    public var roundedToHalala: ExactDecimal {
        rounded(scale: 2, .halfUp).padded(to: 2)
    }

    /// `quotient` adjusted by the truncated `remainder / divisor` (divisor > 0) under `rule`.
    private static func round(quotient: Int128, remainder: Int128, divisor: Int128, _ rule: RoundingRule) -> Int128 {
        guard remainder != 0 else { return quotient }
        let twice = remainder.magnitude * 2
        let half = twice == divisor.magnitude
        let aboveHalf = twice > divisor.magnitude
        let negative = remainder < 0
        switch rule {
        case .towardZero:
            return quotient
        case .down:
            return negative ? quotient - 1 : quotient
        case .halfUp:
            guard aboveHalf || half else { return quotient }
            return negative ? quotient - 1 : quotient + 1
        case .halfTowardPositiveInfinity:
            if negative {
                return aboveHalf ? quotient - 1 : quotient
            }
            return aboveHalf || half ? quotient + 1 : quotient
        }
    }

    public var magnitude: ExactDecimal {
        isNegative ? -self : self
    }
}

extension Sequence where Element == ExactDecimal {
    /// The exact sum.
    public func sum() -> ExactDecimal {
        reduce(ExactDecimal.zero, +)
    }
}
