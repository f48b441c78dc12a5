import BinaryCoding
import Foundation

struct SerializerResult: Codable, Sendable {
    var name: String
    var opsPerSecond: Double
    var bytes: Int

    enum CodingKeys: String, CodingKey {
        case name, bytes
        case opsPerSecond = "encode_decode_per_second"
    }
}

/// Encode + decode of the same invoice-like message, binary against Foundation's JSON.
enum SerializerBench {
    static func run(seconds: Double) -> [SerializerResult] {
        let sample = InvoiceLike.sample
        let binaryEncoder = BinaryEncoder()
        let binaryDecoder = BinaryDecoder()
        let jsonEncoder = JSONEncoder()
        let jsonDecoder = JSONDecoder()
        let binarySize = try! binaryEncoder.encode(sample).count
        let jsonSize = try! jsonEncoder.encode(sample).count
        precondition(try! binaryDecoder.decode(InvoiceLike.self, from: binaryEncoder.encode(sample)) == sample)

        let binary = rate(seconds: seconds) {
            let bytes = try! binaryEncoder.encode(sample)
            _ = try! binaryDecoder.decode(InvoiceLike.self, from: bytes)
        }
        let json = rate(seconds: seconds) {
            let data = try! jsonEncoder.encode(sample)
            _ = try! jsonDecoder.decode(InvoiceLike.self, from: data)
        }
        return [
            SerializerResult(name: "binary (ours)", opsPerSecond: binary, bytes: binarySize),
            SerializerResult(name: "JSONEncoder/JSONDecoder", opsPerSecond: json, bytes: jsonSize),
        ]
    }

    private static func rate(seconds: Double, _ body: () -> Void) -> Double {
        for _ in 0..<2_000 { body() }
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .milliseconds(Int64(seconds * 1_000))
        var count = 0
        while clock.now < deadline {
            for _ in 0..<100 { body() }
            count += 100
        }
        let elapsed = clock.now - start
        return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
