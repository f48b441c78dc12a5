import Foundation
import PropertyBased
import Testing

@testable import BinaryCoding

/// A message shaped like the signing service's stamp messages, with a hand-written form.
struct Envelope: Codable, Equatable, BinaryFieldsEncodable, BinaryFieldsDecodable {
    struct Part: Codable, Equatable, BinaryFieldsEncodable, BinaryFieldsDecodable {
        var name: String
        var body: Data
        var number: Int64
        var flag: Bool
        var note: String?
        var code: Int?

        func encodeFields(to writer: inout BinaryFieldWriter) {
            writer.string("name", name)
            writer.bytes("body", body)
            writer.int64("number", number)
            writer.bool("flag", flag)
            writer.stringIfPresent("note", note)
            writer.intIfPresent("code", code)
        }

        init(name: String, body: Data, number: Int64, flag: Bool, note: String?, code: Int?) {
            (self.name, self.body, self.number, self.flag, self.note, self.code) = (name, body, number, flag, note, code)
        }

        init(fields reader: inout BinaryFieldReader) throws(BinaryFieldsMismatch) {
            var name: String?, body: Data?, number: Int64?, flag: Bool?, note: String?, code: Int?
            while try reader.next() {
                if reader.is("name") { name = try reader.string() }
                else if reader.is("body") { body = try reader.bytes() }
                else if reader.is("number") { number = try reader.int64() }
                else if reader.is("flag") { flag = try reader.bool() }
                else if reader.is("note") { note = reader.isNull ? nil : try reader.string() }
                else if reader.is("code") { code = reader.isNull ? nil : try reader.int() }
            }
            guard let name, let body, let number, let flag else { throw BinaryFieldsMismatch() }
            self.init(name: name, body: body, number: number, flag: flag, note: note, code: code)
        }
    }

    var id: String
    var at: Date?
    var main: Part
    var extra: Part?
    var parts: [Part]

    func encodeFields(to writer: inout BinaryFieldWriter) {
        writer.string("id", id)
        writer.dateIfPresent("at", at)
        writer.map("main") { main.encodeFields(to: &$0) }
        writer.mapIfPresent("extra", extra) { $1.encodeFields(to: &$0) }
        writer.array("parts", parts) { $1.encodeFields(to: &$0) }
    }

    init(id: String, at: Date?, main: Part, extra: Part?, parts: [Part]) {
        (self.id, self.at, self.main, self.extra, self.parts) = (id, at, main, extra, parts)
    }

    init(fields reader: inout BinaryFieldReader) throws(BinaryFieldsMismatch) {
        var id: String?, at: Date?, main: Part?, extra: Part?, parts: [Part]?
        while try reader.next() {
            if reader.is("id") { id = try reader.string() }
            else if reader.is("at") { at = reader.isNull ? nil : try reader.date() }
            else if reader.is("main") { main = try reader.map(Part.self) }
            else if reader.is("extra") { extra = reader.isNull ? nil : try reader.map(Part.self) }
            else if reader.is("parts") { parts = try reader.array(of: Part.self) }
        }
        guard let id, let main, let parts else { throw BinaryFieldsMismatch() }
        self.init(id: id, at: at, main: main, extra: extra, parts: parts)
    }
}

/// The same fields with a plain `Codable` conformance only, and one more the envelope lacks.
struct PlainEnvelope: Codable, Equatable {
    var id: String
    var at: Date?
    var main: Envelope.Part
    var extra: Envelope.Part?
    var parts: [Envelope.Part]
    var added: String?
}

@Suite("Hand-written binary forms")
struct BinaryFieldsTests {
    static let generic: BinaryEncoder = {
        var encoder = BinaryEncoder()
        encoder.usesHandWrittenForms = false
        return encoder
    }()

    static let genericDecoder: BinaryDecoder = {
        var decoder = BinaryDecoder()
        decoder.usesHandWrittenForms = false
        return decoder
    }()

    static func part(_ text: String, size: Int, number: Int64, flag: Bool) -> Envelope.Part {
        Envelope.Part(
            name: text, body: Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }), number: number, flag: flag,
            note: flag ? "ملاحظة \(text) 🧾" : nil, code: flag ? nil : Int(number % 1_000)
        )
    }

    @Test("Random messages: the hand-written form is byte for byte the Codable one, and both read it back")
    func sameBytes() async {
        // Bodies from empty to 70 KB: container lengths of one, two and three varint bytes.
        await propertyCheck(
            count: 200,
            input: textGenerator, Gen<Int>.value(in: 0...70_000), Gen<Int64>.value(), Gen.bool, Gen<Int>.value(in: 0...5)
        ) { text, size, number, flag, count in
            let value = Envelope(
                id: text, at: flag ? Date(timeIntervalSince1970: Double(number % 2_000_000_000)) : nil,
                main: Self.part(text, size: size, number: number, flag: flag),
                extra: flag ? nil : Self.part("", size: size / 3, number: -number / 2, flag: !flag),
                parts: (0..<count).map { Self.part(String(repeating: text, count: $0), size: size >> $0, number: number &+ Int64($0), flag: $0 % 2 == 0) }
            )
            let fast = try BinaryEncoder().encode(value)
            #expect(fast == (try Self.generic.encode(value)))
            #expect(try BinaryDecoder().decode(Envelope.self, from: fast) == value)
            #expect(try Self.genericDecoder.decode(Envelope.self, from: fast) == value)
        }
    }

    @Test("A message from a newer peer (an extra field) reads through the hand-written decoder")
    func newerPeer() throws {
        let plain = PlainEnvelope(id: "x", at: nil, main: Self.part("a", size: 10, number: 1, flag: true), extra: nil, parts: [], added: "new")
        let bytes = try BinaryEncoder().encode(plain)
        let decoded = try bytes.withUnsafeBytes { try BinaryFieldReader.decode(Envelope.self, from: $0, limits: .default) }
        #expect(decoded == Envelope(id: "x", at: nil, main: plain.main, extra: nil, parts: []))
    }

    @Test("Anything unusual falls back to Codable: the same value or the same error")
    func fallback() throws {
        let value = Envelope(id: "id", at: nil, main: Self.part("a", size: 300, number: 7, flag: false), extra: nil, parts: [Self.part("b", size: 5, number: 8, flag: true)])
        let bytes = try BinaryEncoder().encode(value)
        // Every truncation and every single-byte change: the two decoders agree on the outcome.
        var variants = (0..<bytes.count).map { Array(bytes[..<$0]) }
        for index in stride(from: 0, to: bytes.count, by: 7) {
            var changed = bytes
            changed[index] ^= 0x5A
            variants.append(changed)
        }
        for variant in variants {
            let fast = Result { try BinaryDecoder().decode(Envelope.self, from: variant) }
            let slow = Result { try Self.genericDecoder.decode(Envelope.self, from: variant) }
            switch (fast, slow) {
            case (.success(let a), .success(let b)): #expect(a == b)
            case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)")
            default: Issue.record("the decoders disagree on a variant of \(variant.count) bytes: \(fast) against \(slow)")
            }
        }
    }
}
