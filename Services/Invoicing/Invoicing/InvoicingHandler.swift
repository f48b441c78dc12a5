import Foundation
public import GRPCCore
import InvoiceModel
import InvoiceRules
public import InvoicingContract
import Logging
import UBLXML
import ZATCACrypto

/// The invoicing RPCs: build and validate, store, number, have the signing service stamp,
/// look up and search.
public struct InvoicingHandler: Invoicing.ServiceProtocol {
    let store: InvoiceStore
    let stamper: any InvoiceStamping
    let logger: Logger
    /// Largest XML document `Validate` accepts.
    let maxDocumentSize: Int
    let clock: @Sendable () -> Date
    /// Sends stamped documents to the platform; a standard invoice is cleared before its request returns.
    let submitter: Submitter?

    init(
        store: InvoiceStore, stamper: any InvoiceStamping, submitter: Submitter? = nil, logger: Logger, maxDocumentSize: Int,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.stamper = stamper
        self.submitter = submitter
        self.logger = logger
        self.maxDocumentSize = maxDocumentSize
        self.clock = clock
    }

    // MARK: Validate

    public func validate(_ request: ValidateRequest, context: ServerContext) async throws -> ValidateResponse {
        let now = request.evaluatedAt ?? clock()
        if let draft = request.draft {
            let prepared = Self.prepare(draft, number: draft.number, uuid: draft.uuid, now: now)
            return ValidateResponse(
                valid: !prepared.findings.hasErrors, findings: prepared.findings, stamped: false, xml: Data(UBLInvoiceWriter.write(prepared.invoice))
            )
        }
        guard let xml = request.xml else {
            throw InvoicingError.invalidRequest("Give a request (JSON invoice) or an XML document to validate.")
        }
        guard xml.count <= maxDocumentSize else {
            throw InvoicingError.invalidRequest("The document is \(xml.count) bytes; at most \(maxDocumentSize) are accepted.")
        }
        let checked: InvoiceCheck.DocumentResult
        do {
            checked = try InvoiceCheck.document(Array(xml), now: now)
        } catch {
            throw InvoicingError.invalidRequest(error.description)
        }
        return ValidateResponse(valid: !checked.findings.hasErrors, findings: checked.findings, stamped: checked.stamped)
    }

    /// Builds and validates a request (ZATCA's rules and einvoice's own).
    static func prepare(_ draft: InvoiceDraft, number: String?, uuid: String?, now: Date) -> (invoice: Invoice, findings: [Finding]) {
        InvoiceCheck.draft(draft, number: number, uuid: uuid, now: now)
    }

    // MARK: Drafts and issuing

    public func createDraft(_ request: CreateDraftRequest, context: ServerContext) async throws -> InvoiceRecord {
        let now = clock()
        let prepared = Self.prepare(request.draft, number: request.draft.number, uuid: request.draft.uuid, now: now)
        guard !prepared.findings.hasErrors else { throw InvoicingError.rejected(prepared.findings) }
        var stored = try Self.stored(prepared.invoice, draft: request.draft, warnings: prepared.findings.warnings, status: .draft, egsID: nil, now: now)
        stored.record.number = nil  // a draft's number (its own or the next of the sequence) is taken when it is issued
        let (result, _) = try await store.insertDraft(stored, idempotencyKey: request.idempotencyKey, digest: try Self.digest(request.draft, "draft"))
        return result.record
    }

    public func issue(_ request: IssueRequest, context: ServerContext) async throws -> IssueResponse {
        guard !request.egsID.isEmpty else { throw InvoicingError.invalidRequest("Say which EGS unit stamps the invoice (egsID).") }
        let now = clock()
        let draft: InvoiceDraft
        var draftID: String?
        if let given = request.draft {
            draft = given
        } else if let id = request.draftID {
            guard let stored = try await store.invoice(id: id) else { throw InvoicingError.notFound("No draft \(id).") }
            guard stored.record.status == .draft else {
                if request.idempotencyKey == nil {
                    throw InvoicingError.failedPrecondition("Invoice \(stored.record.number ?? id) is \(stored.record.status.rawValue), not a draft.")
                }
                return try await finish(stored, replayed: true)
            }
            draft = stored.draft
            draftID = id
        } else {
            throw InvoicingError.invalidRequest("Give the invoice (draft) or the id of a stored draft (draftID).")
        }
        return try await issue(draft, draftID: draftID, egsID: request.egsID, idempotencyKey: request.idempotencyKey, originalID: nil, now: now)
    }

    /// Validates, numbers and stores, then stamps.
    func issue(_ draft: InvoiceDraft, draftID: String?, egsID: String, idempotencyKey: String?, originalID: String?, now: Date) async throws -> IssueResponse {
        let uuid = draftID ?? draft.uuid ?? UUID().uuidString.lowercased()
        let prepared = Self.prepare(draft, number: draft.number, uuid: uuid, now: now)
        guard !prepared.findings.hasErrors else { throw InvoicingError.rejected(prepared.findings) }
        var stored = try Self.stored(prepared.invoice, draft: draft, warnings: prepared.findings.warnings, status: .issued, egsID: egsID, now: now)
        stored.originalID = originalID
        let invoice = prepared.invoice
        let base = stored.record
        let (result, replayed) = try await store.issue(
            stored, replacingDraft: draftID != nil, idempotencyKey: idempotencyKey, digest: try Self.digest(draft, "issue:\(egsID):\(draftID ?? "")")
        ) { number in
            var numbered = invoice
            numbered.number = number
            var record = base
            record.number = number
            return (record, UBLInvoiceWriter.write(numbered))
        }
        logger.info("invoice.issued", metadata: ["invoice.id": "\(result.record.id)", "invoice.number": "\(result.record.number ?? "")", "egs.id": "\(egsID)", "replayed": "\(replayed)"])
        return try await finish(result, replayed: replayed)
    }

    /// Stamps an issued invoice (again, after a crash or an outage: the signing service returns
    /// the first stamp for the same document) and returns it.
    func finish(_ stored: InvoiceStore.Stored, replayed: Bool) async throws -> IssueResponse {
        guard stored.record.status == .issued else {
            return IssueResponse(invoice: stored.record, warnings: stored.warnings, replayed: replayed)
        }
        var stamped = try await stamp(stored)
        if stamped.record.subtype == .standard, let submitter {
            // A standard invoice counts once cleared: try now; the queue carries on if the platform is away.
            await submitter.submit(stamped.record.id)
            stamped = try await store.invoice(id: stamped.record.id) ?? stamped
        }
        return IssueResponse(invoice: stamped.record, warnings: stamped.warnings, replayed: replayed)
    }

    func stamp(_ stored: InvoiceStore.Stored) async throws -> InvoiceStore.Stored {
        guard let xml = stored.unsignedXML, let egsID = stored.record.egsID else {
            throw InvoicingError.storage("invoice \(stored.record.id) is issued without its XML or unit")
        }
        let result: StampResult
        do {
            result = try await stamper.stamp(xml, egsID: egsID)
        } catch let error as RPCError where [.unavailable, .deadlineExceeded, .cancelled, .aborted].contains(error.code) {
            // Not answered, or refused for now (`.aborted`: the stamp sat on a commit that
            // failed; nothing was issued): stamped later, as it is.
            logger.warning("invoice.stamp.pending", metadata: ["invoice.id": "\(stored.record.id)", "error": "\(error.message)"])
            throw InvoicingError.stampPending(
                "Invoice \(stored.record.number ?? stored.record.id) is stored and numbered, but the signing service did not stamp it yet (\(error.message)); "
                    + "it will be stamped when the signing service is back. Repeat the request with the same idempotency key to get the result."
            )
        } catch let error as RPCError {
            // The signing service refuses (unknown unit, no certificate, …): the invoice keeps its
            // number and waits for an operator.
            throw RPCError(code: error.code, message: "Invoice \(stored.record.number ?? stored.record.id) is stored but could not be stamped: \(error.message)")
        }
        return try await store.recordStamp(id: stored.record.id, icv: result.icv, invoiceHash: result.invoiceHash, qr: result.qr, stampedXML: result.document, at: clock())
    }

    // MARK: Notes

    public func createNote(_ request: CreateNoteRequest, context: ServerContext) async throws -> IssueResponse {
        guard request.kind.isNote else { throw InvoicingError.invalidRequest("kind must be credit-note or debit-note.") }
        guard let original = try await store.invoice(reference: request.original, sellerVAT: request.sellerVAT) else {
            throw InvoicingError.notFound("No invoice '\(request.original)' to adjust.")
        }
        guard [.stamped, .cleared, .reported].contains(original.record.status) else {
            throw InvoicingError.failedPrecondition(
                "Invoice \(original.record.number ?? original.record.id) is \(original.record.status.rawValue); only a stamped, cleared or reported invoice can be adjusted by a note."
            )
        }
        guard original.record.kind == .invoice || original.record.kind == .prepayment else {
            throw InvoicingError.failedPrecondition("\(original.record.number ?? original.record.id) is itself a note; adjust the invoice it refers to.")
        }
        guard !request.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InvoicingError.invalidRequest("A credit or debit note needs its reason (KSA-10).")
        }
        var draft = original.draft
        draft.kind = request.kind
        draft.number = nil
        draft.uuid = nil
        draft.issueDate = nil
        draft.issueTime = nil
        draft.billingReference = original.record.number
        draft.reason = request.reason
        draft.prepayments = nil
        draft.payableRoundingAmount = nil
        if let lines = request.lines {
            guard !lines.isEmpty else { throw InvoicingError.invalidRequest("A note needs at least one line, or none given to credit the whole invoice.") }
            draft.lines = lines
            draft.allowances = nil
            draft.charges = nil
        } else if request.kind == .debitNote {
            throw InvoicingError.invalidRequest("A debit note needs its lines (what is added to the invoice).")
        }
        return try await issue(draft, draftID: nil, egsID: request.egsID, idempotencyKey: request.idempotencyKey, originalID: original.record.id, now: clock())
    }

    // MARK: Reading

    public func get(_ request: GetInvoiceRequest, context: ServerContext) async throws -> InvoiceDetail {
        guard let stored = try await store.invoice(reference: request.reference, sellerVAT: request.sellerVAT) else {
            throw InvoicingError.notFound("No invoice '\(request.reference)'.")
        }
        let history = try await store.history(id: stored.record.id)
        return InvoiceDetail(
            invoice: stored.record, history: history, warnings: stored.warnings,
            unsignedXML: request.includeXML ? stored.unsignedXML.map { Data($0) } : nil,
            stampedXML: request.includeXML ? stored.stampedXML.map { Data($0) } : nil,
            clearedXML: request.includeXML ? stored.clearedXML.map { Data($0) } : nil,
            draft: stored.draft
        )
    }

    public func search(_ request: SearchRequest, context: ServerContext) async throws -> SearchResponse {
        for (name, date) in [("fromDate", request.fromDate), ("toDate", request.toDate)] {
            if let date, !InvoiceBuilder.isDate(date) {
                throw InvoicingError.invalidRequest("\(name) must be a date written YYYY-MM-DD, not '\(date)'.")
            }
        }
        let (records, total) = try await store.search(request)
        return SearchResponse(invoices: records, total: total)
    }

    public func recordOutcome(_ request: RecordOutcomeRequest, context: ServerContext) async throws -> InvoiceRecord {
        guard [.cleared, .reported, .rejected].contains(request.status) else {
            throw InvoicingError.invalidRequest("An outcome is cleared, reported or rejected, not \(request.status.rawValue).")
        }
        return try await store.recordOutcome(request, at: clock()).record
    }

    // MARK: Submissions

    public func listSubmissions(_ request: SubmissionsRequest, context: ServerContext) async throws -> SubmissionsResponse {
        let (records, counts) = try await store.submissions(request)
        return SubmissionsResponse(submissions: records, counts: counts)
    }

    public func retrySubmission(_ request: SubmissionReference, context: ServerContext) async throws -> SubmissionRecord {
        guard let stored = try await store.invoice(reference: request.reference, sellerVAT: request.sellerVAT) else {
            throw InvoicingError.notFound("No invoice '\(request.reference)'.")
        }
        _ = try await store.retrySubmission(invoiceID: stored.record.id, at: clock())
        await submitter?.submit(stored.record.id)
        guard let record = try await store.submission(invoiceID: stored.record.id) else { throw InvoicingError.storage("submission vanished") }
        return record
    }

    // MARK: Helpers

    static func stored(_ invoice: Invoice, draft: InvoiceDraft, warnings: [Finding], status: InvoiceStatus, egsID: String?, now: Date) throws -> InvoiceStore.Stored {
        guard let seller = draft.seller.vatNumber, !seller.isEmpty else {
            throw InvoicingError.invalidRequest("The seller's VAT number (seller.vatNumber) identifies the seller; it is required.")
        }
        let totals = invoice.monetaryTotal
        let record = InvoiceRecord(
            id: invoice.uuid ?? UUID().uuidString.lowercased(), number: invoice.number, kind: draft.kind, subtype: draft.subtype, status: status,
            sellerVAT: seller, sellerName: draft.seller.name, buyerName: draft.buyer?.name, buyerVAT: draft.buyer?.vatNumber,
            issueDate: invoice.issueDate ?? "", issueTime: invoice.issueTime ?? "", currency: invoice.documentCurrency ?? "SAR",
            lineCount: invoice.lines.count, totalWithoutVAT: totals?.taxExclusiveAmount?.value ?? .zero,
            totalVAT: invoice.breakdownTaxTotal?.taxAmount?.value ?? .zero, totalWithVAT: totals?.taxInclusiveAmount?.value ?? .zero,
            payable: totals?.payableAmount?.value ?? .zero, billingReference: draft.billingReference, egsID: egsID, icv: nil, invoiceHash: nil,
            qr: nil, createdAt: now, updatedAt: now
        )
        return InvoiceStore.Stored(record: record, draft: draft, warnings: warnings, originalID: nil, unsignedXML: nil, stampedXML: nil, clearedXML: nil)
    }

    /// A stable digest of a request, to tell a retry from a different request with a reused
    /// idempotency key.
    static func digest(_ draft: InvoiceDraft, _ purpose: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Hex.encode(SHA256Digest.hash(Array(purpose.utf8) + Array(try encoder.encode(draft))))
    }
}
