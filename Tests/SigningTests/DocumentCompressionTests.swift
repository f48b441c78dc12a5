import CLZ4
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

    @Test("Against a dictionary: a similar document takes a fraction of plain LZ4; it needs that dictionary back")
    func dictionary() throws {
        func invoice(_ number: Int, _ item: String) -> [UInt8] {
            Array("""
                <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><cbc:ID>INV-\(number)</cbc:ID>\
                <cbc:UUID>\(UUID().uuidString)</cbc:UUID><cac:AccountingSupplierParty><cbc:RegistrationName>شركة الاختبار | Test Co.</cbc:RegistrationName>\
                </cac:AccountingSupplierParty>\(String(repeating: "<cac:InvoiceLine><cbc:Name>\(item) 🖊️</cbc:Name></cac:InvoiceLine>", count: 20))</Invoice>
                """.utf8)
        }
        let dictionary = DocumentDictionary(document: invoice(1, "قلم"))
        let next = invoice(2, "قلم")
        let plain = DocumentCompression.compress(next)
        let primed = DocumentCompression.compress(next, dictionary: dictionary)
        #expect(primed.count * 3 < plain.count, "\(primed.count) bytes against the dictionary, \(plain.count) without")
        #expect(DocumentCompression.decompress(primed, size: next.count, dictionary: dictionary.bytes) == next)
        #expect(DocumentCompression.decompress(primed, size: next.count) != next, "without its dictionary the block does not give the document back")
        let different = invoice(3, "دفتر")
        #expect(DocumentCompression.decompress(DocumentCompression.compress(different, dictionary: dictionary), size: different.count, dictionary: dictionary.bytes) == different)
        let large = Array(repeating: invoice(4, "ممحاة"), count: 40).flatMap { $0 }
        #expect(DocumentDictionary(document: large).bytes.count == DocumentCompression.maxDictionarySize)
        #expect(dictionary.digest.count == 64 && dictionary.digest == DocumentDictionary(bytes: dictionary.bytes).digest)
    }

    @Test("A dictionary loaded once serves every compression, from many threads at once, as loading it afresh would")
    func loadedOnce() async throws {
        let base = Array(String(repeating: "<cac:InvoiceLine><cbc:Name>قلم | Pen 🖊️</cbc:Name><cbc:LineExtensionAmount>10.00</cbc:LineExtensionAmount></cac:InvoiceLine>", count: 60).utf8)
        let dictionary = DocumentDictionary(document: base)
        let documents = (0..<64).map { number in
            Array("<Invoice><cbc:ID>INV-\(number)</cbc:ID>".utf8) + base.dropFirst(number * 37) + Array("</Invoice>".utf8)
        }
        let once = documents.map { DocumentCompression.compress($0, dictionary: dictionary) }
        // A fresh load of the same bytes for each document: what the loaded state must equal.
        let fresh = documents.map { DocumentCompression.compress($0, dictionary: DocumentDictionary(bytes: dictionary.bytes)) }
        #expect(once == fresh)
        let concurrent = await withTaskGroup(of: (Int, [UInt8]).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, DocumentCompression.compress(document, dictionary: dictionary)) }
            }
            var results = [[UInt8]](repeating: [], count: documents.count)
            for await (index, compressed) in group { results[index] = compressed }
            return results
        }
        #expect(concurrent == once)
        for (document, compressed) in zip(documents, once) {
            #expect(DocumentCompression.decompress(compressed, size: document.count, dictionary: dictionary.bytes) == document)
            #expect(compressed.count * 4 < document.count)
        }
    }

    /// What compression against a dictionary did before the loaded state was kept: a stream
    /// made and loaded for each call.
    private static func loadedPerCall(_ bytes: [UInt8], dictionary: [UInt8]) -> [UInt8] {
        let bound = Int(LZ4_compressBound(Int32(bytes.count)))
        var output = [UInt8](repeating: 0, count: max(bound, 1))
        let stream = LZ4_createStream()!
        defer { LZ4_freeStream(stream) }
        let count = dictionary.withUnsafeBytes { dictionaryBytes in
            bytes.withUnsafeBytes { input in
                output.withUnsafeMutableBytes { out in
                    LZ4_loadDict(stream, dictionaryBytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(dictionaryBytes.count))
                    return LZ4_compress_fast_continue(
                        stream, input.baseAddress?.assumingMemoryBound(to: CChar.self), out.baseAddress?.assumingMemoryBound(to: CChar.self),
                        Int32(bytes.count), Int32(bound), 1
                    )
                }
            }
        }
        return Array(output.prefix(Int(count)))
    }

    @Test("The loaded state compresses byte for byte as a per-call load of the same dictionary, from empty to over LZ4's 64 KB window")
    func sameAsPerCallLoad() {
        let text = Array(String(repeating: "<cac:InvoiceLine><cbc:Name>قلم | Pen 🖊️</cbc:Name><cbc:PriceAmount>10.00</cbc:PriceAmount></cac:InvoiceLine>", count: 700).utf8)
        for size in [0, 1, 4, 5, 100, 7_000, 32_768, 65_536, 70_000] {
            let dictionary = DocumentDictionary(bytes: Array(text.prefix(size)))
            for document in [[], Array(text.prefix(10)), Array(text.dropFirst(13).prefix(9_000))] as [[UInt8]] {
                let compressed = DocumentCompression.compress(document, dictionary: dictionary)
                #expect(compressed == Self.loadedPerCall(document, dictionary: dictionary.bytes), "dictionary of \(size) bytes, document of \(document.count)")
                #expect(DocumentCompression.decompress(compressed, size: document.count, dictionary: dictionary.bytes) == document)
            }
        }
    }
}
