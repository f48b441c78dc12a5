/// Converts between the `grpc-timeout` metadata value GRPCCore uses (up to eight digits and a
/// unit: `H M S m u n`) and the explicit microsecond timeout field of an OPEN frame.
enum GRPCTimeout {
    static let metadataKey = "grpc-timeout"

    /// Microseconds in a `grpc-timeout` value, rounded up; `nil` if the value is malformed.
    static func microseconds(from value: String) -> UInt64? {
        guard let unit = value.last, value.count >= 2, value.count <= 9,
            let amount = UInt64(value.dropLast()), amount > 0
        else { return nil }
        switch unit {
        case "H": return amount * 3_600_000_000
        case "M": return amount * 60_000_000
        case "S": return amount * 1_000_000
        case "m": return amount * 1_000
        case "u": return amount
        case "n": return (amount + 999) / 1_000
        default: return nil
        }
    }

    /// The `grpc-timeout` value for `microseconds`, in the finest unit that fits eight digits.
    static func metadataValue(microseconds: UInt64) -> String {
        let maxAmount: UInt64 = 99_999_999
        for (unit, scale) in [("u", UInt64(1)), ("m", 1_000), ("S", 1_000_000), ("M", 60_000_000), ("H", 3_600_000_000)] {
            let amount = (microseconds + scale - 1) / scale
            if amount <= maxAmount { return "\(max(amount, 1))\(unit)" }
        }
        return "\(maxAmount)H"
    }
}
