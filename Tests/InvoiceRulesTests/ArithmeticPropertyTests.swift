import Foundation
import InvoiceModel
import InvoiceRules
import PropertyBased
import Testing

/// A small deterministic generator (SplitMix64), so a failing seed reproduces.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random sales: mixed categories and rates, fractional quantities, prices with up to four
/// decimals, VAT-inclusive prices, price discounts, percent and amount allowances and charges
/// on lines and on the document.
enum RandomInvoices {
    static let seller = DraftParty(
        name: "شركة الاختبار | Test Co", vatNumber: "399999999900003", id: DraftIdentifier(scheme: "CRN", value: "1010010000"),
        address: PostalAddress(street: "King Fahd Road", buildingNumber: "1234", district: "Olaya", city: "Riyadh", postalCode: "12345", country: "SA")
    )
    static let buyer = DraftParty(
        name: "Buyer Co", vatNumber: "300000000000003",
        address: PostalAddress(street: "Tahlia", buildingNumber: "4321", district: "Rawdah", city: "Jeddah", postalCode: "23456", country: "SA")
    )

    static func decimal(_ random: inout SeededRandom, upTo maximum: Int, scale: Int) -> ExactDecimal {
        let units = Int128(Int.random(in: 1...(maximum * Int(pow(10, Double(scale)))), using: &random))
        return ExactDecimal(significand: units, scale: scale)
    }

    static func draft(seed: UInt64, lines count: Int) -> InvoiceDraft {
        var random = SeededRandom(state: seed)
        let categories: [(String, ExactDecimal, String?)] = [("S", 15, nil), ("S", 5, nil), ("Z", 0, "VATEX-SA-32"), ("E", 0, "VATEX-SA-29"), ("O", 0, "VATEX-SA-OOS")]
        let inclusive = Int.random(in: 0..<4, using: &random) == 0
        var lines: [DraftLine] = []
        lines.reserveCapacity(count)
        for index in 0..<count {
            let (category, rate, code) = categories[Int.random(in: 0..<categories.count, using: &random)]
            var line = DraftLine(
                name: "Item \(index + 1) صنف", quantity: decimal(&random, upTo: 500, scale: Int.random(in: 0...3, using: &random)),
                price: decimal(&random, upTo: 20_000, scale: Int.random(in: 0...4, using: &random)), category: category, rate: rate,
                exemptionReasonCode: code
            )
            if Int.random(in: 0..<8, using: &random) == 0 { line.baseQuantity = decimal(&random, upTo: 12, scale: 0) }
            if !inclusive, Int.random(in: 0..<6, using: &random) == 0 {
                line.priceDiscount = (line.price * ExactDecimal(significand: Int128(Int.random(in: 1...30, using: &random)), scale: 2)).rounded(scale: 2)
            }
            switch Int.random(in: 0..<6, using: &random) {
            case 0: line.allowances = [DraftAllowanceCharge(percent: ExactDecimal(significand: Int128(Int.random(in: 1...2500, using: &random)), scale: 2), reasonCode: "95", reason: "Discount")]
            case 1: line.charges = [DraftAllowanceCharge(amount: decimal(&random, upTo: 20, scale: 2), reasonCode: "FC", reason: "Freight")]
            default: break
            }
            lines.append(line)
        }
        var draft = InvoiceDraft(
            subtype: .standard, issueDate: "2024-03-01", issueTime: "10:00:00", seller: seller, buyer: buyer, supplyDate: "2024-03-01",
            pricesIncludeVAT: inclusive, lines: lines
        )
        if !inclusive, Int.random(in: 0..<3, using: &random) == 0, let first = lines.first, first.baseQuantity == nil, first.allowances == nil {
            // An allowance on the first line's category, smaller than that line.
            let gross = (first.quantity * (first.price - (first.priceDiscount ?? .zero)) / 2).rounded(scale: 2, .down)
            let exemption = first.exemptionReasonCode
            if gross > .zero {
                draft.allowances = [DraftAllowanceCharge(amount: gross, reasonCode: "95", reason: "Discount", category: first.category, rate: first.rate, exemptionReasonCode: exemption)]
            }
            draft.charges = [DraftAllowanceCharge(amount: decimal(&random, upTo: 5, scale: 2), reasonCode: "FC", reason: "Freight", category: first.category, rate: first.rate, exemptionReasonCode: exemption)]
        }
        return draft
    }
}

/// The rules that say the arithmetic is right.
let arithmeticRules: Set<String> = [
    "BR-CO-10", "BR-CO-11", "BR-CO-12", "BR-CO-13", "BR-CO-14", "BR-CO-15", "BR-CO-16", "BR-CO-17", "BR-S-08", "BR-S-09", "BR-Z-08", "BR-E-08",
    "BR-O-08", "BR-Z-09", "BR-E-09", "BR-O-09", "BR-KSA-51", "BR-KSA-EN16931-11", "BR-KSA-EN16931-03", "BR-KSA-EN16931-07", "BR-KSA-F-04",
    "BR-DEC-09", "BR-DEC-10", "BR-DEC-11", "BR-DEC-12", "BR-DEC-14", "BR-DEC-16", "BR-DEC-18", "BR-DEC-19", "BR-DEC-20", "BR-DEC-23",
    "BR-DEC-24", "BR-DEC-27", "BR-KSA-DEC-03", "BR-KSA-DEC-04",
]

@Suite("VAT arithmetic on random invoices")
struct ArithmeticPropertyTests {
    static func arithmeticFindings(_ draft: InvoiceDraft) -> [Finding] {
        let built = InvoiceBuilder.build(draft, number: "INV-1", uuid: "8e6000cf-1a98-4174-b3e7-b5d5954bc10d")
        let findings = built.findings + InvoiceValidator.validate(built.invoice, options: ValidationOptions(stage: .unsigned, now: Oracle.evaluatedAt))
        return findings.filter { arithmeticRules.contains($0.rule) }
    }

    @Test("Random invoices of 1 to 60 lines satisfy BR-CO-10…17 and the KSA rounding rules")
    func smallInvoices() async {
        await propertyCheck(count: 400, input: Gen<Int>.value(in: 0..<Int.max), Gen<Int>.value(in: 1...60)) { seed, lines in
            let findings = Self.arithmeticFindings(RandomInvoices.draft(seed: UInt64(seed), lines: lines))
            #expect(findings.isEmpty, "seed \(seed), \(lines) lines: \(findings.map { "\($0.rule) \($0.path) \($0.value ?? "")" })")
        }
    }

    @Test("Random invoices of 10,000 lines satisfy the same rules", arguments: [UInt64(7), 11])
    func largeInvoices(seed: UInt64) {
        let findings = Self.arithmeticFindings(RandomInvoices.draft(seed: seed, lines: 10_000))
        #expect(findings.isEmpty, "seed \(seed): \(findings.prefix(5).map { "\($0.rule) \($0.path) \($0.value ?? "")" })")
    }

    @Test("Three lines of 10.10 at 15 %: VAT 4.55 on the category (not 4.56 from rounded lines) and the totals agree")
    func categoryRounding() throws {
        let lines = (0..<3).map { _ in DraftLine(name: "Widget", quantity: 1, price: "10.10", category: "S", rate: 15) }
        let draft = InvoiceDraft(subtype: .standard, seller: RandomInvoices.seller, buyer: RandomInvoices.buyer, supplyDate: "2024-03-01", lines: lines)
        let invoice = InvoiceBuilder.build(draft).invoice
        #expect(invoice.lines.map { $0.taxAmount?.value } == ["1.52", "1.52", "1.52"])
        #expect(invoice.breakdownTaxTotal?.taxAmount?.value == "4.55")
        #expect(invoice.monetaryTotal?.taxInclusiveAmount?.value == "34.85")
        #expect(Self.arithmeticFindings(draft).isEmpty)
    }

    @Test("Half a halala rounds up (half away from zero), exactly, where binary floating point would not")
    func halfUp() {
        func parse(_ text: String) -> ExactDecimal? { ExactDecimal(text) }
        #expect(parse("1.005")?.roundedToHalala == "1.01")
        #expect(parse("2.675")?.roundedToHalala == "2.68")
        #expect((ExactDecimal("869.57") * 15 / 100).roundedToHalala == "130.44")
        #expect(ExactDecimal("0.1") + ExactDecimal("0.2") == ExactDecimal("0.3"))
        #expect(parse("-0.125")?.rounded(scale: 2, .halfUp) == "-0.13")
        #expect(parse("-0.125")?.rounded(scale: 2, .halfTowardPositiveInfinity) == "-0.12")
        #expect(parse("100.00")?.description == "100.00")
        #expect(parse("1e5") == nil && parse("12,5") == nil && parse("") == nil && parse("١٢") == nil && parse("1.2.3") == nil && parse("-") == nil)
    }
}
