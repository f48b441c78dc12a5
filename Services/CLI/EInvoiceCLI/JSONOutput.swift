import Foundation

/// Prints a value as pretty JSON with sorted keys (for `--json`).
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    encoder.dataEncodingStrategy = .base64
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// Wraps any `Encodable` so heterogeneous values fit in one dictionary.
struct AnyEncodable: Encodable {
    private let encodeValue: (any Encoder) throws -> Void

    init(_ value: some Encodable) {
        encodeValue = value.encode(to:)
    }

    func encode(to encoder: any Encoder) throws {
        try encodeValue(encoder)
    }
}
