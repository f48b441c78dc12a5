import Foundation
import GRPCCore
import InvoiceModel
import InvoicingContract
import TestSupport
import Testing

@Suite("Bad requests get clear errors with rule IDs, and nothing is stored")
struct BadInputTests {
    /// Issues `draft`, expecting a refusal that names `rule`; returns the findings.
    static func refused(_ deployment: Deployment, _ draft: InvoiceDraft, naming rule: String) async throws -> [Finding] {
        let error = await #expect(throws: RPCError.self) {
            try await deployment.invoicing { try await $0.issue(IssueRequest(draft: draft, egsID: "EGS-1")) }
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains(rule) == true, "\(error?.message ?? "")")
        let found = error.map(findings) ?? []
        #expect(found.contains { $0.rule == rule }, "\(found.map(\.rule))")
        for finding in found {
            #expect(!finding.messageEN.isEmpty && !finding.messageAR.isEmpty && !finding.path.isEmpty)
        }
        return found
    }

    @Test("Each kind of mistake is refused with its rule; afterwards the next invoice still gets INV-000001")
    func mistakes() async throws {
        try await Deployment.with { deployment in
            var zeroQuantity = Drafts.standard()
            zeroQuantity.lines[0].quantity = 0
            let quantity = try await Self.refused(deployment, zeroQuantity, naming: "EINV-QUANTITY")
            #expect(quantity.first { $0.rule == "EINV-QUANTITY" }?.field == "lines[0].quantity")

            var negative = Drafts.standard()
            negative.lines[1].quantity = "-3"
            _ = try await Self.refused(deployment, negative, naming: "BR-KSA-F-04")

            var unknownCategory = Drafts.standard()
            unknownCategory.lines[0].category = "X"
            _ = try await Self.refused(deployment, unknownCategory, naming: "BR-KSA-18")

            var wrongRate = Drafts.standard()
            wrongRate.lines[0].rate = 10
            let rate = try await Self.refused(deployment, wrongRate, naming: "BR-KSA-84")
            #expect(rate.contains { $0.rule == "EINV-RATE-CATEGORY" && $0.field == "lines[0].rate" })

            var zeroWithRate = Drafts.standard()
            zeroWithRate.lines[0].category = "Z"
            zeroWithRate.lines[0].rate = 5
            zeroWithRate.lines[0].exemptionReasonCode = "VATEX-SA-32"
            _ = try await Self.refused(deployment, zeroWithRate, naming: "BR-Z-05")

            for (vat, says) in [("39999999990000", "14 digits"), ("499999999900003", "first digit is 4"), ("399999999900001", "last digit is 1"), ("3999999999O0003", "other than the digits")] {
                var badVAT = Drafts.standard()
                badVAT.seller.vatNumber = vat
                let found = try await Self.refused(deployment, badVAT, naming: "BR-KSA-40")
                let finding = try #require(found.first { $0.rule == "BR-KSA-40" })
                #expect(finding.messageEN.contains(says), "\(finding.messageEN)")
                #expect(finding.field == "seller.vatNumber")
                #expect(finding.messageAR.contains("الرقم") || finding.messageAR.contains("رقم"))
            }
            var arabicDigits = Drafts.standard()
            arabicDigits.buyer?.vatNumber = "٣٩٩٩٩٩٩٩٩٨٠٠٠٠٣"
            _ = try await Self.refused(deployment, arabicDigits, naming: "BR-KSA-44")

            _ = try await Self.refused(deployment, Drafts.standard(buyer: nil), naming: "EINV-STANDARD-BUYER")

            var creditWithoutReference = Drafts.standard()
            creditWithoutReference.kind = .creditNote
            creditWithoutReference.reason = "Returned"
            _ = try await Self.refused(deployment, creditWithoutReference, naming: "EINV-NOTE-REFERENCE")

            var creditWithoutReason = Drafts.standard()
            creditWithoutReason.kind = .creditNote
            creditWithoutReason.billingReference = "INV-000001"
            _ = try await Self.refused(deployment, creditWithoutReason, naming: "BR-KSA-17")

            var foreign = Drafts.standard()
            foreign.currency = "USD"
            _ = try await Self.refused(deployment, foreign, naming: "EINV-EXCHANGE-RATE")

            var future = Drafts.standard()
            future.issueDate = "2099-01-01"
            _ = try await Self.refused(deployment, future, naming: "BR-KSA-04")

            // A UUID the signing service would refuse, refused before a number is spent.
            var longUUID = Drafts.standard()
            longUUID.uuid = String(repeating: "a", count: 129)
            let long = try await Self.refused(deployment, longUUID, naming: "BR-KSA-03")
            #expect(long.contains { $0.rule == "BR-KSA-03" && $0.messageEN.contains("129 bytes") && $0.messageAR.contains("129") }, "\(long)")

            let missingUnit = await #expect(throws: RPCError.self) {
                try await deployment.invoicing { try await $0.issue(IssueRequest(draft: Drafts.standard(), egsID: "")) }
            }
            #expect(missingUnit?.code == .invalidArgument)

            let stored = try await deployment.invoicing { try await $0.search(SearchRequest()) }
            #expect(stored.total == 0, "nothing half-stored")
            let next = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: Drafts.standard(), egsID: "EGS-1")) }
            #expect(next.invoice.number == "INV-000001", "no number was consumed by the refused requests")
        }
    }

    @Test("200,000 lines are refused by the line limit; 10,000 lines are issued and stamped")
    func lineLimit() async throws {
        try await Deployment.with { deployment in
            let huge = Drafts.standard(lines: 200_000)
            let checked = try await deployment.invoicing { try await $0.validate(ValidateRequest(draft: huge)) }
            #expect(!checked.valid)
            #expect(checked.findings.map(\.rule) == ["EINV-LIMIT-LINES"])
            _ = try await Self.refused(deployment, huge, naming: "EINV-LIMIT-LINES")

            let large = Drafts.standard(lines: 10_000)
            let response = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: large, egsID: "EGS-1")) }
            #expect(response.invoice.status == .stamped)
            #expect(response.invoice.lineCount == 10_000)
            #expect(response.invoice.totalWithoutVAT == "20010000.00")
            #expect(response.invoice.totalVAT == "3001500.00")
        }
    }

    @Test("Validate takes a request or any XML, and refuses what is not an invoice")
    func validate() async throws {
        try await Deployment.with { deployment in
            let good = try await deployment.invoicing { try await $0.validate(ValidateRequest(draft: Drafts.standard())) }
            #expect(good.valid)
            #expect(good.xml != nil)
            let sample = try Data(contentsOf: try #require(Samples.all.first { Samples.name($0) == "Standard_Invoice_Error" }))
            let bad = try await deployment.invoicing { try await $0.validate(ValidateRequest(xml: sample, evaluatedAt: Date(timeIntervalSince1970: 1_672_531_200))) }
            #expect(!bad.valid)
            #expect(bad.stamped)
            #expect(bad.findings.contains { $0.rule == "BR-KSA-84" && $0.severity == .error })
            for garbage in [Data("not xml at all".utf8), Data("<Invoice><cbc:ID>1</Invoice>".utf8), Data("<CreditNote/>".utf8), Data([0xFF, 0xFE, 0x00])] {
                let error = await #expect(throws: RPCError.self) {
                    try await deployment.invoicing { try await $0.validate(ValidateRequest(xml: garbage)) }
                }
                #expect(error?.code == .invalidArgument)
            }
            let still = try await deployment.invoicing { try await $0.validate(ValidateRequest(draft: Drafts.simplified())) }
            #expect(still.valid, "the service keeps serving after bad input")
        }
    }
}
