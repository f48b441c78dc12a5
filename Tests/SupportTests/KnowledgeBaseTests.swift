import Foundation
import InvoiceRules
import Testing

@testable import Support

@Suite("The support desk's knowledge base")
struct KnowledgeBaseTests {
    static func isArabic(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
    }

    @Test("Every rule the validator can emit has its requirement, likely cause and fix in English and Arabic")
    func everyRule() {
        let ids = RuleCatalog.all.map(\.id)
        #expect(ids.count > 200)
        for definition in RuleCatalog.all {
            let cause = KnowledgeBase.causes[definition.id]
            #expect(cause != nil, "no likely cause for \(definition.id)")
            guard let cause else { continue }
            #expect(cause.en.count > 20, "\(definition.id)")
            #expect(Self.isArabic(cause.ar), "\(definition.id): the Arabic cause is not Arabic")
            #expect(!definition.en.isEmpty && Self.isArabic(definition.ar), "\(definition.id)")
            #expect(!definition.fixEN.isEmpty && Self.isArabic(definition.fixAR), "\(definition.id)")
        }
        let unknown = Set(KnowledgeBase.ruleCauses.map(\.id)).subtracting(ids)
        #expect(unknown.isEmpty, "causes for rules the catalog does not have: \(unknown.sorted())")
    }

    @Test("The platform's common codes are explained in both languages, and every stamp check maps to one", arguments: [
        "invalid-invoice-hash", "signed-properties-hashing", "certificate-hashing", "certificate-permissions", "invoiceTimeStamp_QRCODE_INVALID",
        "QRCODE_INVALID", "CERTIFICATE_SIGNATURE_QRCODE_INVALID", "Missing-ComplianceSteps", "invalid-signature", "HTTP-401", "HTTP-409", "HTTP-208", "HTTP-429",
    ])
    func platformCode(_ code: String) throws {
        let entry = try #require(KnowledgeBase.platformEntry(code), "no entry for \(code)")
        for text in [entry.titleEN, entry.causeEN, entry.fixEN] { #expect(text.count > 5, "\(code)") }
        for text in [entry.titleAR, entry.causeAR, entry.fixAR] { #expect(Self.isArabic(text), "\(code)") }
    }

    @Test("Each failed stamp check leads to an explained platform code")
    func stampChecks() {
        let checks = ["invoice-hash", "signature-value", "signed-properties-digest", "certificate-digest", "issuer-name", "serial-number", "previous-invoice-hash",
                      "qr", "qr-tag-1", "qr-tag-3", "qr-tag-6", "qr-tag-9", "certificate", "signature-block", "document"]
        for check in checks {
            #expect(KnowledgeBase.platformEntry(Diagnoser.stampCode(check)) != nil, "\(check) → \(Diagnoser.stampCode(check))")
        }
    }
}
