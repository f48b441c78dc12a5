import Foundation
import GRPCCore
import InvoiceModel
import InvoiceRules
import InvoicingContract
import TestSupport
import Testing

@Suite("Issuing invoices through the invoicing and signing services")
struct IssueTests {
    @Test("A standard invoice is validated, numbered, stamped and stored; outside tools accept the stamped XML")
    func issueStandard() async throws {
        try await Deployment.with { deployment in
            let response = try await deployment.invoicing { client in
                try await client.issue(IssueRequest(draft: Drafts.standard(), egsID: "EGS-1", idempotencyKey: "order-1"))
            }
            let invoice = response.invoice
            #expect(invoice.status == .stamped)
            #expect(invoice.number == "INV-000001")
            #expect(invoice.icv == 1)
            #expect(invoice.totalWithoutVAT == "4002.00")
            #expect(invoice.totalVAT == "600.30")
            #expect(invoice.payable == "4602.30")
            #expect(!response.replayed)

            let detail = try await deployment.invoicing { try await $0.get(GetInvoiceRequest(reference: "INV-000001", includeXML: true)) }
            #expect(detail.history.map(\.status) == [.issued, .stamped])
            let stamped = try #require(detail.stampedXML)
            let unsigned = try #require(detail.unsignedXML)
            #expect(String(decoding: stamped, as: UTF8.self).contains("<cbc:ID>INV-000001</cbc:ID>"))

            // Our validator on the stamped document: no error.
            let read = try InvoiceReader.read(Array(stamped))
            let ours = InvoiceValidator.validate(read.invoice, options: ValidationOptions(stage: .stamped))
            #expect(ours.errors.isEmpty, "\(ours.errors.map(\.rule))")

            let file = try temporaryFile("issued-\(invoice.id).xml", Array(stamped))
            if toolAvailable("xmllint") {
                let schema = Samples.root.appendingPathComponent("xsd/maindoc/UBL-Invoice-2.1.xsd").path
                let (status, output) = try run("xmllint", ["--noout", "--schema", schema, try temporaryFile("unsigned.xml", Array(unsigned)).path])
                #expect(status == 0, "\(output)")
            }
            // The independent verifier (lxml + cryptography): hash, signature, QR.
            let verifier = Samples.repository.appendingPathComponent("Tests/Tools/zatca_verify.py").path
            let (status, output) = try run("python3", [verifier, file.path])
            #expect(status == 0, "\(output)")
            // fatoority: the same rules as ours, and no error.
            if (try? run("python3", ["-c", "import fatoora"]).status) == 0 {
                let script = Samples.repository.appendingPathComponent("Tests/Tools/fatoority_rules.py").path
                // Now in Riyadh's time zone: fatoority takes "today" (BR-KSA-04) from the offset given.
                let riyadh = ISO8601DateFormatter()
                riyadh.timeZone = TimeZone(secondsFromGMT: 3 * 3_600)
                let (_, json) = try run("python3", [script, "--evaluated-at", riyadh.string(from: Date()), file.path], includeStandardError: false)
                let theirs = (try JSONDecoder().decode([String: [[String: String]]].self, from: Data(json.utf8)))[file.path] ?? []
                #expect(!theirs.contains { $0["severity"] == "error" }, "\(theirs)")
                #expect(Set(theirs.compactMap { $0["rule"] }) == Set(ours.map(\.rule)))
            }
        }
    }

    @Test("Numbers per seller and kind have no gaps and no repeats, under 30 concurrent requests")
    func numberingWithoutGaps() async throws {
        try await Deployment.with { deployment in
            let otherSeller: DraftParty = {
                var seller = Drafts.seller
                seller.vatNumber = "310000000000003"
                return seller
            }()
            let numbers = try await withThrowingTaskGroup(of: (String, String).self) { group in
                for index in 0..<30 {
                    group.addTask {
                        let seller = index % 3 == 0 ? otherSeller : Drafts.seller
                        let response = try await deployment.invoicing { client in
                            try await client.issue(IssueRequest(draft: Drafts.standard(lines: 1, seller: seller), egsID: "EGS-1"))
                        }
                        return (seller.vatNumber!, response.invoice.number!)
                    }
                }
                return try await group.reduce(into: [(String, String)]()) { $0.append($1) }
            }
            let first = numbers.filter { $0.0 == "399999999900003" }.map(\.1).sorted()
            let second = numbers.filter { $0.0 == "310000000000003" }.map(\.1).sorted()
            #expect(first == (1...20).map { String(format: "INV-%06d", $0) })
            #expect(second == (1...10).map { String(format: "INV-%06d", $0) })
            let search = try await deployment.invoicing { try await $0.search(SearchRequest(sellerVAT: "399999999900003", status: .stamped, limit: 100)) }
            #expect(search.total == 20)
            #expect(Set(search.invoices.compactMap(\.icv)).count == 20)
        }
    }

    @Test("A retried request with the same idempotency key returns the first result; another request with it is refused")
    func idempotency() async throws {
        try await Deployment.with { deployment in
            let draft = Drafts.standard()
            let first = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: draft, egsID: "EGS-1", idempotencyKey: "pos-42")) }
            let again = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: draft, egsID: "EGS-1", idempotencyKey: "pos-42")) }
            #expect(again.replayed)
            #expect(again.invoice.id == first.invoice.id)
            #expect(again.invoice.number == first.invoice.number)
            #expect(again.invoice.icv == first.invoice.icv)
            let error = await #expect(throws: RPCError.self) {
                try await deployment.invoicing { try await $0.issue(IssueRequest(draft: Drafts.standard(lines: 3), egsID: "EGS-1", idempotencyKey: "pos-42")) }
            }
            #expect(error?.code == .alreadyExists)
            let next = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: draft, egsID: "EGS-1")) }
            #expect(next.invoice.number == "INV-000002")
        }
    }

    @Test("With the signing service down an invoice is kept numbered and stamped once it is back; the retry returns the stamp")
    func signingOutage() async throws {
        let deployment = try Deployment()
        defer { deployment.remove() }
        var signing = try await deployment.startSigning()
        let invoicing = try await deployment.startInvoicing()
        do {
            try await deployment.createUnit()
            await signing.stop()

            let draft = Drafts.standard()
            let error = await #expect(throws: RPCError.self) {
                try await deployment.invoicing { try await $0.issue(IssueRequest(draft: draft, egsID: "EGS-1", idempotencyKey: "erp-7")) }
            }
            #expect(error?.code == .unavailable)
            #expect(error?.message.contains("stored and numbered") == true)
            let waiting = try await deployment.invoicing { try await $0.search(SearchRequest()) }
            #expect(waiting.invoices.map(\.number) == ["INV-000001"])
            #expect(waiting.invoices.first?.status == .issued)

            signing = try await deployment.startSigning()
            var stamped: InvoiceRecord?
            for _ in 0..<100 {
                let found = try await deployment.invoicing { try await $0.search(SearchRequest()) }.invoices.first
                if found?.status == .stamped { stamped = found; break }
                try await Task.sleep(for: .milliseconds(200))
            }
            let record = try #require(stamped, "recovery stamps the invoice once signing is back")
            #expect(record.icv == 1)

            let retried = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: draft, egsID: "EGS-1", idempotencyKey: "erp-7")) }
            #expect(retried.replayed)
            #expect(retried.invoice.id == record.id)
            #expect(retried.invoice.icv == 1)
            let next = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: draft, egsID: "EGS-1")) }
            #expect(next.invoice.number == "INV-000002")
            #expect(next.invoice.icv == 2)
        } catch {
            await invoicing.stop()
            await signing.stop()
            throw error
        }
        await invoicing.stop()
        await signing.stop()
    }

    @Test("Drafts are stored without a number and take the next one when issued")
    func drafts() async throws {
        try await Deployment.with { deployment in
            let draft = try await deployment.invoicing { try await $0.createDraft(CreateDraftRequest(draft: Drafts.standard())) }
            #expect(draft.status == .draft)
            #expect(draft.number == nil)
            let issued = try await deployment.invoicing { try await $0.issue(IssueRequest(draftID: draft.id, egsID: "EGS-1")) }
            #expect(issued.invoice.id == draft.id)
            #expect(issued.invoice.number == "INV-000001")
            #expect(issued.invoice.status == .stamped)
            let error = await #expect(throws: RPCError.self) {
                try await deployment.invoicing { try await $0.issue(IssueRequest(draftID: draft.id, egsID: "EGS-1")) }
            }
            #expect(error?.code == .failedPrecondition)
            let history = try await deployment.invoicing { try await $0.get(GetInvoiceRequest(reference: draft.id)) }.history
            #expect(history.map(\.status) == [.draft, .issued, .stamped])
        }
    }

    @Test("A simplified invoice with Arabic, emoji and XML special characters round-trips and is stamped")
    func simplifiedWithSpecialCharacters() async throws {
        try await Deployment.with { deployment in
            let response = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: Drafts.simplified(), egsID: "EGS-1")) }
            #expect(response.invoice.status == .stamped)
            #expect(response.invoice.payable == "34.50")
            let detail = try await deployment.invoicing { try await $0.get(GetInvoiceRequest(reference: response.invoice.id, includeXML: true)) }
            let xml = String(decoding: try #require(detail.stampedXML), as: UTF8.self)
            #expect(xml.contains("قهوة عربية ☕ &amp; &lt;هيل&gt;"))
            let reread = try InvoiceReader.read(Array(xml.utf8))
            #expect(reread.invoice.lines.first?.item.name == "قهوة عربية ☕ & <هيل>")
            let file = try temporaryFile("simplified-\(response.invoice.id).xml", Array(xml.utf8))
            let verifier = Samples.repository.appendingPathComponent("Tests/Tools/zatca_verify.py").path
            let (status, output) = try run("python3", [verifier, file.path])
            #expect(status == 0, "\(output)")
        }
    }

    @Test("Credit and debit notes refer to the invoice they adjust")
    func notes() async throws {
        try await Deployment.with { deployment in
            let invoice = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: Drafts.standard(), egsID: "EGS-1")) }.invoice
            let credit = try await deployment.invoicing {
                try await $0.createNote(CreateNoteRequest(original: invoice.number!, kind: .creditNote, reason: "Goods returned | إرجاع البضاعة", egsID: "EGS-1"))
            }.invoice
            #expect(credit.kind == .creditNote)
            #expect(credit.number == "CRN-000001")
            #expect(credit.billingReference == invoice.number)
            #expect(credit.totalWithVAT == invoice.totalWithVAT)
            #expect(credit.status == .stamped)
            let debit = try await deployment.invoicing {
                try await $0.createNote(
                    CreateNoteRequest(
                        original: invoice.id, kind: .debitNote, reason: "Price correction",
                        lines: [DraftLine(name: "Price difference", quantity: 1, price: "100", category: "S", rate: 15)], egsID: "EGS-1"
                    )
                )
            }.invoice
            #expect(debit.number == "DBN-000001")
            #expect(debit.payable == "115.00")
            let detail = try await deployment.invoicing { try await $0.get(GetInvoiceRequest(reference: credit.id, includeXML: true)) }
            let xml = String(decoding: try #require(detail.stampedXML), as: UTF8.self)
            #expect(xml.contains(">381</cbc:InvoiceTypeCode>"))
            #expect(xml.contains("<cbc:ID>\(invoice.number!)</cbc:ID>"))
            #expect(xml.contains("<cbc:InstructionNote>Goods returned | إرجاع البضاعة</cbc:InstructionNote>"))

            let noReason = await #expect(throws: RPCError.self) {
                try await deployment.invoicing { try await $0.createNote(CreateNoteRequest(original: invoice.id, kind: .creditNote, reason: "  ", egsID: "EGS-1")) }
            }
            #expect(noReason?.code == .invalidArgument)
            let ofANote = await #expect(throws: RPCError.self) {
                try await deployment.invoicing { try await $0.createNote(CreateNoteRequest(original: credit.id, kind: .creditNote, reason: "x", egsID: "EGS-1")) }
            }
            #expect(ofANote?.code == .failedPrecondition)
            let missing = await #expect(throws: RPCError.self) {
                try await deployment.invoicing { try await $0.createNote(CreateNoteRequest(original: "INV-999999", kind: .creditNote, reason: "x", egsID: "EGS-1")) }
            }
            #expect(missing?.code == .notFound)
        }
    }

    @Test("Search by seller, buyer, dates, status, kind, number and id; outcomes move the status and keep ZATCA's messages")
    func searchAndOutcomes() async throws {
        try await Deployment.with { deployment in
            var early = Drafts.standard()
            early.issueDate = "2024-01-15"
            early.issueTime = "09:00:00"
            var otherBuyer = Drafts.buyer
            otherBuyer.name = "مؤسسة البحر | Sea Est"
            otherBuyer.vatNumber = "311111111100003"
            var late = Drafts.standard(buyer: otherBuyer)
            late.issueDate = "2024-02-20"
            late.issueTime = "09:00:00"
            let first = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: early, egsID: "EGS-1")) }.invoice
            let second = try await deployment.invoicing { try await $0.issue(IssueRequest(draft: late, egsID: "EGS-1")) }.invoice

            func count(_ request: SearchRequest) async throws -> Int {
                try await deployment.invoicing { try await $0.search(request) }.total
            }
            #expect(try await count(SearchRequest()) == 2)
            #expect(try await count(SearchRequest(buyer: "Sea")) == 1)
            #expect(try await count(SearchRequest(buyer: "البحر")) == 1)
            #expect(try await count(SearchRequest(buyer: "3999999998")) == 1)
            #expect(try await count(SearchRequest(fromDate: "2024-02-01")) == 1)
            #expect(try await count(SearchRequest(fromDate: "2024-01-01", toDate: "2024-01-31")) == 1)
            #expect(try await count(SearchRequest(number: second.number)) == 1)
            #expect(try await count(SearchRequest(id: first.id)) == 1)
            #expect(try await count(SearchRequest(kind: .creditNote)) == 0)
            #expect(try await count(SearchRequest(buyer: "%")) == 0)
            let badDate = await #expect(throws: RPCError.self) { try await count(SearchRequest(fromDate: "15/01/2024")) }
            #expect(badDate?.code == .invalidArgument)

            let message = Finding(rule: "BR-KSA-08", severity: .warning, path: "/Invoice", messageEN: "seller id", messageAR: "معرف البائع")
            let cleared = try await deployment.invoicing {
                try await $0.recordOutcome(RecordOutcomeRequest(id: first.id, status: .cleared, detail: "HTTP 202", messages: [message], clearedXML: Data("<Invoice/>".utf8)))
            }
            #expect(cleared.status == .cleared)
            #expect(try await count(SearchRequest(status: .cleared)) == 1)
            let again = await #expect(throws: RPCError.self) {
                try await deployment.invoicing { try await $0.recordOutcome(RecordOutcomeRequest(id: first.id, status: .reported)) }
            }
            #expect(again?.code == .failedPrecondition)
            let history = try await deployment.invoicing { try await $0.get(GetInvoiceRequest(reference: first.id)) }.history
            #expect(history.map(\.status) == [.issued, .stamped, .cleared])
            #expect(history.last?.messages == [message])
        }
    }
}
