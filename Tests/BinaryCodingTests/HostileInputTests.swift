import Foundation
import Testing

@testable import BinaryCoding

@Suite("Binary decoder on hostile input")
struct HostileInputTests {
    let encoder = BinaryEncoder()
    let decoder = BinaryDecoder()

    @Test("Every truncation of a valid message is refused with an error")
    func truncations() throws {
        let bytes = try encoder.encode(Everything.sample)
        for length in 0..<bytes.count {
            #expect(throws: DecodingError.self) { try decoder.decode(Everything.self, from: bytes[0..<length]) }
        }
    }

    @Test("Trailing bytes after a message are refused")
    func trailing() throws {
        let bytes = try encoder.encode(CustomerV1(name: "a", vatNumber: "b")) + [0]
        #expect(throws: DecodingError.self) { try decoder.decode(CustomerV1.self, from: bytes) }
    }

    @Test("Flipping any byte of a message never crashes the decoder")
    func flips() throws {
        let bytes = try encoder.encode(Everything.sample)
        for index in bytes.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var copy = bytes
                copy[index] ^= mask
                _ = try? decoder.decode(Everything.self, from: copy)
            }
        }
    }

    @Test("A container nested deeper than the limit is refused")
    func depth() throws {
        indirect enum Tree: Codable { case leaf, node([Tree]) }
        var tree = Tree.leaf
        for _ in 0..<100 { tree = .node([tree]) }
        let bytes = try encoder.encode(tree)
        let error = try #require(throws: DecodingError.self) { try decoder.decode(Tree.self, from: bytes) }
        #expect("\(error)".contains("nested deeper than the limit of 64"))
        var relaxed = BinaryDecoder()
        relaxed.limits.maxDepth = 1_000
        _ = try relaxed.decode(Tree.self, from: bytes)
    }

    @Test("Strings, bytes and element counts over their limits are refused")
    func limits() throws {
        var strict = BinaryDecoder()
        strict.limits = BinaryDecodingLimits(maxDepth: 8, maxElementCount: 10, maxStringLength: 16, maxByteLength: 4)
        #expect(throws: DecodingError.self) { try strict.decode(String.self, from: try encoder.encode(String(repeating: "x", count: 17))) }
        #expect(throws: DecodingError.self) { try strict.decode(Data.self, from: try encoder.encode(Data(count: 5))) }
        #expect(throws: DecodingError.self) { try strict.decode([Int].self, from: try encoder.encode(Array(0..<11))) }
        #expect(try strict.decode([Int].self, from: try encoder.encode(Array(0..<10))) == Array(0..<10))
    }

    @Test("A container that claims more elements than it has bytes is refused before allocating")
    func lyingCount() throws {
        var bytes = try encoder.encode([1, 2, 3])
        // empty key table (1 byte), tag, length (1 byte), count (1 byte): make the count 127.
        bytes[3] = 0x7F
        let error = try #require(throws: DecodingError.self) { try decoder.decode([Int].self, from: bytes) }
        #expect("\(error)".contains("elements"))
    }

    @Test("Invalid UTF-8 in a string is refused")
    func invalidUTF8() throws {
        var bytes = try encoder.encode("ab")
        bytes[bytes.count - 1] = 0xFF
        let error = try #require(throws: DecodingError.self) { try decoder.decode(String.self, from: bytes) }
        #expect("\(error)".contains("not valid UTF-8"))
    }

    @Test("A type mismatch names the path of the field")
    func pathInErrors() throws {
        struct Wrong: Codable { var lines: [WrongLine] }
        struct WrongLine: Codable { var name: String; var quantity: String; var price: Decimal; var tags: [String] }
        struct Right: Codable { var lines: [Everything.Line] }
        let bytes = try encoder.encode(Wrong(lines: [
            WrongLine(name: "a", quantity: "1", price: 1, tags: []),
            WrongLine(name: "b", quantity: "two", price: 1, tags: []),
        ]))
        let error = try #require(throws: DecodingError.self) { try decoder.decode(Right.self, from: bytes) }
        guard case let .dataCorrupted(context) = error else { Issue.record("unexpected \(error)"); return }
        #expect(context.debugDescription == "lines[0].quantity: expected a decimal, found a string")
        #expect(context.codingPath.map(\.stringValue) == ["lines", "0", "quantity"])
    }

    @Test("A missing required field is named")
    func missingField() throws {
        let error = try #require(throws: DecodingError.self) {
            try decoder.decode(CustomerV1.self, from: try encoder.encode(["name": "x"]))
        }
        #expect("\(error)".contains("missing field 'vatNumber'"))
    }

    @Test("Integers that do not fit the target type are refused")
    func overflow() throws {
        #expect(throws: DecodingError.self) { try decoder.decode(Int8.self, from: try encoder.encode(200)) }
        #expect(throws: DecodingError.self) { try decoder.decode(UInt.self, from: try encoder.encode(-1)) }
        #expect(throws: DecodingError.self) { try decoder.decode(Int64.self, from: try encoder.encode(UInt64.max)) }
        // An 11-byte varint.
        let overlong: [UInt8] = [0, BinaryTag.unsigned.rawValue] + Array(repeating: 0xFF, count: 10) + [0x01]
        #expect(throws: DecodingError.self) { try decoder.decode(UInt64.self, from: overlong) }
    }
}
