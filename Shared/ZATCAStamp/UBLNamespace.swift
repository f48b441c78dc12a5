public import UBLXML
/// The namespaces of UBL 2.1 and XML-DSig/XAdES that ZATCA documents use.
public enum UBLNamespace {
    public static let invoice = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    public static let creditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
    public static let debitNote = "urn:oasis:names:specification:ubl:schema:xsd:DebitNote-2"
    public static let cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    public static let cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    public static let ext = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
    public static let sig = "urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2"
    public static let sac = "urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2"
    public static let sbc = "urn:oasis:names:specification:ubl:schema:xsd:SignatureBasicComponents-2"
    public static let ds = "http://www.w3.org/2000/09/xmldsig#"
    public static let xades = "http://uri.etsi.org/01903/v1.3.2#"
}
