import UBLXML
import Foundation

import ZATCACrypto

/// Plans where a stamp goes in a document: what is removed, what is inserted where, which parts
/// are hashed. Built from the document's element spans, so every byte not touched by the stamp
/// is copied as it was.
struct StampLayout {
    /// The document after the stamp, as pieces; the excluded ones are filled in after hashing.
    private enum Piece {
        case text([UInt8])
        /// The ICV and PIH references (hashed; they depend on the chain).
        case chain
        case extensions
        case qr
        case signature
    }

    private var pieces: [Piece] = []
    let fields: InvoiceFields
    /// Where the root element starts in the hashed bytes, and how many bytes follow its end.
    private let rootStart: Int
    private let trailerLength: Int
    private let indent: String
    private let newline: String

    /// Children of `Invoice` that the schema puts before `cac:AdditionalDocumentReference`.
    static let beforeAdditionalDocumentReference: Set<String> = [
        "UBLExtensions", "UBLVersionID", "CustomizationID", "ProfileID", "ProfileExecutionID", "ID", "CopyIndicator", "UUID",
        "IssueDate", "IssueTime", "DueDate", "InvoiceTypeCode", "Note", "TaxPointDate", "DocumentCurrencyCode", "TaxCurrencyCode",
        "PricingCurrencyCode", "PaymentCurrencyCode", "PaymentAlternativeCurrencyCode", "AccountingCostCode", "AccountingCost",
        "LineCountNumeric", "BuyerReference", "InvoicePeriod", "OrderReference", "BillingReference", "DespatchDocumentReference",
        "ReceiptDocumentReference", "StatementDocumentReference", "OriginatorDocumentReference", "ContractDocumentReference",
        "AdditionalDocumentReference",
    ]

    /// The document's `cbc:UUID`, which identifies it in the unit's chain.
    let uuid: String?

    init(document text: UnsafeRawBufferPointer) throws(XMLStampError) {
        let root = try XMLSpanScanner.scan(text)
        guard root.localName == "Invoice" else {
            throw .unsupportedDocument("the root element is <\(root.name)>; ZATCA invoices, credit notes and debit notes are all <Invoice>")
        }
        let declarations = XMLAttributes.all(inStartTagOf: root, text: text)
        func declared(_ prefix: String) -> String? { declarations.first { $0.name == "xmlns:\(prefix)" }?.value }
        for (prefix, uri) in [("cac", UBLNamespace.cac), ("cbc", UBLNamespace.cbc)] {
            guard let bound = declared(prefix) else { throw .missingPart("the xmlns:\(prefix) declaration on <Invoice>") }
            guard bound == uri else { throw .unsupportedDocument("xmlns:\(prefix) is bound to \(bound), not \(uri)") }
        }
        if let ext = declared("ext"), ext != UBLNamespace.ext {
            throw .unsupportedDocument("xmlns:ext is bound to \(ext), not \(UBLNamespace.ext)")
        }
        fields = try InvoiceFields(root: root, in: text)
        uuid = root.first("UUID").flatMap { span -> String? in
            guard !span.isEmptyElementTag else { return nil }
            let value = String(decoding: UnsafeRawBufferPointer(rebasing: text[span.startTagEnd..<span.contentEnd]), as: UTF8.self).trimmingWhitespace()
            return value.isEmpty ? nil : value
        }
        rootStart = root.start
        trailerLength = text.count - root.end

        // The layout of the document's own children: the whitespace before the second child
        // (the first may hug the root's start tag, as in the SDK's samples).
        let kept = root.children.filter { !Self.isStampElement($0, text: text) }
        guard !kept.isEmpty else { throw .missingPart("the invoice's content") }
        let reference = kept.count > 1 ? kept[1] : kept[0]
        let previousEnd = root.children.last { $0.end <= reference.start }?.end ?? root.startTagEnd
        let gap = String(decoding: UnsafeRawBufferPointer(rebasing: text[previousEnd..<reference.start]), as: UTF8.self)
        if let lastNewline = gap.lastIndex(of: "\n"), gap.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            newline = "\n"
            indent = String(gap[gap.index(after: lastNewline)...])
        } else {
            newline = ""
            indent = ""
        }

        // The root start tag, with the ext namespace added if the document lacks it.
        var head = Array(text[0..<root.startTagEnd])
        if declared("ext") == nil {
            let closing = head.count - 1
            head.insert(contentsOf: Array(" xmlns:ext=\"\(UBLNamespace.ext)\"".utf8), at: closing)
        }
        pieces.append(.text(head))
        pieces.append(.extensions)

        let adrAnchor = kept.lastIndex { Self.beforeAdditionalDocumentReference.contains($0.localName) }
        let signatureAnchor = kept.lastIndex { Self.beforeAdditionalDocumentReference.contains($0.localName) || $0.localName == "ProjectReference" }
        guard let adrAnchor, let signatureAnchor else { throw .missingPart("cbc:ID, cbc:UUID and the other header elements") }

        var cursor = root.startTagEnd
        for child in root.children {
            if Self.isStampElement(child, text: text) {
                // Dropped with the whitespace before it.
                cursor = child.end
                continue
            }
            pieces.append(.text(Array(text[cursor..<child.end])))
            cursor = child.end
            if child.start == kept[adrAnchor].start {
                pieces.append(.text(Array((newline + indent).utf8)))
                pieces.append(.chain)
                pieces.append(.text(Array((newline + indent).utf8)))
                pieces.append(.qr)
            }
            if child.start == kept[signatureAnchor].start {
                pieces.append(.text(Array((newline + indent).utf8)))
                pieces.append(.signature)
            }
        }
        pieces.append(.text(Array(text[cursor..<text.count])))
    }

    /// `ext:UBLExtensions`, `cac:Signature`, and the ICV, PIH and QR references.
    static func isStampElement(_ span: XMLSpan, text: UnsafeRawBufferPointer) -> Bool {
        switch span.localName {
        case "UBLExtensions", "Signature":
            return true
        case "AdditionalDocumentReference":
            guard let id = span.first("ID"), !id.isEmptyElementTag else { return false }
            let value = String(decoding: UnsafeRawBufferPointer(rebasing: text[id.startTagEnd..<id.contentEnd]), as: UTF8.self).trimmingWhitespace()
            return value == "ICV" || value == "PIH" || value == "QR"
        default:
            return false
        }
    }

    private func line(_ level: Int) -> String {
        newline + String(repeating: indent, count: level + 1)
    }

    private func chainReferences(icv: Int64, previousHash: String) -> String {
        "<cac:AdditionalDocumentReference>\(line(1))<cbc:ID>ICV</cbc:ID>\(line(1))<cbc:UUID>\(icv)</cbc:UUID>\(line(0))</cac:AdditionalDocumentReference>"
            + "\(line(0))<cac:AdditionalDocumentReference>\(line(1))<cbc:ID>PIH</cbc:ID>\(line(1))<cac:Attachment>"
            + "\(line(2))<cbc:EmbeddedDocumentBinaryObject mimeCode=\"text/plain\">\(previousHash)</cbc:EmbeddedDocumentBinaryObject>"
            + "\(line(1))</cac:Attachment>\(line(0))</cac:AdditionalDocumentReference>"
    }

    private func qrReference(_ qr: String) -> String {
        "<cac:AdditionalDocumentReference>\(line(1))<cbc:ID>QR</cbc:ID>\(line(1))<cac:Attachment>"
            + "\(line(2))<cbc:EmbeddedDocumentBinaryObject mimeCode=\"text/plain\">\(qr)</cbc:EmbeddedDocumentBinaryObject>"
            + "\(line(1))</cac:Attachment>\(line(0))</cac:AdditionalDocumentReference>"
    }

    private var signatureElement: String {
        "<cac:Signature>\(line(1))<cbc:ID>urn:oasis:names:specification:ubl:signature:Invoice</cbc:ID>"
            + "\(line(1))<cbc:SignatureMethod>urn:oasis:names:specification:ubl:dsig:enveloped:xades</cbc:SignatureMethod>\(line(0))</cac:Signature>"
    }

    /// The bytes the invoice hash covers, before canonicalization: the stamped document without
    /// the three excluded elements (the whitespace around them stays).
    func hashedBytes(chain: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pieces.reduce(chain.count) { if case .text(let t) = $1 { $0 + t.count } else { $0 } })
        for piece in pieces {
            switch piece {
            case .text(let text): bytes.append(contentsOf: text)
            case .chain: bytes.append(contentsOf: chain)
            case .extensions, .qr, .signature: break
            }
        }
        return bytes
    }

    /// The ICV and PIH references as they are written.
    func chainText(icv: Int64, previousHash: String) -> [UInt8] {
        Array(chainReferences(icv: icv, previousHash: previousHash).utf8)
    }

    /// The invoice hash: straight over the bytes when they are already canonical (the layout
    /// einvoice's writer produces), otherwise through libxml2's C14N.
    func invoiceHash(chain: [UInt8]) throws(XMLStampError) -> InvoiceHash {
        let bytes = hashedBytes(chain: chain)
        let fast = bytes.withUnsafeBytes { raw -> InvoiceHash? in
            let root = rootStart..<(raw.count - trailerLength)
            guard CanonicalForm.isCanonical(raw, root: root) else { return nil }
            return InvoiceHash(digest: SHA256Digest.hash(UnsafeRawBufferPointer(rebasing: raw[root])))
        }
        if let fast { return fast }
        return try InvoiceHasher.hash(ofExcludedForm: bytes)
    }

    func assemble(chain: [UInt8], extensions: String, qr: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pieces.reduce(chain.count + extensions.utf8.count + 1_500) { if case .text(let t) = $1 { $0 + t.count } else { $0 } })
        for piece in pieces {
            switch piece {
            case .text(let text): bytes.append(contentsOf: text)
            case .chain: bytes.append(contentsOf: chain)
            case .extensions: bytes.append(contentsOf: extensions.utf8)
            case .qr: bytes.append(contentsOf: qrReference(qr).utf8)
            case .signature: bytes.append(contentsOf: signatureElement.utf8)
            }
        }
        return bytes
    }
}
