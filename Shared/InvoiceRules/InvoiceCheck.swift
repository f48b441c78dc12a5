public import Foundation
public import InvoiceModel

/// The two checks einvoice offers everywhere (service, CLI): a JSON request built and
/// validated as it would be issued, and any UBL document validated as ZATCA would.
public enum InvoiceCheck {
    /// Builds the request with ZATCA's arithmetic and validates the result with ZATCA's rules and
    /// einvoice's own; each finding also names its field in the request.
    public static func draft(_ draft: InvoiceDraft, number: String? = nil, uuid: String? = nil, now: Date) -> (invoice: Invoice, findings: [Finding]) {
        let built = InvoiceBuilder.build(draft, number: number ?? draft.number ?? "INV-000000", uuid: uuid ?? draft.uuid, now: now)
        if built.findings.contains(where: { $0.rule == "EINV-LIMIT-LINES" }) { return (built.invoice, built.findings) }
        let findings = built.findings + InvoiceValidator.validate(built.invoice, options: ValidationOptions(stage: .unsigned, now: now, platformRules: true))
        return (built.invoice, findings.map { DraftFields.locate($0) })
    }

    public struct DocumentResult: Sendable {
        public var findings: [Finding]
        /// Whether the document carries a stamp (then the stamp's rules apply too).
        public var stamped: Bool
    }

    /// Reads a UBL invoice, credit note or debit note and validates it; a document that is not
    /// an invoice at all throws with the reason.
    public static func document(_ bytes: [UInt8], now: Date) throws(InvoiceReader.ReadError) -> DocumentResult {
        let read = try InvoiceReader.read(bytes)
        let stamped = read.invoice.signature != nil || read.invoice.additionalDocuments.contains { $0.id == "ICV" }
        let findings = read.findings + InvoiceValidator.validate(read.invoice, options: ValidationOptions(stage: stamped ? .stamped : .unsigned, now: now))
        return DocumentResult(findings: findings, stamped: stamped)
    }
}
