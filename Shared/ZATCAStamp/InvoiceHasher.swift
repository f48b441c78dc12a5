public import UBLXML
import Foundation
import ZATCACrypto

/// ZATCA's invoice hash (KSA-13 of the next invoice; the digest a stamp signs).
///
/// The recipe (BR-KSA-26 and the `ds:Transforms` of every signed sample): remove
/// `ext:UBLExtensions`, every `cac:Signature` and `cac:AdditionalDocumentReference[cbc:ID='QR']`,
/// keeping the whitespace around them; canonicalize with C14N 1.1 without comments; SHA-256;
/// base64 of the 32 raw bytes.
public enum InvoiceHasher {
    /// The hash of any document, by the full recipe through libxml2.
    public static func hash(of document: UnsafeRawBufferPointer) throws(XMLStampError) -> InvoiceHash {
        let parsed = try LibXMLDocument.parse(document)
        parsed.removeStampElements()
        return InvoiceHash(digest: SHA256Digest.hash(try parsed.canonical()))
    }

    public static func hash(of document: [UInt8]) throws(XMLStampError) -> InvoiceHash {
        try document.withBytes { (raw) throws(XMLStampError) in try hash(of: raw) }
    }

    /// The hash of a document whose own stamp elements are already left out (the stamper's
    /// view of the document it is building); any the recipe finds deeper are removed here.
    static func hash(ofExcludedForm document: [UInt8]) throws(XMLStampError) -> InvoiceHash {
        try document.withBytes { (raw) throws(XMLStampError) in
            let parsed = try LibXMLDocument.parse(raw)
            parsed.removeStampElements()
            return InvoiceHash(digest: SHA256Digest.hash(try parsed.canonical()))
        }
    }

    /// The canonical bytes the hash is computed over (for diagnosis and tests).
    public static func canonicalHashInput(of document: [UInt8]) throws(XMLStampError) -> [UInt8] {
        try document.withBytes { (raw) throws(XMLStampError) in
            let parsed = try LibXMLDocument.parse(raw)
            parsed.removeStampElements()
            return try parsed.canonical()
        }
    }
}

/// An invoice hash: SHA-256 over the canonical invoice.
public struct InvoiceHash: Sendable, Hashable, Codable, CustomStringConvertible {
    public let digest: [UInt8]

    public init(digest: [UInt8]) {
        self.digest = digest
    }

    public init?(base64: String) {
        guard let data = Data(base64Encoded: base64), data.count == 32 else { return nil }
        self.digest = Array(data)
    }

    /// The form documents and the API carry: base64 of the 32 bytes (44 characters).
    public var base64: String { Data(digest).base64EncodedString() }

    public var description: String { base64 }

    /// The chain's first previous-invoice hash: base64 of the hex text of SHA-256("0")
    /// (the SDK's `pih.txt`).
    public static let genesisPIH = "NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ=="
}
