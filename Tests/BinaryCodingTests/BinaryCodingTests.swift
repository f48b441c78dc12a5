import Foundation
import Testing

@testable import BinaryCoding

@Suite("Binary serializer")
struct BinaryCodingTests {
    let encoder = BinaryEncoder()
    let decoder = BinaryDecoder()

    @Test("Every supported type survives a round trip exactly")
    func roundTrip() throws {
        let bytes = try encoder.encode(Everything.sample)
        let decoded = try decoder.decode(Everything.self, from: bytes)
        #expect(decoded == Everything.sample)
        #expect(decoded.amount.description == "-1234567.89")
        #expect(decoded.issued.timeIntervalSinceReferenceDate == 715_000_000.123456)
    }

    @Test("Encoding is deterministic: dictionaries and sets are written in sorted order")
    func deterministic() throws {
        var reordered = Everything.sample
        reordered.attributes = [:]
        for key in ["م", "a", "z"] { reordered.attributes[key] = Everything.sample.attributes[key] }
        reordered.labels = Set(["c", "b", "a"])
        let first = try encoder.encode(Everything.sample)
        for _ in 0..<20 {
            #expect(try encoder.encode(reordered) == first)
        }
    }

    @Test("A message is much smaller than its JSON")
    func compact() throws {
        let binary = try encoder.encode(Everything.sample)
        let json = try JSONEncoder().encode(Everything.sample)
        #expect(binary.count * 5 < json.count * 4, "binary \(binary.count) B vs JSON \(json.count) B")
        let lines = (0..<100).map { Everything.Line(name: "Item \($0)", quantity: Decimal($0), price: Decimal($0) / 4, tags: ["x"]) }
        let manyLines = try encoder.encode(lines)
        let manyLinesJSON = try JSONEncoder().encode(lines)
        #expect(manyLines.count * 5 < manyLinesJSON.count * 3, "binary \(manyLines.count) B vs JSON \(manyLinesJSON.count) B")
    }

    @Test("Large nested containers (multi-byte length and count headers) round-trip")
    func largeContainers() throws {
        struct Big: Codable, Equatable { var head: [String]; var body: [[Decimal]]; var tail: [String: Int] }
        let big = Big(
            head: (0..<1_000).map { "سطر \($0)" },
            body: (0..<300).map { row in (0..<(row % 40)).map { Decimal(row * 1_000 + $0) / 100 } },
            tail: Dictionary(uniqueKeysWithValues: (0..<200).map { ("k\($0)", $0) })
        )
        let bytes = try encoder.encode(big)
        #expect(try decoder.decode(Big.self, from: bytes) == big)
        #expect(bytes.count > 100_000 / 10)
    }

    @Test("An older peer reads a message with a new optional field")
    func olderReadsNewer() throws {
        let newer = CustomerV2(name: "مؤسسة", vatNumber: "399999999900003", email: "a@b.sa", address: .init(city: "Riyadh", postalCode: "12345"))
        let old = try decoder.decode(CustomerV1.self, from: try encoder.encode(newer))
        #expect(old == CustomerV1(name: "مؤسسة", vatNumber: "399999999900003"))
    }

    @Test("A newer peer reads a message without the new optional field")
    func newerReadsOlder() throws {
        let old = CustomerV1(name: "Acme", vatNumber: "300000000000003")
        let newer = try decoder.decode(CustomerV2.self, from: try encoder.encode(old))
        #expect(newer == CustomerV2(name: "Acme", vatNumber: "300000000000003", email: nil, address: nil))
    }

    @Test("Decimal edge cases are exact", arguments: [
        "0", "-0.01", "0.000000000000000000000000000001", "79228162514264337593543950335",
        "-12345678901234567890123456789012345678", "1e100", "1e-100", "999999999999999999.99", "18446744073709551616",
    ])
    func decimals(_ text: String) throws {
        let value = try #require(Decimal(string: text))
        let decoded = try decoder.decode(Decimal.self, from: try encoder.encode(value))
        #expect(decoded == value)
        #expect(decoded.description == value.description)
    }

    @Test("Decimal NaN round-trips")
    func decimalNaN() throws {
        #expect(try decoder.decode(Decimal.self, from: try encoder.encode(Decimal.nan)).isNaN)
    }

    @Test("The Decimal significand is read from the layout every Foundation shares")
    func decimalLayout() throws {
        let value = try #require(Decimal(string: "-18446744073709551617.5"))
        let (low, high) = DecimalParts.significand(of: value)
        // 184467440737095516175 = 10 * 2^64 + 15
        #expect(high == 10 && low == 15)
        #expect(DecimalParts.decimal(negative: true, exponent: Int64(value.exponent), low: low, high: high) == value)
    }

    @Test("Writing to a container after its sibling started is refused, not mis-encoded")
    func interleavedContainers() {
        struct Interleaving: Encodable {
            enum K: CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var root = encoder.container(keyedBy: K.self)
                var a = root.nestedUnkeyedContainer(forKey: .a)
                var b = root.nestedUnkeyedContainer(forKey: .b)
                try b.encode(1)
                try a.encode(2)
            }
        }
        #expect(throws: EncodingError.self) { try encoder.encode(Interleaving()) }
    }

    @Test("A value that encodes nothing decodes as an empty container")
    func emptyValue() throws {
        struct Empty: Codable, Equatable {
            init() {}
            init(from decoder: any Decoder) throws {}
            func encode(to encoder: any Encoder) throws {}
        }
        struct Holder: Codable, Equatable { var empty: Empty; var after: Int }
        let decoded = try decoder.decode(Holder.self, from: try encoder.encode(Holder(empty: Empty(), after: 7)))
        #expect(decoded.after == 7)
    }

    @Test("Classes that encode through super round-trip")
    func superEncoding() throws {
        class Base: Codable { var base = 1 }
        final class Derived: Base {
            var derived = "x"
            enum K: CodingKey { case derived }
            override init() { super.init() }
            required init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: K.self)
                derived = try c.decode(String.self, forKey: .derived)
                try super.init(from: c.superDecoder())
            }
            override func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: K.self)
                try c.encode(derived, forKey: .derived)
                try super.encode(to: c.superEncoder())
            }
        }
        let value = Derived()
        value.base = 42
        value.derived = "مشتق"
        let decoded = try decoder.decode(Derived.self, from: try encoder.encode(value))
        #expect(decoded.base == 42 && decoded.derived == "مشتق")
    }
}

@Suite("Examples in protocols/WIRE.md")
struct WireExampleTests {
    @Test("An empty message is an empty key table and an empty map")
    func emptyMessage() throws {
        struct Empty: Codable {}
        #expect(try BinaryEncoder().encode(Empty()) == [0x00, 0x0D, 0x01, 0x00])
    }

    @Test("A small struct, byte by byte")
    func smallStruct() throws {
        struct Line: Codable { var name: String; var quantity: Int; var price: Decimal }
        let bytes = try BinaryEncoder().encode(Line(name: "قلم", quantity: 2, price: Decimal(string: "10.5")!))
        let expected: [UInt8] = [
            0x03,  // three keys
            0x04] + Array("name".utf8) + [0x08] + Array("quantity".utf8) + [0x05] + Array("price".utf8) + [
            0x0D, 0x13, 0x03,  // map: 19 bytes follow, 3 entries
            0x00, 0x07, 0x06, 0xD9, 0x82, 0xD9, 0x84, 0xD9, 0x85,  // key 0 "name": string of 6 UTF-8 bytes
            0x01, 0x03, 0x04,  // key 1 "quantity": signed ZigZag 2 = 4
            0x02, 0x09, 0x00, 0x01, 0x69, 0x00,  // key 2 "price": decimal, positive, exponent -1 (ZigZag 1), significand 105
        ]
        #expect(bytes == expected)
    }
}
