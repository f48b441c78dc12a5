import Foundation
import Testing

@testable import Signing

@Suite("Stored-document compression")
struct DocumentCompressionTests {
    @Test("Round trips Arabic and emoji text, empty input and random bytes; damage is detected, never misread")
    func roundTrip() throws {
        let arabic = Array(String(repeating: "<cbc:Name>قلم حبر أزرق | Blue pen 🖊️</cbc:Name>\n", count: 200).utf8)
        let random = (0..<5_000).map { _ in UInt8.random(in: 0...255) }
        for original in [arabic, random, [], [0x41]] {
            let compressed = DocumentCompression.compress(original)
            #expect(DocumentCompression.decompress(compressed, size: original.count) == original)
        }
        let compressed = DocumentCompression.compress(arabic)
        #expect(compressed.count * 5 < arabic.count, "\(compressed.count) of \(arabic.count) bytes")
        #expect(DocumentCompression.decompress(compressed, size: arabic.count + 1) == nil, "a wrong size is refused")
        #expect(DocumentCompression.decompress(Array(compressed.dropLast(3)), size: arabic.count) == nil, "a truncated block is refused")
        #expect(DocumentCompression.decompress(compressed, size: -1) == nil)
    }
}
