import Foundation

extension ExactDecimal: CustomStringConvertible, LosslessStringConvertible {
    /// Plain decimal text: optional `-` or `+`, digits, optionally a point and more digits
    /// (`"12"`, `"0.50"`, `"-3.000000"`, `".5"`). No exponent, no grouping, no spaces. Nil for
    /// anything else, or more than ``maximumDigits`` digits or ``maximumScale`` decimals.
    public init?(_ text: String) {
        var copy = text
        guard let value = copy.withUTF8({ ExactDecimal(utf8: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = value
    }

    public init?(_ text: Substring) {
        self.init(String(text))
    }

    /// Parses UTF-8 bytes; see ``init(_:)-(String)``.
    public init?(utf8 bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var value: Int128 = 0
        var digits = 0
        var significantDigits = 0
        var scale = 0
        var seenPoint = false
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits += 1
                if value != 0 || byte != UInt8(ascii: "0") { significantDigits += 1 }
                guard significantDigits <= Self.maximumDigits else { return nil }
                value = value * 10 + Int128(byte - UInt8(ascii: "0"))
                if seenPoint {
                    scale += 1
                    guard scale <= Self.maximumScale else { return nil }
                }
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        self.init(significand: negative ? -value : value, scale: scale)
    }

    public var description: String {
        String(decoding: utf8Text, as: UTF8.self)
    }

    /// The text as UTF-8 bytes, every decimal kept (`"100.00"` stays `"100.00"`).
    public var utf8Text: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(to: &bytes)
        return bytes
    }

    /// Appends the text to a byte buffer without building a `String`.
    public func append(to bytes: inout [UInt8]) {
        if significand < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = significand.magnitude
        // Digits least significant first, into a fixed scratch buffer.
        var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        let digitCount = withUnsafeMutableBytes(of: &scratch) { raw -> Int in
            var written = 0
            repeat {
                let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: 10)
                raw[written] = UInt8(remainder) + UInt8(ascii: "0")
                written += 1
                magnitude = quotient
            } while magnitude != 0 && written < 40
            while written <= scale {
                raw[written] = UInt8(ascii: "0")
                written += 1
            }
            return written
        }
        withUnsafeBytes(of: &scratch) { raw in
            var position = digitCount - 1
            while position >= 0 {
                if position == scale - 1 { bytes.append(UInt8(ascii: ".")) }
                bytes.append(raw[position])
                position -= 1
            }
        }
    }

    /// Digits after the point as written (`"1.50"` → 2).
    public var decimals: Int { scale }

    /// The value as a `Double`, for display only.
    public var doubleValue: Double {
        Double(significand) / pow(10, Double(scale))
    }
}

extension ExactDecimal: Codable {
    /// Reads a JSON string (`"12.50"`, preferred: exact) or a JSON number (read through
    /// Foundation's `Decimal`, exact for up to 38 digits).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let value = ExactDecimal(text.trimmingCharacters(in: .whitespaces)) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "'\(text.prefix(40))' is not a decimal number: write digits with an optional '.' and sign, like \"1234.50\""
                )
            }
            self = value
            return
        }
        let number = try container.decode(Decimal.self)
        guard let value = ExactDecimal(number.description) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(number) is not a usable decimal number (too many digits?)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
