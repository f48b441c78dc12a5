import CLibXML2
import Foundation

/// A document parsed by libxml2, for what einvoice trusts only a full parser with: canonical XML
/// (C14N 1.1) for the invoice hash, and schema validation.
///
/// Parsing never touches the network, never loads or applies a DTD, and never expands entities;
/// a document with a DOCTYPE is refused outright.
final class LibXMLDocument {
    let pointer: xmlDocPtr

    private init(pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    private static let initialized: Bool = {
        xmlInitParser()
        einvoice_xml_silence()
        return true
    }()

    static let parseOptions = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    static func parse(_ bytes: UnsafeRawBufferPointer) throws(XMLStampError) -> LibXMLDocument {
        _ = initialized
        guard bytes.count < Int(Int32.max) else { throw .tooLarge(bytes: bytes.count, limit: Int(Int32.max)) }
        einvoice_xml_silence()
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        guard let doc = xmlReadMemory(base, Int32(bytes.count), "invoice.xml", "UTF-8", parseOptions) else {
            throw .malformed(lastErrorMessage())
        }
        let document = LibXMLDocument(pointer: doc)
        guard doc.pointee.intSubset == nil, doc.pointee.extSubset == nil else { throw .forbiddenDTD }
        guard xmlDocGetRootElement(doc) != nil else { throw .malformed("the document has no root element") }
        return document
    }

    static func lastErrorMessage() -> String {
        guard let error = xmlGetLastError() else { return "libxml2 could not parse it" }
        let message = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "parse error"
        return "line \(error.pointee.line): \(message)"
    }

    var root: xmlNodePtr { xmlDocGetRootElement(pointer)! }

    /// The document in canonical XML 1.1, without comments.
    func canonical() throws(XMLStampError) -> [UInt8] {
        var output: UnsafeMutablePointer<xmlChar>?
        let length = xmlC14NDocDumpMemory(pointer, nil, Int32(XML_C14N_1_1.rawValue), nil, 0, &output)
        guard length >= 0, let output else { throw .malformed("canonicalization failed") }
        defer { einvoice_xmlFree(output) }
        return Array(UnsafeBufferPointer(start: output, count: Int(length)))
    }

    /// Unlinks and frees every element (anywhere) for which `shouldRemove` is true, keeping the
    /// text around it. Removed elements' descendants go with them.
    func removeElements(where shouldRemove: (xmlNodePtr) -> Bool) {
        var stack: [xmlNodePtr] = [root]
        var doomed: [xmlNodePtr] = []
        while let node = stack.popLast() {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    if shouldRemove(current) { doomed.append(current) } else { stack.append(current) }
                }
                child = current.pointee.next
            }
        }
        for node in doomed {
            xmlUnlinkNode(node)
            xmlFreeNode(node)
        }
    }
}

extension xmlNodePtr {
    var localName: String { pointee.name.map { String(cString: $0) } ?? "" }
    var namespaceURI: String? { pointee.ns?.pointee.href.map { String(cString: $0) } }

    func isElement(_ local: String, in namespace: String) -> Bool {
        pointee.type == XML_ELEMENT_NODE && localName == local && namespaceURI == namespace
    }

    /// The concatenated text of the node and its descendants.
    var textContent: String {
        guard let content = xmlNodeGetContent(self) else { return "" }
        defer { einvoice_xmlFree(content) }
        return String(cString: content)
    }

    var elementChildren: [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }
}
