import Foundation
import ZATCACrypto

/// The `ext:UBLExtensions` block of a stamped invoice: ZATCA's XAdES enveloped signature, laid
/// out the way the SDK's samples are (four spaces per level, starting at column 0).
///
/// The signed-properties digest is computed over the `xades:SignedProperties` element exactly as
/// this template lays it out, with `xmlns:xades` added to it and `xmlns:ds` to each `ds:` child
/// (the recipe every official sample follows), then `base64(hex(SHA-256))`.
struct XAdESTemplate {
    var invoiceHash: InvoiceHash
    var signatureValue: String
    var certificate: X509Certificate
    var signingTime: String

    static let signedPropertiesIndent = 32

    /// `xades:SignedProperties` as it appears in the document (its first line unindented; the
    /// caller puts it after its indentation).
    static func signedProperties(signingTime: String, certificate: X509Certificate) -> String {
        let i = String(repeating: " ", count: signedPropertiesIndent)
        return """
            <xades:SignedProperties Id="xadesSignedProperties">
            \(i)    <xades:SignedSignatureProperties>
            \(i)        <xades:SigningTime>\(signingTime)</xades:SigningTime>
            \(i)        <xades:SigningCertificate>
            \(i)            <xades:Cert>
            \(i)                <xades:CertDigest>
            \(i)                    <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
            \(i)                    <ds:DigestValue>\(certificate.zatcaDigest)</ds:DigestValue>
            \(i)                </xades:CertDigest>
            \(i)                <xades:IssuerSerial>
            \(i)                    <ds:X509IssuerName>\(XMLEscaping.text(certificate.issuerName))</ds:X509IssuerName>
            \(i)                    <ds:X509SerialNumber>\(certificate.serialNumberDecimal)</ds:X509SerialNumber>
            \(i)                </xades:IssuerSerial>
            \(i)            </xades:Cert>
            \(i)        </xades:SigningCertificate>
            \(i)    </xades:SignedSignatureProperties>
            \(i)</xades:SignedProperties>
            """
    }

    /// `base64(hex(SHA-256))` of a `xades:SignedProperties` element's text with the namespace
    /// declarations the recipe adds.
    static func signedPropertiesDigest(_ element: Substring) -> String {
        var text = element.replacingOccurrences(
            of: "<xades:SignedProperties",
            with: "<xades:SignedProperties xmlns:xades=\"\(UBLNamespace.xades)\"",
            options: .anchored
        )
        text = Self.addingDSNamespace(to: text)
        let digest = SHA256Digest.hash(Array(text.utf8))
        return Data(Hex.encode(digest).utf8).base64EncodedString()
    }

    /// Adds `xmlns:ds` right after the name of every `<ds:…` start tag.
    private static func addingDSNamespace(to text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 512)
        var rest = text[...]
        while let open = rest.range(of: "<ds:") {
            out += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            let nameEnd = rest.firstIndex { $0 == " " || $0 == ">" || $0 == "/" || $0 == "\n" || $0 == "\t" } ?? rest.endIndex
            out += rest[..<nameEnd]
            out += " xmlns:ds=\"\(UBLNamespace.ds)\""
            rest = rest[nameEnd...]
        }
        out += rest
        return out
    }

    func render() -> String {
        let signedProperties = Self.signedProperties(signingTime: signingTime, certificate: certificate)
        let propertiesDigest = Self.signedPropertiesDigest(signedProperties[...])
        return """
            <ext:UBLExtensions>
                <ext:UBLExtension>
                    <ext:ExtensionURI>urn:oasis:names:specification:ubl:dsig:enveloped:xades</ext:ExtensionURI>
                    <ext:ExtensionContent>
                        <sig:UBLDocumentSignatures xmlns:sig="\(UBLNamespace.sig)" xmlns:sac="\(UBLNamespace.sac)" xmlns:sbc="\(UBLNamespace.sbc)">
                            <sac:SignatureInformation>
                                <cbc:ID>urn:oasis:names:specification:ubl:signature:1</cbc:ID>
                                <sbc:ReferencedSignatureID>urn:oasis:names:specification:ubl:signature:Invoice</sbc:ReferencedSignatureID>
                                <ds:Signature xmlns:ds="\(UBLNamespace.ds)" Id="signature">
                                    <ds:SignedInfo>
                                        <ds:CanonicalizationMethod Algorithm="http://www.w3.org/2006/12/xml-c14n11"/>
                                        <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/>
                                        <ds:Reference Id="invoiceSignedData" URI="">
                                            <ds:Transforms>
                                                <ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116">
                                                    <ds:XPath>not(//ancestor-or-self::ext:UBLExtensions)</ds:XPath>
                                                </ds:Transform>
                                                <ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116">
                                                    <ds:XPath>not(//ancestor-or-self::cac:Signature)</ds:XPath>
                                                </ds:Transform>
                                                <ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116">
                                                    <ds:XPath>not(//ancestor-or-self::cac:AdditionalDocumentReference[cbc:ID='QR'])</ds:XPath>
                                                </ds:Transform>
                                                <ds:Transform Algorithm="http://www.w3.org/2006/12/xml-c14n11"/>
                                            </ds:Transforms>
                                            <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
                                            <ds:DigestValue>\(invoiceHash.base64)</ds:DigestValue>
                                        </ds:Reference>
                                        <ds:Reference Type="http://www.w3.org/2000/09/xmldsig#SignatureProperties" URI="#xadesSignedProperties">
                                            <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
                                            <ds:DigestValue>\(propertiesDigest)</ds:DigestValue>
                                        </ds:Reference>
                                    </ds:SignedInfo>
                                    <ds:SignatureValue>\(signatureValue)</ds:SignatureValue>
                                    <ds:KeyInfo>
                                        <ds:X509Data>
                                            <ds:X509Certificate>\(certificate.base64)</ds:X509Certificate>
                                        </ds:X509Data>
                                    </ds:KeyInfo>
                                    <ds:Object>
                                        <xades:QualifyingProperties xmlns:xades="\(UBLNamespace.xades)" Target="signature">
                                            \(signedProperties)
                                        </xades:QualifyingProperties>
                                    </ds:Object>
                                </ds:Signature>
                            </sac:SignatureInformation>
                        </sig:UBLDocumentSignatures>
                    </ext:ExtensionContent>
                </ext:UBLExtension>
            </ext:UBLExtensions>
            """
    }
}
