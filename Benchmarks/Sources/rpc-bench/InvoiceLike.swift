import Foundation

/// A thirty-field message shaped like an invoice header, for the serializer benchmark.
struct InvoiceLike: Codable, Equatable, Sendable {
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

    static let sample = InvoiceLike(
        id: UUID(), number: "INV-2026-000042", issueDate: Date(), supplyDate: Date(), typeCode: 388, typeName: "0100000",
        currency: "SAR", sellerName: "شركة توريد التكنولوجيا بأقصى سرعة المحدودة", sellerVAT: "399999999900003",
        sellerStreet: "الامير سلطان", sellerCity: "الرياض", sellerPostalCode: "23333", buyerName: "Fatoora Samples LTD",
        buyerVAT: "399999999800003", buyerCity: "جدة", lineCount: 3, lineExtensionAmount: Decimal(string: "4000.00")!,
        allowanceTotal: 0, chargeTotal: 0, taxExclusiveAmount: Decimal(string: "4000.00")!, taxAmount: Decimal(string: "600.00")!,
        taxInclusiveAmount: Decimal(string: "4600.00")!, prepaidAmount: 0, payableAmount: Decimal(string: "4600.00")!, icv: 42,
        previousHash: "NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==",
        note: "Thank you for your business", simplified: false, paymentMeans: "10", attachment: Data(repeating: 7, count: 64)
    )
}
