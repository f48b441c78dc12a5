/// A UBL document as a tree of elements with their text and attributes, read with
/// ``XMLSpanScanner`` (no DTDs, no entity expansion): what business-rule checks walk.
///
/// ```swift
/// let document = try UBLDocument(bytes: xml)
/// let vat = document.root.value("AccountingSupplierParty/Party/PartyTaxScheme/CompanyID")
/// ```
public struct UBLDocument: Sendable {
    public let root: UBLElement

    public init(bytes: [UInt8]) throws(XMLStampError) {
        root = try bytes.withBytes { (text) throws(XMLStampError) -> UBLElement in
            let span = try XMLSpanScanner.scan(text)
            return UBLElement(span: span, text: text, path: "/\(span.name)")
        }
    }
}

/// One element: its names, attributes, text (for elements without children) and children, with
/// an XPath-like location for messages (`/Invoice/cac:InvoiceLine[2]/cbc:InvoicedQuantity`).
public struct UBLElement: Sendable {
    public let name: String
    public let localName: String
    public let path: String
    public let attributes: [(name: String, value: String)]
    /// The unescaped text of an element without child elements, trimmed; nil otherwise.
    public let text: String?
    /// The unescaped text as written, whitespace included (XPath compares this).
    public let rawText: String?
    public let children: [UBLElement]
    /// Byte offset of the start tag in the document.
    public let offset: Int

    init(span: XMLSpan, text document: UnsafeRawBufferPointer, path: String) {
        name = span.name
        localName = span.localName
        self.path = path
        offset = span.start
        attributes = XMLAttributes.all(inStartTagOf: span, text: document)
        if span.children.isEmpty {
            let raw = String(decoding: UnsafeRawBufferPointer(rebasing: document[span.startTagEnd..<span.contentEnd]), as: UTF8.self)
            let unescaped = XMLEscaping.unescape(raw[...])
            rawText = unescaped
            text = unescaped.trimmingWhitespace()
        } else {
            text = nil
            rawText = nil
        }
        var counts: [String: Int] = [:]
        var built: [UBLElement] = []
        built.reserveCapacity(span.children.count)
        let totals = Dictionary(span.children.map { ($0.name, 1) }, uniquingKeysWith: +)
        for child in span.children {
            counts[child.name, default: 0] += 1
            let index = (totals[child.name] ?? 1) > 1 ? "[\(counts[child.name]!)]" : ""
            built.append(UBLElement(span: child, text: document, path: "\(path)/\(child.name)\(index)"))
        }
        children = built
    }

    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Children with this local name.
    public func all(_ localName: String) -> [UBLElement] {
        children.filter { $0.localName == localName }
    }

    /// The first child with this local name.
    public func first(_ localName: String) -> UBLElement? {
        children.first { $0.localName == localName }
    }

    /// Follows a `/`-separated path of local names through first matching children.
    public func element(_ path: String) -> UBLElement? {
        var current = self
        for part in path.split(separator: "/") {
            guard let next = current.first(String(part)) else { return nil }
            current = next
        }
        return current
    }

    /// Every element reached by a `/`-separated path of local names, following all matches.
    public func elements(_ path: String) -> [UBLElement] {
        var current = [self]
        for part in path.split(separator: "/") {
            current = current.flatMap { $0.all(String(part)) }
        }
        return current
    }

    /// The text at a path, if present and non-empty.
    public func value(_ path: String) -> String? {
        guard let text = element(path)?.text, !text.isEmpty else { return nil }
        return text
    }
}
