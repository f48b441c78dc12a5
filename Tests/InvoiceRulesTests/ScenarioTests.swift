import Foundation
import InvoiceModel
import InvoiceRules
import TestSupport
import Testing

/// Each JSON example in `protocols/Invoicing/examples` describes the sale of one official sample.
let scenarios: [(example: String, sample: String)] = [
    ("standard-invoice", "Standard_Invoice"),
    ("standard-credit-note", "Standard_Credit_Note"),
    ("standard-debit-note", "Standard_Debit_Note"),
    ("standard-invoice-payable-rounding", "Standard Invoice with Payable Rounding Adjustment"),
    ("standard-invoice-document-charge", "Standard Invoice with Document Level Charge"),
    ("exempt-invoice", "Exempt Tax Invoice"),
    ("export-invoice", "Export invoice"),
    ("out-of-scope-invoice", "Out of Scope Standard Tax Invoice"),
    ("summary-invoice", "Summary Invoice"),
    ("self-billing-invoice", "Self-billing invoice"),
    ("third-party-invoice", "Third party billing"),
    ("advance-payment-adjustment", "Advance Payment adjustments"),
    ("advance-payment-rate-change", "Advance Payment adjustments with rate change scenarios"),
    ("advance-payment-foreign-currency", "Advance Payment adjustments with foreign currency invoice"),
    ("simplified-invoice", "Simplified_Invoice"),
    ("simplified-zero-rated", "Simplified Tax Invoice with Zero Rated Item"),
    ("simplified-nominal-supply", "Nominal supply invoice"),
    ("simplified-credit-note", "Credit Note of a Simplified Tax Invoice"),
    ("simplified-credit-note-summary", "Simplified_Debit_Note"),
    ("simplified-debit-note-summary", "Simplified_Credit_Note"),
]

enum Examples {
    static let directory = Samples.repository.appendingPathComponent("protocols/Invoicing/examples")

    static func draft(_ name: String) throws -> InvoiceDraft {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        return try JSONDecoder().decode(InvoiceDraft.self, from: data)
    }

    static func sample(_ name: String) throws -> Invoice {
        guard let url = Samples.all.first(where: { Samples.name($0) == name }) else { throw MutationError("no sample \(name)") }
        return try InvoiceReader.read(Array(try Data(contentsOf: url))).invoice
    }
}

/// The amounts of a document, as comparable text (values compared by number, not by digits).
struct AmountSummary: Equatable, CustomStringConvertible {
    var totals: [String: ExactDecimal] = [:]
    var taxTotals: [ExactDecimal] = []
    var subtotals: [String] = []
    var lines: [String] = []

    init(_ invoice: Invoice) {
        let totals = invoice.monetaryTotal
        let zero = ExactDecimal.zero
        self.totals = [
            "LineExtensionAmount": totals?.lineExtensionAmount?.value ?? zero,
            "TaxExclusiveAmount": totals?.taxExclusiveAmount?.value ?? zero,
            "TaxInclusiveAmount": totals?.taxInclusiveAmount?.value ?? zero,
            "AllowanceTotalAmount": totals?.allowanceTotalAmount?.value ?? zero,
            "ChargeTotalAmount": totals?.chargeTotalAmount?.value ?? zero,
            "PrepaidAmount": totals?.prepaidAmount?.value ?? zero,
            "PayableRoundingAmount": totals?.payableRoundingAmount?.value ?? zero,
            "PayableAmount": totals?.payableAmount?.value ?? zero,
        ].mapValues(\.normalized)
        taxTotals = invoice.taxTotals.compactMap { $0.taxAmount?.value.normalized }.sorted()
        subtotals = invoice.taxTotals.flatMap(\.subtotals).map {
            "\($0.category?.id ?? "?") \($0.category?.percent?.normalized.description ?? "?") taxable \($0.taxableAmount?.value.normalized.description ?? "?") tax \($0.taxAmount?.value.normalized.description ?? "?")"
        }.sorted()
        lines = invoice.lines.map {
            "net \($0.lineExtensionAmount?.value.normalized.description ?? "?") vat \($0.taxAmount?.value.normalized.description ?? "?") total \($0.roundingAmount?.value.normalized.description ?? "?") prepaid \($0.taxSubtotals.map { "\($0.taxableAmount?.value.normalized.description ?? "?")+\($0.taxAmount?.value.normalized.description ?? "?")" })"
        }
    }

    var description: String { "totals \(totals.sorted { $0.key < $1.key }) tax \(taxTotals) subtotals \(subtotals) lines \(lines)" }
}

@Suite("Every ZATCA scenario from a JSON request")
struct ScenarioTests {
    @Test("The request builds XML whose totals, VAT breakdown and line amounts equal the official sample's", arguments: scenarios.map(\.example))
    func amountsMatchSample(_ example: String) throws {
        let sampleName = try #require(scenarios.first { $0.example == example }?.sample)
        let draft = try Examples.draft(example)
        let built = InvoiceBuilder.build(draft, number: "EX-1", uuid: "3cf5ee18-ee25-44ea-a444-2c37ba7f28be")
        #expect(built.findings.isEmpty, "\(built.findings.map(\.messageEN))")
        let xml = UBLInvoiceWriter.write(built.invoice)
        let reread = try InvoiceReader.read(xml)
        #expect(reread.invoice == built.invoice, "the reader reads back what the writer wrote")
        let ours = AmountSummary(reread.invoice)
        let theirs = AmountSummary(try Examples.sample(sampleName))
        #expect(ours.totals == theirs.totals)
        #expect(ours.taxTotals == theirs.taxTotals)
        #expect(ours.subtotals == theirs.subtotals)
        #expect(ours.lines == theirs.lines)
    }

    @Test("The built XML is valid against the UBL 2.1 schema (xmllint) and breaks no ZATCA rule", arguments: scenarios.map(\.example))
    func schemaAndRules(_ example: String) throws {
        let draft = try Examples.draft(example)
        let built = InvoiceBuilder.build(draft, number: "EX-1", uuid: "3cf5ee18-ee25-44ea-a444-2c37ba7f28be")
        let xml = UBLInvoiceWriter.write(built.invoice)
        let findings = InvoiceValidator.validate(built.invoice, options: ValidationOptions(stage: .unsigned, now: Oracle.evaluatedAt, platformRules: true))
        #expect(findings.errors.isEmpty, "\(findings.errors.map { "\($0.rule) \($0.path): \($0.messageEN)" })")
        if toolAvailable("xmllint") {
            let file = try temporaryFile("scenario-\(example).xml", xml)
            let schema = Samples.root.appendingPathComponent("xsd/maindoc/UBL-Invoice-2.1.xsd").path
            let (status, output) = try run("xmllint", ["--noout", "--schema", schema, file.path])
            #expect(status == 0, "\(output)")
        }
    }
}
