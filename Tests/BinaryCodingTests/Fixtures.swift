import Foundation

/// A message with one of everything the serializer treats specially.
struct Everything: Codable, Equatable {
    enum Kind: String, Codable, Equatable { case standard, simplified }
    enum Outcome: Codable, Equatable {
        case cleared(at: Date, warnings: [String])
        case rejected(code: Int, reason: String?)
        case pending
    }
    struct Line: Codable, Equatable {
        var name: String
        var quantity: Decimal
        var price: Decimal
        var tags: [String]
    }

    var id: UUID
    var kind: Kind
    var flag: Bool
    var small: Int8
    var medium: Int32
    var big: Int64
    var unsigned: UInt64
    var ratio: Double
    var single: Float
    var amount: Decimal
    var issued: Date
    var payload: Data
    var note: String?
    var missing: String?
    var lines: [Line]
    var attributes: [String: String]
    var counts: [Int: Int]
    var labels: Set<String>
    var outcome: Outcome
    var nested: [[Int?]]
    var link: URL?
}

extension Everything {
    static let sample = Everything(
        id: UUID(uuidString: "3CF5EE18-EE25-44EA-A444-2C37BA7F28BE")!,
        kind: .simplified,
        flag: true,
        small: -128,
        medium: 2_000_000_000,
        big: .min,
        unsigned: .max,
        ratio: 0.1 + 0.2,
        single: -1.5,
        amount: Decimal(string: "-1234567.89")!,
        issued: Date(timeIntervalSinceReferenceDate: 715_000_000.123456),
        payload: Data([0, 1, 2, 255]),
        note: "شركة توريد التكنولوجيا 🚀 & <co>",
        missing: nil,
        lines: [
            Line(name: "قلم", quantity: 2, price: Decimal(string: "10.10")!, tags: ["a", ""]),
            Line(name: "Pen 🖊", quantity: Decimal(string: "0.001")!, price: 0, tags: []),
        ],
        attributes: ["z": "last", "a": "first", "م": "عربي"],
        counts: [3: 9, -1: 1, 100: 10_000],
        labels: ["b", "a", "c"],
        outcome: .rejected(code: 400, reason: nil),
        nested: [[1, nil, 3], [], [nil]],
        link: URL(string: "https://example.com/a?b=c")
    )
}

/// Version 1 of a message.
struct CustomerV1: Codable, Equatable {
    var name: String
    var vatNumber: String
}

/// Version 2 of the same message: two new optional fields.
struct CustomerV2: Codable, Equatable {
    var name: String
    var vatNumber: String
    var email: String?
    var address: Address?

    struct Address: Codable, Equatable {
        var city: String
        var postalCode: String
    }
}

/// A thirty-field invoice-like message, the shape the benchmark uses.
struct InvoiceLike: Codable, Equatable {
    var id: UUID
    var number: String
    var issueDate: Date
    var supplyDate: Date?
    var typeCode: Int
    var typeName: String
    var currency: String
    var sellerName: String
    var sellerVAT: String
    var sellerStreet: String
    var sellerCity: String
    var sellerPostalCode: String
    var buyerName: String?
    var buyerVAT: String?
    var buyerCity: String?
    var lineCount: Int
    var lineExtensionAmount: Decimal
    var allowanceTotal: Decimal
    var chargeTotal: Decimal
    var taxExclusiveAmount: Decimal
    var taxAmount: Decimal
    var taxInclusiveAmount: Decimal
    var prepaidAmount: Decimal
    var payableAmount: Decimal
    var icv: Int64
    var previousHash: String
    var note: String?
    var simplified: Bool
    var paymentMeans: String
    var attachment: Data
}
