import Foundation
import PropertyBased
import Testing

@testable import BinaryCoding

/// Characters from Latin, Arabic (with its presentation forms) and emoji, plus XML's specials.
let textGenerator = Gen<UInt32>.value(in: 0...999).map { n -> Character in
    let scalar: UInt32
    switch n % 5 {
    case 0: scalar = 0x20 + n % 0x5F
    case 1: scalar = 0x0600 + n % 0x100
    case 2: scalar = 0xFE70 + n % 0x8C
    case 3: scalar = 0x1F300 + n % 0x300
    default: scalar = [0x26, 0x3C, 0x3E, 0x22, 0x0A, 0x00, 0x200F][Int(n) % 7]
    }
    return Character(Unicode.Scalar(scalar)!)
}.string(of: 0...40)

let decimalGenerator = zip(Gen<Int64>.value(in: -1_000_000_000_000_000...1_000_000_000_000_000), Gen<Int>.value(in: -30...30))
    .map { mantissa, exponent in Decimal(sign: mantissa < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa.magnitude)) }

@Suite("Binary serializer properties")
struct PropertyTests {
    @Test("Random invoice-like messages round-trip and re-encode to the same bytes")
    func randomMessages() async {
        await propertyCheck(
            count: 300,
            input: textGenerator, decimalGenerator, Gen<Int64>.value(), Gen<Double>.value(in: -1e12...1e12), Gen.bool
        ) { text, amount, integer, double, flag in
            let value = InvoiceLike.make(text: text, amount: amount, integer: integer, double: double, flag: flag)
            let bytes = try BinaryEncoder().encode(value)
            let decoded = try BinaryDecoder().decode(InvoiceLike.self, from: bytes)
            #expect(decoded == value)
            #expect(try BinaryEncoder().encode(decoded) == bytes)
        }
    }

    @Test("Arbitrary bytes never crash the decoder")
    func garbage() async {
        await propertyCheck(count: 2_000, input: Gen<UInt8>.value().array(of: 0...200)) { bytes in
            _ = try? BinaryDecoder().decode(Everything.self, from: bytes)
            _ = try? BinaryDecoder().decode([String: [Decimal]].self, from: bytes)
        }
    }

    @Test("Decimals round-trip exactly")
    func decimals() async {
        await propertyCheck(count: 1_000, input: decimalGenerator) { value in
            let decoded = try BinaryDecoder().decode(Decimal.self, from: try BinaryEncoder().encode(value))
            #expect(decoded == value)
        }
    }

    @Test("Dictionaries encode to the same bytes whatever their insertion order")
    func dictionaryOrder() async {
        await propertyCheck(count: 200, input: textGenerator.array(of: 0...12)) { keys in
            var forward: [String: Int] = [:]
            var backward: [String: Int] = [:]
            for (i, key) in keys.enumerated() { forward[key] = i }
            for key in keys.reversed() { backward[key] = forward[key] }
            let bytes = try BinaryEncoder().encode(forward)
            #expect(try BinaryEncoder().encode(backward) == bytes)
            #expect(try BinaryDecoder().decode([String: Int].self, from: bytes) == forward)
        }
    }
}

extension InvoiceLike {
    static func make(text: String, amount: Decimal, integer: Int64, double: Double, flag: Bool) -> InvoiceLike {
        InvoiceLike(
            id: UUID(), number: "INV-\(integer)", issueDate: Date(timeIntervalSince1970: double),
            supplyDate: flag ? Date(timeIntervalSince1970: double / 2) : nil, typeCode: 388, typeName: "0200000",
            currency: "SAR", sellerName: text, sellerVAT: "399999999900003", sellerStreet: text, sellerCity: "الرياض",
            sellerPostalCode: "12345", buyerName: flag ? text : nil, buyerVAT: nil, buyerCity: flag ? "جدة" : nil,
            lineCount: Int(truncatingIfNeeded: integer), lineExtensionAmount: amount, allowanceTotal: 0, chargeTotal: amount,
            taxExclusiveAmount: amount, taxAmount: amount * Decimal(string: "0.15")!, taxInclusiveAmount: amount * Decimal(string: "1.15")!,
            prepaidAmount: 0, payableAmount: amount, icv: integer, previousHash: text, note: flag ? nil : text, simplified: flag,
            paymentMeans: "10", attachment: Data(text.utf8)
        )
    }
}
