import UBLXML
import Foundation

import ZATCACrypto

/// Plans where a stamp goes in a document: what is removed, what is inserted where, which parts
/// are hashed. Built from the document's element index, so every byte not touched by the stamp
/// is copied as it was (the pieces are ranges of the document itself).
///
/// Whether the hashed form is already canonical is decided here, once, outside the unit's turn:
/// the ICV and PIH text put in later holds only digits and base64, which never change that.
struct StampLayout: Sendable {
    /// The document after the stamp, as pieces; the excluded ones are filled in after hashing.
    private enum Piece: Sendable {
        /// Bytes of the document, as they are.
        case document(Range<Int>)
        case literal([UInt8])
        /// The ICV and PIH references (hashed; they depend on the chain).
        case chain
        case extensions
        case qr
        case signature
    }

    private let document: [UInt8]
    private var pieces: [Piece] = []
    let fields: InvoiceFields
    /// Where the root element starts in the hashed bytes, and how many bytes follow its end.
    private let rootStart: Int
    private let trailerLength: Int
    private let indent: String
    private let newline: String
    /// Whether SHA-256 over the hashed bytes is the invoice hash (no C14N needed).
    let isCanonical: Bool

    /// Children of `Invoice` that the schema puts before `cac:AdditionalDocumentReference`.
    static let beforeAdditionalDocumentReference: Set<String> = [
        "UBLExtensions", "UBLVersionID", "CustomizationID", "ProfileID", "ProfileExecutionID", "ID", "CopyIndicator", "UUID",
        "IssueDate", "IssueTime", "DueDate", "InvoiceTypeCode", "Note", "TaxPointDate", "DocumentCurrencyCode", "TaxCurrencyCode",
        "PricingCurrencyCode", "PaymentCurrencyCode", "PaymentAlternativeCurrencyCode", "AccountingCostCode", "AccountingCost",
        "LineCountNumeric", "BuyerReference", "InvoicePeriod", "OrderReference", "BillingReference", "DespatchDocumentReference",
        "ReceiptDocumentReference", "StatementDocumentReference", "OriginatorDocumentReference", "ContractDocumentReference",
        "AdditionalDocumentReference",
    ]

    /// ``beforeAdditionalDocumentReference`` as bytes, by length: children are compared in
    /// place, without a string each.
    private static let headerNamesByLength: [Int: [[UInt8]]] = Dictionary(grouping: beforeAdditionalDocumentReference.map { Array($0.utf8) }, by: \.count)

    /// The document's `cbc:UUID`, which identifies it in the unit's chain.
    let uuid: String?

    init(document: [UInt8]) throws(XMLStampError) {
        self.document = document
        var pieces: [Piece] = []
        let layout = try document.withBytes { (text) throws(XMLStampError) in
            try Self.plan(text, into: &pieces)
        }
        self.pieces = pieces
        fields = layout.0
        uuid = layout.1
        rootStart = layout.2
        trailerLength = layout.3
        newline = layout.4
        indent = layout.5
        if layout.6 {
            // An element the recipe drops wherever it is, below the root's children: only the
            // full recipe leaves it out of the hash.
            isCanonical = false
        } else {
            let probe = Self.hashedBytes(pieces: pieces, document: document, chain: Self.chainReferences(icv: 1, previousHash: InvoiceHash.genesisPIH, newline: layout.4, indent: layout.5))
            isCanonical = probe.withUnsafeBytes { CanonicalForm.isCanonical($0, root: layout.2..<($0.count - layout.3)) }
        }
    }

    private static func plan(
        _ text: UnsafeRawBufferPointer, into pieces: inout [Piece]
    ) throws(XMLStampError) -> (InvoiceFields, String?, Int, Int, String, String, Bool) {
        if let encoding = declaredEncoding(text), encoding.lowercased() != "utf-8" {
            throw .unsupportedDocument("the XML declaration says encoding=\"\(encoding)\"; ZATCA documents are UTF-8: convert the text to UTF-8 and declare encoding=\"UTF-8\"")
        }
        let index = try XMLIndex(text)
        let root = index.elements[0]
        guard index.hasLocalName(0, "Invoice", in: text) else {
            throw .unsupportedDocument("the root element is <\(index.name(0, in: text))>; ZATCA invoices, credit notes and debit notes are all <Invoice>")
        }
        let rootTag = Int(root.start)..<Int(root.startTagEnd)
        for (attribute, prefix, uri): (StaticString, String, String) in [("xmlns:cac", "cac", UBLNamespace.cac), ("xmlns:cbc", "cbc", UBLNamespace.cbc)] {
            guard let bound = XMLAttributes.value(named: attribute, inStartTag: rootTag, text: text) else {
                throw .missingPart("the xmlns:\(prefix) declaration on <Invoice>")
            }
            guard bound == uri else { throw .unsupportedDocument("xmlns:\(prefix) is bound to \(bound), not \(uri)") }
        }
        let declaredExt = XMLAttributes.value(named: "xmlns:ext", inStartTag: rootTag, text: text)
        if let ext = declaredExt, ext != UBLNamespace.ext {
            throw .unsupportedDocument("xmlns:ext is bound to \(ext), not \(UBLNamespace.ext)")
        }
        let fields = try InvoiceFields(index: index, in: text)
        let uuid = index.first("UUID", in: 0, bytes: text).flatMap { element -> String? in
            let span = index.elements[element]
            guard !span.isEmptyElementTag else { return nil }
            let value = String(decoding: UnsafeRawBufferPointer(rebasing: text[span.contentRange]), as: UTF8.self).trimmingWhitespace()
            return value.isEmpty ? nil : value
        }

        // The layout of the document's own children: the whitespace before the second child
        // (the first may hug the root's start tag, as in the SDK's samples).
        let children = Array(index.children(of: 0))
        let stampElements = Set(children.filter { Self.isStampElement($0, index: index, text: text) })
        let kept = children.filter { !stampElements.contains($0) }
        guard !kept.isEmpty else { throw .missingPart("the invoice's content") }
        // What the document keeps that the hash recipe may drop all the same: the recipe
        // removes its three elements at any depth, and a QR reference by any of its IDs.
        let keepsExcludable = kept.contains { child in
            let next = index.elements[child].nextSibling
            return (child..<(next >= 0 ? Int(next) : index.elements.count)).contains { Self.mayBeExcluded($0, index: index, text: text) }
        }
        let reference = index.elements[kept.count > 1 ? kept[1] : kept[0]]
        let previousEnd = children.last { index.elements[$0].end <= reference.start }.map { Int(index.elements[$0].end) } ?? Int(root.startTagEnd)
        let gap = String(decoding: UnsafeRawBufferPointer(rebasing: text[previousEnd..<Int(reference.start)]), as: UTF8.self)
        let newline: String
        let indent: String
        if let lastNewline = gap.lastIndex(of: "\n"), gap.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            newline = "\n"
            indent = String(gap[gap.index(after: lastNewline)...])
        } else {
            newline = ""
            indent = ""
        }

        // The root start tag, with the ext namespace added if the document lacks it.
        if declaredExt == nil {
            pieces.append(.document(0..<(Int(root.startTagEnd) - 1)))
            pieces.append(.literal(Array(" xmlns:ext=\"\(UBLNamespace.ext)\">".utf8)))
        } else {
            pieces.append(.document(0..<Int(root.startTagEnd)))
        }
        pieces.append(.extensions)

        func isAnchor(_ element: Int, signature: Bool) -> Bool {
            if signature, index.hasLocalName(element, "ProjectReference", in: text) { return true }
            let range = index.elements[element].localNameRange
            return Self.headerNamesByLength[range.count]?.contains { memcmp(text.baseAddress! + range.lowerBound, $0, range.count) == 0 } ?? false
        }
        guard let adrAnchor = kept.last(where: { isAnchor($0, signature: false) }),
            let signatureAnchor = kept.last(where: { isAnchor($0, signature: true) })
        else { throw .missingPart("cbc:ID, cbc:UUID and the other header elements") }

        let separator = Array((newline + indent).utf8)
        var cursor = Int(root.startTagEnd)
        for child in children {
            let element = index.elements[child]
            if stampElements.contains(child) {
                // Dropped with the whitespace before it.
                cursor = Int(element.end)
                continue
            }
            pieces.append(.document(cursor..<Int(element.end)))
            cursor = Int(element.end)
            if child == adrAnchor {
                pieces.append(.literal(separator))
                pieces.append(.chain)
                pieces.append(.literal(separator))
                pieces.append(.qr)
            }
            if child == signatureAnchor {
                pieces.append(.literal(separator))
                pieces.append(.signature)
            }
        }
        pieces.append(.document(cursor..<text.count))
        return (fields, uuid, Int(root.start), text.count - Int(root.end), newline, indent, keepsExcludable)
    }

    /// The encoding the XML declaration names, if it names one: `encoding`, optional spaces,
    /// `=`, optional spaces, a quoted name.
    static func declaredEncoding(_ text: UnsafeRawBufferPointer) -> String? {
        // Read in place: this runs for every stamp, and most documents have no declaration.
        func matches(_ literal: StaticString, at offset: Int) -> Bool {
            offset + literal.utf8CodeUnitCount <= text.count && memcmp(text.baseAddress! + offset, literal.utf8Start, literal.utf8CodeUnitCount) == 0
        }
        var start = 0
        if matches("\u{FEFF}", at: 0) { start = 3 }
        guard matches("<?xml", at: start), start + 5 < text.count, CanonicalForm.isWhitespace(text[start + 5]) else { return nil }
        var end = start + 5
        while end + 1 < text.count, !matches("?>", at: end) { end += 1 }
        guard var cursor = (start..<end).first(where: { matches("encoding", at: $0) }).map({ $0 + 8 }) else { return nil }
        func skipSpaces() { while cursor < end, CanonicalForm.isWhitespace(text[cursor]) { cursor += 1 } }
        skipSpaces()
        guard cursor < end, text[cursor] == UInt8(ascii: "=") else { return nil }
        cursor += 1
        skipSpaces()
        guard cursor < end, text[cursor] == UInt8(ascii: "\"") || text[cursor] == UInt8(ascii: "'") else { return nil }
        let quote = text[cursor]
        guard let close = ((cursor + 1)..<end).first(where: { text[$0] == quote }) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: text[(cursor + 1)..<close]), as: UTF8.self)
    }

    /// Whether the hash recipe might drop `element` (by local names: a superset of what
    /// libxml2's removal matches, so the full recipe decides): `UBLExtensions`, `Signature`, or
    /// an `AdditionalDocumentReference` with any `ID` of `QR`.
    static func mayBeExcluded(_ element: Int, index: XMLIndex, text: UnsafeRawBufferPointer) -> Bool {
        if index.hasLocalName(element, "UBLExtensions", in: text) || index.hasLocalName(element, "Signature", in: text) { return true }
        guard index.hasLocalName(element, "AdditionalDocumentReference", in: text) else { return false }
        return index.children(of: element).contains { child in
            guard index.hasLocalName(child, "ID", in: text), !index.elements[child].isEmptyElementTag else { return false }
            // libxml2 compares the ID's whole text, its elements' text included: an ID holding
            // an element is left to it; references, CDATA and comments are read as it reads them.
            if index.elements[child].firstChild >= 0 { return true }
            return index.text(child, in: text) == "QR"
        }
    }

    /// `ext:UBLExtensions`, `cac:Signature`, and the ICV, PIH and QR references.
    static func isStampElement(_ element: Int, index: XMLIndex, text: UnsafeRawBufferPointer) -> Bool {
        if index.hasLocalName(element, "UBLExtensions", in: text) || index.hasLocalName(element, "Signature", in: text) { return true }
        guard index.hasLocalName(element, "AdditionalDocumentReference", in: text), let id = index.first("ID", in: element, bytes: text),
            !index.elements[id].isEmptyElementTag
        else { return false }
        let value = index.text(id, in: text)
        return value == "ICV" || value == "PIH" || value == "QR"
    }

    /// ``isStampElement(_:index:text:)`` for a span.
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

    static func chainReferences(icv: Int64, previousHash: String, newline: String, indent: String) -> [UInt8] {
        // Appended as bytes: this runs twice per stamp (the canonical probe and the stamp).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(420 + 6 * (newline.utf8.count + 3 * indent.utf8.count))
        func line(_ level: Int) {
            bytes.append(contentsOf: newline.utf8)
            for _ in 0...level { bytes.append(contentsOf: indent.utf8) }
        }
        func text(_ literal: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }
        text("<cac:AdditionalDocumentReference>")
        line(1)
        text("<cbc:ID>ICV</cbc:ID>")
        line(1)
        text("<cbc:UUID>")
        bytes.append(contentsOf: String(icv).utf8)
        text("</cbc:UUID>")
        line(0)
        text("</cac:AdditionalDocumentReference>")
        line(0)
        text("<cac:AdditionalDocumentReference>")
        line(1)
        text("<cbc:ID>PIH</cbc:ID>")
        line(1)
        text("<cac:Attachment>")
        line(2)
        text("<cbc:EmbeddedDocumentBinaryObject mimeCode=\"text/plain\">")
        bytes.append(contentsOf: previousHash.utf8)
        text("</cbc:EmbeddedDocumentBinaryObject>")
        line(1)
        text("</cac:Attachment>")
        line(0)
        text("</cac:AdditionalDocumentReference>")
        return bytes
    }

    /// Appends text and line breaks to the stamped document (no string is built per stamp).
    private struct Writer {
        var bytes: [UInt8]
        let newline: String
        let indent: String

        mutating func text(_ literal: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }

        mutating func line(_ level: Int) {
            bytes.append(contentsOf: newline.utf8)
            for _ in 0...level { bytes.append(contentsOf: indent.utf8) }
        }
    }

    /// The QR reference element around the QR's base64 text; returns where the text is.
    private static func writeQRReference(_ qr: String, into writer: inout Writer) -> Range<Int> {
        writer.text("<cac:AdditionalDocumentReference>")
        writer.line(1)
        writer.text("<cbc:ID>QR</cbc:ID>")
        writer.line(1)
        writer.text("<cac:Attachment>")
        writer.line(2)
        writer.text("<cbc:EmbeddedDocumentBinaryObject mimeCode=\"text/plain\">")
        let start = writer.bytes.count
        writer.bytes.append(contentsOf: qr.utf8)
        let range = start..<writer.bytes.count
        writer.text("</cbc:EmbeddedDocumentBinaryObject>")
        writer.line(1)
        writer.text("</cac:Attachment>")
        writer.line(0)
        writer.text("</cac:AdditionalDocumentReference>")
        return range
    }

    private static func writeSignatureElement(into writer: inout Writer) {
        writer.text("<cac:Signature>")
        writer.line(1)
        writer.text("<cbc:ID>urn:oasis:names:specification:ubl:signature:Invoice</cbc:ID>")
        writer.line(1)
        writer.text("<cbc:SignatureMethod>urn:oasis:names:specification:ubl:dsig:enveloped:xades</cbc:SignatureMethod>")
        writer.line(0)
        writer.text("</cac:Signature>")
    }

    /// The bytes the invoice hash covers, before canonicalization: the stamped document without
    /// the three excluded elements (the whitespace around them stays).
    private static func hashedBytes(pieces: [Piece], document: [UInt8], chain: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(document.count + chain.count + 100)
        for piece in pieces {
            switch piece {
            case .document(let range): bytes.append(contentsOf: document[range])
            case .literal(let literal): bytes.append(contentsOf: literal)
            case .chain: bytes.append(contentsOf: chain)
            case .extensions, .qr, .signature: break
            }
        }
        return bytes
    }

    /// The ICV and PIH references as they are written.
    func chainText(icv: Int64, previousHash: String) -> [UInt8] {
        Self.chainReferences(icv: icv, previousHash: previousHash, newline: newline, indent: indent)
    }

    /// The invoice hash: SHA-256 straight over the pieces when they are already canonical (the
    /// layout einvoice's writer produces), otherwise through libxml2's C14N.
    func invoiceHash(chain: [UInt8]) throws(XMLStampError) -> InvoiceHash {
        guard isCanonical else {
            return try InvoiceHasher.hash(ofExcludedForm: Self.hashedBytes(pieces: pieces, document: document, chain: chain))
        }
        // The root's bytes: everything hashed from rootStart, less the trailer at the end.
        var hasher = SHA256Hasher()
        var skip = rootStart
        var remaining = pieces.reduce(chain.count) { total, piece in
            switch piece {
            case .document(let range): total + range.count
            case .literal(let literal): total + literal.count
            case .chain, .extensions, .qr, .signature: total
            }
        } - rootStart - trailerLength
        func feed(_ chunk: UnsafeRawBufferPointer) {
            var chunk = chunk
            if skip > 0 {
                let dropped = min(skip, chunk.count)
                chunk = UnsafeRawBufferPointer(rebasing: chunk[dropped...])
                skip -= dropped
            }
            let used = min(remaining, chunk.count)
            guard used > 0 else { return }
            hasher.update(UnsafeRawBufferPointer(rebasing: chunk[..<used]))
            remaining -= used
        }
        document.withUnsafeBytes { text in
            for piece in pieces {
                switch piece {
                case .document(let range): feed(UnsafeRawBufferPointer(rebasing: text[range]))
                case .literal(let literal): literal.withUnsafeBytes { feed($0) }
                case .chain: chain.withUnsafeBytes { feed($0) }
                case .extensions, .qr, .signature: break
                }
            }
        }
        return InvoiceHash(digest: hasher.finalize())
    }

    /// The stamped document, where its `ext:UBLExtensions` block is in it, and where the QR's
    /// base64 text is.
    func assemble(
        chain: [UInt8], extensions: XAdESTemplate, hash: InvoiceHash, signatureValue: String, signingTime: String, qr: String
    ) -> (xml: [UInt8], extensions: Range<Int>, qr: Range<Int>) {
        var extensionsRange = 0..<0
        var qrRange = 0..<0
        var writer = Writer(bytes: [], newline: newline, indent: indent)
        writer.bytes.reserveCapacity(document.count + chain.count + extensions.approximateCount + qr.utf8.count + 600)
        document.withUnsafeBytes { text in
            for piece in pieces {
                switch piece {
                case .document(let range): writer.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[range]))
                case .literal(let literal): writer.bytes.append(contentsOf: literal)
                case .chain: writer.bytes.append(contentsOf: chain)
                case .extensions:
                    let start = writer.bytes.count
                    extensions.render(invoiceHash: hash, signatureValue: signatureValue, signingTime: signingTime, into: &writer.bytes)
                    extensionsRange = start..<writer.bytes.count
                case .qr: qrRange = Self.writeQRReference(qr, into: &writer)
                case .signature: Self.writeSignatureElement(into: &writer)
                }
            }
        }
        return (writer.bytes, extensionsRange, qrRange)
    }
}
