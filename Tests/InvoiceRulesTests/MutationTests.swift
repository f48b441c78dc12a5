import Foundation
import InvoiceModel
import InvoiceRules
import TestSupport
import Testing

/// One deliberate mistake in a copy of an official sample.
struct Mutation: CustomStringConvertible, Sendable {
    var sample: String
    var name: String
    /// Text replacements applied in order (each to its first occurrence, or all with `all`).
    var edits: [(old: String, new: String, all: Bool)]
    /// Rules that must be among the findings (the point of the mutation).
    var expected: [String]

    init(_ sample: String, _ name: String, _ edits: [(String, String)], all: Bool = false, expect expected: [String]) {
        self.sample = sample
        self.name = name
        self.edits = edits.map { ($0.0, $0.1, all) }
        self.expected = expected
    }

    var description: String { "\(name) [\(sample)]" }

    func apply() throws -> [UInt8] {
        guard let url = Samples.all.first(where: { Samples.name($0) == sample }) else { throw MutationError("no sample \(sample)") }
        var text = try String(contentsOf: url, encoding: .utf8)
        for edit in edits {
            guard let range = text.range(of: edit.old) else { throw MutationError("'\(edit.old)' not in \(sample)") }
            text = edit.all ? text.replacingOccurrences(of: edit.old, with: edit.new) : text.replacingCharacters(in: range, with: edit.new)
        }
        return Array(text.utf8)
    }
}

struct MutationError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

let standard = "Third party billing"
let export = "Export invoice"
let exempt = "Exempt Tax Invoice"
let simplifiedZero = "Simplified Tax Invoice with Zero Rated Item"
let credit = "Standard_Credit_Note"
let prepayment = "Advance Payment adjustments"
let charge = "Standard Invoice with Document Level Charge"

let sellerVAT = "<cbc:CompanyID>399999999900003</cbc:CompanyID>"
let buyerVAT = "<cbc:CompanyID>399999999800003</cbc:CompanyID>"

/// The mistakes businesses make most (ZATCA.md §3), each on a copy of a sample.
let mutations: [Mutation] = [
    Mutation(standard, "seller VAT number with 14 digits", [(sellerVAT, "<cbc:CompanyID>39999999990003</cbc:CompanyID>")], expect: ["BR-KSA-40"]),
    Mutation(standard, "seller VAT number starting with 4", [(sellerVAT, "<cbc:CompanyID>499999999900003</cbc:CompanyID>")], expect: ["BR-KSA-40"]),
    Mutation(standard, "seller VAT number with a letter", [(sellerVAT, "<cbc:CompanyID>39999999990000A</cbc:CompanyID>")], expect: ["BR-KSA-40"]),
    Mutation(standard, "buyer VAT number ending with 1", [(buyerVAT, "<cbc:CompanyID>399999999800001</cbc:CompanyID>")], expect: ["BR-KSA-44"]),
    Mutation(standard, "buyer VAT number equal to the seller's", [(buyerVAT, sellerVAT)], expect: ["BR-CUSTOM-VALIDATION-01"]),
    Mutation(standard, "no seller VAT number", [(sellerVAT, "<cbc:CompanyID></cbc:CompanyID>")], expect: ["BR-KSA-39"]),
    Mutation(
        standard, "standard invoice without buyer name",
        [("<cbc:RegistrationName>شركة نماذج فاتورة المحدودة | Fatoora Samples LTD</cbc:RegistrationName>", "")], expect: ["BR-KSA-42"]
    ),
    Mutation(
        standard, "total with VAT off by 0.02",
        [("<cbc:TaxInclusiveAmount currencyID=\"SAR\">149.50</cbc:TaxInclusiveAmount>", "<cbc:TaxInclusiveAmount currencyID=\"SAR\">149.52</cbc:TaxInclusiveAmount>")],
        expect: ["BR-CO-15"]
    ),
    Mutation(
        standard, "amount due off by 0.02",
        [("<cbc:PayableAmount currencyID=\"SAR\">149.50</cbc:PayableAmount>", "<cbc:PayableAmount currencyID=\"SAR\">149.52</cbc:PayableAmount>")],
        expect: ["BR-CO-16"]
    ),
    Mutation(
        standard, "VAT total off by 0.02",
        [("<cbc:TaxAmount currencyID=\"SAR\">19.50</cbc:TaxAmount>\n        <cac:TaxSubtotal>", "<cbc:TaxAmount currencyID=\"SAR\">19.52</cbc:TaxAmount>\n        <cac:TaxSubtotal>")],
        expect: ["BR-CO-14"]
    ),
    Mutation(
        standard, "line net amount off by 0.02",
        [("<cbc:LineExtensionAmount currencyID=\"SAR\">150.00</cbc:LineExtensionAmount>\n        <cac:TaxTotal>", "<cbc:LineExtensionAmount currencyID=\"SAR\">150.02</cbc:LineExtensionAmount>\n        <cac:TaxTotal>")],
        expect: ["BR-CO-10", "BR-KSA-EN16931-11"]
    ),
    Mutation(
        standard, "allowance total not the sum of allowances",
        [("<cbc:AllowanceTotalAmount currencyID=\"SAR\">20.00</cbc:AllowanceTotalAmount>", "<cbc:AllowanceTotalAmount currencyID=\"SAR\">25.00</cbc:AllowanceTotalAmount>")],
        expect: ["BR-CO-11"]
    ),
    Mutation(standard, "category S at 10 %", [("<cbc:Percent>15.00</cbc:Percent>", "<cbc:Percent>10.00</cbc:Percent>")], all: true, expect: ["BR-KSA-84"]),
    Mutation(standard, "category S at 0 % on the line", [("<cbc:Percent>15.00</cbc:Percent>\n                <cac:TaxScheme>\n                    <cbc:ID>VAT</cbc:ID>\n                </cac:TaxScheme>\n            </cac:ClassifiedTaxCategory>", "<cbc:Percent>0.00</cbc:Percent>\n                <cac:TaxScheme>\n                    <cbc:ID>VAT</cbc:ID>\n                </cac:TaxScheme>\n            </cac:ClassifiedTaxCategory>")], expect: ["BR-S-05"]),
    Mutation(standard, "rate with three decimals", [("<cbc:Percent>15.00</cbc:Percent>", "<cbc:Percent>15.000</cbc:Percent>")], expect: ["BR-KSA-DEC-02"]),
    Mutation(standard, "unknown VAT category X", [("<cbc:ID>S</cbc:ID>", "<cbc:ID>X</cbc:ID>")], all: true, expect: ["BR-KSA-18", "BR-CL-18"]),
    Mutation(export, "zero rated without exemption reason", [("<cbc:TaxExemptionReasonCode>VATEX-SA-32</cbc:TaxExemptionReasonCode>", ""), ("<cbc:TaxExemptionReason>Export of goods | صادرات السلع من المملكة</cbc:TaxExemptionReason>", "")], expect: ["BR-KSA-69"]),
    Mutation(export, "zero rated with an exempt-only reason code", [("<cbc:TaxExemptionReasonCode>VATEX-SA-32</cbc:TaxExemptionReasonCode>", "<cbc:TaxExemptionReasonCode>VATEX-SA-29</cbc:TaxExemptionReasonCode>")], expect: ["BR-KSA-CL-04"]),
    Mutation(export, "zero rated with a code but no reason text", [("<cbc:TaxExemptionReason>Export of goods | صادرات السلع من المملكة</cbc:TaxExemptionReason>", "")], expect: ["BR-KSA-83"]),
    Mutation(export, "zero rated line at 5 %", [("<cbc:Percent>0.00</cbc:Percent>\n\t", "<cbc:Percent>5.00</cbc:Percent>\n\t")], expect: ["BR-Z-05"]),
    Mutation(export, "export that is also self-billed", [("name=\"0100100\"", "name=\"0100101\"")], expect: ["BR-KSA-07"]),
    Mutation(exempt, "exempt breakdown with VAT", [("<cbc:TaxAmount currencyID=\"SAR\">00.00</cbc:TaxAmount>", "<cbc:TaxAmount currencyID=\"SAR\">10.00</cbc:TaxAmount>")], expect: ["BR-E-09"]),
    Mutation(exempt, "supply end date before the supply date", [("<cbc:LatestDeliveryDate>2023-08-31</cbc:LatestDeliveryDate>", "<cbc:LatestDeliveryDate>2022-08-31</cbc:LatestDeliveryDate>")], expect: ["BR-KSA-36"]),
    Mutation(credit, "credit note without billing reference", [("<cbc:ID>SME00002</cbc:ID>", "<cbc:ID></cbc:ID>")], expect: ["BR-KSA-56", "BR-55"]),
    Mutation(credit, "credit note without reason", [("<cbc:InstructionNote>CANCELLATION_OR_TERMINATION</cbc:InstructionNote>", "")], expect: ["BR-KSA-17"]),
    Mutation(standard, "issue date in the future", [("<cbc:IssueDate>2022-09-07</cbc:IssueDate>", "<cbc:IssueDate>2031-01-01</cbc:IssueDate>")], expect: ["BR-KSA-04"]),
    Mutation(standard, "issue date in the last century", [("<cbc:IssueDate>2022-09-07</cbc:IssueDate>", "<cbc:IssueDate>1999-09-07</cbc:IssueDate>")], expect: ["BR-KSA-F-01"]),
    Mutation(standard, "issue date that does not exist (also refused by the schema)", [("<cbc:IssueDate>2022-09-07</cbc:IssueDate>", "<cbc:IssueDate>2022-02-30</cbc:IssueDate>")], expect: ["BR-KSA-F-01"]),
    Mutation(standard, "issue time with milliseconds", [("<cbc:IssueTime>12:21:28</cbc:IssueTime>", "<cbc:IssueTime>12:21:28.500</cbc:IssueTime>")], expect: ["BR-KSA-70"]),
    Mutation(standard, "issue time as 3pm (also refused by the schema)", [("<cbc:IssueTime>12:21:28</cbc:IssueTime>", "<cbc:IssueTime>3pm</cbc:IssueTime>")], expect: ["BR-KSA-70"]),
    Mutation(standard, "type code 389", [(">388</cbc:InvoiceTypeCode>", ">389</cbc:InvoiceTypeCode>")], expect: ["BR-KSA-05"]),
    Mutation(standard, "transaction code 0300000", [("name=\"0110000\"", "name=\"0300000\"")], expect: ["BR-KSA-06"]),
    Mutation(simplifiedZero, "simplified self-billing", [("name=\"0200000\"", "name=\"0200001\"")], expect: ["BR-KSA-31"]),
    Mutation(standard, "profile ID changed", [("<cbc:ProfileID>reporting:1.0</cbc:ProfileID>", "<cbc:ProfileID>clearance:1.0</cbc:ProfileID>")], expect: ["BR-KSA-EN16931-01"]),
    Mutation(standard, "tax currency USD", [("<cbc:TaxCurrencyCode>SAR</cbc:TaxCurrencyCode>", "<cbc:TaxCurrencyCode>USD</cbc:TaxCurrencyCode>")], expect: ["BR-KSA-EN16931-02"]),
    Mutation(standard, "currency that does not exist", [("<cbc:DocumentCurrencyCode>SAR</cbc:DocumentCurrencyCode>", "<cbc:DocumentCurrencyCode>XYZ</cbc:DocumentCurrencyCode>")], expect: ["BR-CL-04"]),
    Mutation(standard, "no supply date on a standard invoice", [("<cbc:ActualDeliveryDate>2022-09-05</cbc:ActualDeliveryDate>", "")], expect: ["BR-KSA-15"]),
    Mutation(standard, "seller postal code with 4 digits", [("<cbc:PostalZone>23333</cbc:PostalZone>", "<cbc:PostalZone>2333</cbc:PostalZone>")], expect: ["BR-KSA-66"]),
    Mutation(standard, "seller building number with 3 digits", [("<cbc:BuildingNumber>2322</cbc:BuildingNumber>", "<cbc:BuildingNumber>232</cbc:BuildingNumber>")], expect: ["BR-KSA-37"]),
    Mutation(standard, "buyer postal code with letters", [("<cbc:PostalZone>12222</cbc:PostalZone>", "<cbc:PostalZone>12A22</cbc:PostalZone>")], expect: ["BR-KSA-67"]),
    Mutation(standard, "buyer without district", [("<cbc:CitySubdivisionName>المروج | Al-Murooj</cbc:CitySubdivisionName>", "")], expect: ["BR-KSA-63"]),
    Mutation(standard, "seller without CRN", [("<cbc:ID schemeID=\"CRN\">1010010000</cbc:ID>", "<cbc:ID schemeID=\"XXX\">1010010000</cbc:ID>")], expect: ["BR-KSA-08"]),
    Mutation(standard, "seller CRN with 9 digits", [("<cbc:ID schemeID=\"CRN\">1010010000</cbc:ID>", "<cbc:ID schemeID=\"CRN\">101001000</cbc:ID>")], expect: ["BR-KSA-F-08"]),
    Mutation(standard, "allowance indicator that is not a boolean (also refused by the schema)", [("<cbc:ChargeIndicator>false</cbc:ChargeIndicator>", "<cbc:ChargeIndicator>no</cbc:ChargeIndicator>")], expect: ["BR-KSA-F-02"]),
    Mutation(standard, "negative price", [("<cbc:PriceAmount currencyID=\"SAR\">150.00</cbc:PriceAmount>", "<cbc:PriceAmount currencyID=\"SAR\">-150.00</cbc:PriceAmount>")], expect: ["BR-KSA-F-04"]),
    Mutation(
        standard, "line without VAT amount and line total",
        [("<cac:TaxTotal>\n             <cbc:TaxAmount currencyID=\"SAR\">22.50</cbc:TaxAmount>\n             <cbc:RoundingAmount currencyID=\"SAR\">172.50</cbc:RoundingAmount>\n        </cac:TaxTotal>", "")],
        expect: ["BR-KSA-52", "BR-KSA-53"]
    ),
    Mutation(standard, "line total with VAT wrong", [("<cbc:RoundingAmount currencyID=\"SAR\">172.50</cbc:RoundingAmount>", "<cbc:RoundingAmount currencyID=\"SAR\">172.60</cbc:RoundingAmount>")], expect: ["BR-KSA-51"]),
    Mutation(standard, "line identifier of 7 characters", [("<cac:InvoiceLine>\n        <cbc:ID>1</cbc:ID>", "<cac:InvoiceLine>\n        <cbc:ID>1234567</cbc:ID>")], expect: ["BR-KSA-F-06-C17"]),
    Mutation(standard, "item name of two digits", [("<cbc:Name>E-Book | الكتاب الاليكتروني</cbc:Name>", "<cbc:Name>12</cbc:Name>")], expect: ["BR-KSA-F-06-C19", "BR-KSA-F-C-01"]),
    Mutation(standard, "no ICV", [("<cbc:ID>ICV</cbc:ID>", "<cbc:ID>XCV</cbc:ID>")], expect: ["BR-KSA-33"]),
    Mutation(standard, "ICV with letters", [("<cbc:UUID>23</cbc:UUID>", "<cbc:UUID>A23</cbc:UUID>")], expect: ["BR-KSA-34"]),
    Mutation(standard, "country code XX", [("<cbc:IdentificationCode>SA</cbc:IdentificationCode>", "<cbc:IdentificationCode>XX</cbc:IdentificationCode>")], expect: ["BR-CL-14"]),
    Mutation(standard, "payment means code 99", [("<cbc:PaymentMeansCode>10</cbc:PaymentMeansCode>", "<cbc:PaymentMeansCode>99</cbc:PaymentMeansCode>")], expect: ["BR-CL-16"]),
    Mutation(charge, "charge without reason code", [("<cbc:AllowanceChargeReasonCode>LF</cbc:AllowanceChargeReasonCode>", "")], expect: ["BR-KSA-19"]),
    Mutation(charge, "charge total missing", [("<cbc:ChargeTotalAmount currencyID=\"SAR\">60.00</cbc:ChargeTotalAmount>", "")], expect: ["BR-CO-12"]),
    Mutation(prepayment, "prepaid amount not the prepayment lines", [("<cbc:PrepaidAmount currencyID=\"SAR\">1150</cbc:PrepaidAmount>", "<cbc:PrepaidAmount currencyID=\"SAR\">1100</cbc:PrepaidAmount>")], expect: ["BR-KSA-80"]),
    Mutation(prepayment, "prepayment line that is not a 386", [("<cbc:DocumentTypeCode>386</cbc:DocumentTypeCode>", "<cbc:DocumentTypeCode>388</cbc:DocumentTypeCode>")], expect: ["BR-KSA-74"]),
    Mutation(
        simplifiedZero, "private healthcare zero rating without the citizen's ID",
        [("<cbc:TaxExemptionReasonCode>VATEX-SA-35</cbc:TaxExemptionReasonCode>", "<cbc:TaxExemptionReasonCode>VATEX-SA-HEA</cbc:TaxExemptionReasonCode>")],
        expect: ["BR-KSA-49", "BR-KSA-25"]
    ),
]

func missingExpectedRules(_ mutation: Mutation, _ findings: [Finding]) -> [String] {
    let reported = Set(findings.map(\.rule))
    return mutation.expected.filter { !reported.contains($0) }
}

@Suite("Mutated samples: our rules name the same rule IDs as fatoority")
struct MutationTests {
    @Test("Each mutation is caught by the intended rule, and our findings equal fatoority's", .enabled(if: Oracle.available))
    func mutationsAgree() throws {
        var files: [(Mutation, URL)] = []
        for (index, mutation) in mutations.enumerated() {
            files.append((mutation, try temporaryFile("mutation-\(index).xml", try mutation.apply())))
        }
        let oracle = try Oracle.findings(for: files.map(\.1))
        var problems: [String] = []
        for (mutation, file) in files {
            let ours = try validate(file: file)
            let ourSet = ruleSet(ours)
            let theirSet = ruleSet(oracle[file] ?? [])
            if theirSet.contains("XSD-INVALID (error)") {
                // fatoority stops at the schema; both must reject the document.
                if !ours.hasErrors { problems.append("\(mutation): fatoority rejects it at the schema, we found no error") }
                if !missingExpectedRules(mutation, ours).isEmpty { problems.append("\(mutation): expected \(mutation.expected) not reported") }
                continue
            }
            let missingExpected = missingExpectedRules(mutation, ours)
            if !missingExpected.isEmpty {
                problems.append("\(mutation): expected \(missingExpected) not reported; ours \(ourSet.sorted())")
            }
            if ourSet != theirSet {
                problems.append("\(mutation): only ours \(ourSet.subtracting(theirSet).sorted()), only fatoority \(theirSet.subtracting(ourSet).sorted())")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("Issue dates and times are Riyadh time: at 22:00 UTC tomorrow's UTC date is today in Riyadh (BR-KSA-04), and a day is 24 real hours (BR-KSA-98)")
    func riyadhClock() throws {
        func rules(_ sample: String, date: String, time: String, now: String) throws -> Set<String> {
            let mutation = Mutation(sample, "dated \(date)T\(time)", [
                ("<cbc:IssueDate>2022-09-07</cbc:IssueDate>", "<cbc:IssueDate>\(date)</cbc:IssueDate>"),
                ("<cbc:IssueTime>12:21:28</cbc:IssueTime>", "<cbc:IssueTime>\(time)</cbc:IssueTime>"),
            ], expect: [])
            let file = try temporaryFile("riyadh-clock.xml", try mutation.apply())
            let instant = try #require(try? Date(now, strategy: .iso8601))
            let ours = Set(try validate(file: file, now: instant).map(\.rule))
            if Oracle.available {
                // fatoority, told the same instant in Riyadh's offset, agrees on both rules.
                let riyadh = ISO8601DateFormatter()
                riyadh.timeZone = TimeZone(secondsFromGMT: 3 * 3_600)
                let theirs = Set((try Oracle.findings(for: [file], evaluatedAt: riyadh.string(from: instant))[file] ?? []).map(\.rule))
                #expect(ours.intersection(["BR-KSA-04", "BR-KSA-98"]) == theirs.intersection(["BR-KSA-04", "BR-KSA-98"]), "\(date)T\(time) at \(now)")
            }
            return ours
        }
        // 22:00 UTC on the 29th is 01:00 on the 30th in Riyadh.
        #expect(!(try rules(standard, date: "2026-11-30", time: "00:30:00", now: "2026-11-29T22:00:00Z")).contains("BR-KSA-04"))
        #expect(try rules(standard, date: "2026-12-01", time: "00:30:00", now: "2026-11-29T22:00:00Z").contains("BR-KSA-04"))
        #expect(try rules(standard, date: "2026-11-30", time: "00:30:00", now: "2026-11-29T20:59:59Z").contains("BR-KSA-04"))
        // Issued 01:00 Riyadh on the 29th = 22:00 UTC on the 28th: 23.5 hours later no warning, 24.5 hours later a warning.
        #expect(!(try rules(simplifiedZero, date: "2026-11-29", time: "01:00:00", now: "2026-11-29T21:30:00Z")).contains("BR-KSA-98"))
        #expect(try rules(simplifiedZero, date: "2026-11-29", time: "01:00:00", now: "2026-11-29T22:30:00Z").contains("BR-KSA-98"))
        // A time ending in Z is UTC: issued 01:00 UTC, a warning only after 01:00 UTC the next day.
        #expect(!(try rules(simplifiedZero, date: "2026-11-29", time: "01:00:00Z", now: "2026-11-30T00:30:00Z")).contains("BR-KSA-98"))
        #expect(try rules(simplifiedZero, date: "2026-11-29", time: "01:00:00Z", now: "2026-11-30T01:30:00Z").contains("BR-KSA-98"))
    }
}
