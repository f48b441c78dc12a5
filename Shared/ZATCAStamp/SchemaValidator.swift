public import UBLXML

/// Validation against an XSD (UBL 2.1 for ZATCA's documents) through libxml2, with the same
/// hardened parser as the invoice hash: no network, no DTD, no entity expansion.
public enum SchemaValidator {
    /// The problems found (empty when the document is valid), or nil when the schema at
    /// `schemaPath` cannot be loaded.
    public static func problems(_ document: [UInt8], schemaPath: String) throws(XMLStampError) -> [String]? {
        let parsed = try document.withBytes { bytes throws(XMLStampError) in try LibXMLDocument.parse(bytes) }
        return parsed.schemaProblems(schemaPath: schemaPath)
    }
}
