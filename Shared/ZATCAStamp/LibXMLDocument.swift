import UBLXML
import CXMLSupport

/// A document parsed by libxml2, for what einvoice trusts only a full parser with: canonical XML
/// (C14N 1.1) for the invoice hash, and schema validation.
///
/// Parsing never touches the network, never loads or applies a DTD, and never expands entities;
/// a document with a DOCTYPE is refused outright.
final class LibXMLDocument {
    private let pointer: UnsafeMutableRawPointer

    private init(pointer: UnsafeMutableRawPointer) {
        self.pointer = pointer
    }

    deinit {
        einvoice_xml_free_document(pointer)
    }

    static func parse(_ bytes: UnsafeRawBufferPointer) throws(XMLStampError) -> LibXMLDocument {
        guard bytes.count < Int(Int32.max) else { throw .tooLarge(bytes: bytes.count, limit: Int(Int32.max)) }
        var message = [CChar](repeating: 0, count: 512)
        var hasDTD: Int32 = 0
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        guard let document = einvoice_xml_parse(base, Int32(bytes.count), &message, Int32(message.count), &hasDTD) else {
            if hasDTD != 0 { throw .forbiddenDTD }
            throw .malformed(String(decoding: message.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self))
        }
        return LibXMLDocument(pointer: document)
    }

    /// Removes the three parts the invoice-hash recipe excludes, keeping the text around them.
    @discardableResult
    func removeStampElements() -> Int {
        Int(einvoice_xml_remove_stamp_elements(pointer))
    }

    /// The document in canonical XML 1.1, without comments.
    func canonical() throws(XMLStampError) -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        let length = einvoice_xml_canonicalize(pointer, &output)
        guard length >= 0, let output else { throw .malformed("canonicalization failed") }
        defer { einvoice_xml_free_buffer(output) }
        return Array(UnsafeBufferPointer(start: output, count: length))
    }

    /// Problems found validating against the XSD at `schemaPath` (empty when valid).
    func schemaProblems(schemaPath: String) -> [String]? {
        var buffer = [CChar](repeating: 0, count: 16 * 1024)
        let status = einvoice_xml_validate(pointer, schemaPath, &buffer, Int32(buffer.count))
        guard status >= 0 else { return nil }
        guard status > 0 else { return [] }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self)
        return text.split(separator: "\n").map(String.init)
    }
}
