public import UBLXML
import Foundation

/// The identifying facts of an invoice document, read without a full parse: enough to look up
/// whether it was stamped before, or to find its QR.
public struct InvoiceIdentity: Sendable, Hashable {
    public var id: String?
    public var uuid: String?
    public var icv: String?
    /// Base64 of the QR TLV, if the document has one.
    public var qrCode: String?

    public init(document: [UInt8]) throws(XMLStampError) {
        self = try document.withBytes { (text) throws(XMLStampError) -> InvoiceIdentity in
            let root = try XMLSpanScanner.scan(text)
            func value(_ span: XMLSpan?) -> String? {
                guard let span, !span.isEmptyElementTag else { return nil }
                let raw = String(decoding: UnsafeRawBufferPointer(rebasing: text[span.startTagEnd..<span.contentEnd]), as: UTF8.self)
                let trimmed = XMLEscaping.unescape(raw[...]).trimmingWhitespace()
                return trimmed.isEmpty ? nil : trimmed
            }
            let references = root.children.filter { $0.localName == "AdditionalDocumentReference" }
            func reference(_ id: String) -> XMLSpan? { references.first { value($0.first("ID")) == id } }
            return InvoiceIdentity(
                id: value(root.first("ID")),
                uuid: value(root.first("UUID")),
                icv: value(reference("ICV")?.first("UUID")),
                qrCode: value(reference("QR")?.descendantByLocalNames("Attachment", "EmbeddedDocumentBinaryObject")).map { $0.filter { !$0.isWhitespace } }
            )
        }
    }

    private init(id: String?, uuid: String?, icv: String?, qrCode: String?) {
        self.id = id
        self.uuid = uuid
        self.icv = icv
        self.qrCode = qrCode
    }
}
