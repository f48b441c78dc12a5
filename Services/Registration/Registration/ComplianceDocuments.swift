import Foundation
import InvoiceModel
import RegistrationContract

/// The documents ZATCA's compliance step asks of a unit, built from the taxpayer's own data.
enum ComplianceDocuments {
    /// The documents a unit's invoice types (`1100`, `1000`, `0100`) require, in the order they
    /// are sent: each subtype's invoice first, then the notes that refer to it.
    static func required(invoiceTypes: String) -> [String] {
        let flags = Array(invoiceTypes)
        var names: [String] = []
        for (index, subtype) in ["standard", "simplified"].enumerated() where flags.count > index && flags[index] == "1" {
            names += ["invoice", "credit-note", "debit-note"].map { "\(subtype)-\($0)" }
        }
        return names
    }

    /// The buyer of the standard compliance documents: ZATCA's own sample buyer.
    static let sampleBuyer = DraftParty(
        name: "شركة نماذج فاتورة المحدودة | Fatoora Samples LTD", vatNumber: "399999999800003",
        address: PostalAddress(street: "صلاح الدين | Salah Al-Din", buildingNumber: "1111", district: "المروج | Al-Murooj", city: "الرياض | Riyadh", postalCode: "12222", country: "SA")
    )

    /// The request for one compliance document of a unit.
    static func draft(_ name: String, taxpayer: Taxpayer, egsID: String, now: Date = Date()) -> InvoiceDraft {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 3 * 3_600)!  // Riyadh, no daylight saving
        let day = calendar.dateComponents([.year, .month, .day], from: now)
        let today = String(format: "%04d-%02d-%02d", day.year ?? 2026, day.month ?? 1, day.day ?? 1)
        let parts = name.split(separator: "-", maxSplits: 1).map(String.init)
        let subtype: InvoiceSubtype = parts.first == "standard" ? .standard : .simplified
        let kind = DocumentKind(rawValue: parts.count > 1 ? parts[1] : "invoice") ?? .invoice
        let seller = DraftParty(
            name: [taxpayer.nameAR, taxpayer.nameEN].compactMap { $0 }.joined(separator: " | "), vatNumber: taxpayer.vatNumber,
            id: DraftIdentifier(scheme: taxpayer.sellerID.scheme, value: taxpayer.sellerID.value), address: taxpayer.address
        )
        let line = DraftLine(
            name: "بند فحص الامتثال | Compliance check item", quantity: ExactDecimal(1), price: ExactDecimal(100), category: "S",
            rate: ExactDecimal(15)
        )
        return InvoiceDraft(
            kind: kind, subtype: subtype, number: number(name, egsID: egsID), issueDate: today, seller: seller, buyer: subtype == .standard ? sampleBuyer : nil,
            supplyDate: subtype == .standard ? today : nil, paymentMeansCode: "10", billingReference: kind.isNote ? number("\(parts[0])-invoice", egsID: egsID) : nil,
            reason: kind.isNote ? "فحص الامتثال | Compliance check" : nil, lines: [line]
        )
    }

    static func number(_ name: String, egsID: String) -> String {
        "CMP-\(egsID)-\(name)"
    }
}
