import UBLXML
import Foundation
import ZATCACrypto

/// The `ext:UBLExtensions` block of a stamped invoice: ZATCA's XAdES enveloped signature, laid
/// out the way the SDK's samples are (four spaces per level, starting at column 0).
///
/// The signed-properties digest is computed over the `xades:SignedProperties` element exactly as
/// this template lays it out, with `xmlns:xades` added to it and `xmlns:ds` to each `ds:` child
/// (the recipe every official sample follows), then `base64(hex(SHA-256))`.
///
/// Everything that depends only on the certificate is laid out once, as bytes, when a stamper is
/// made; a stamp fills in the four values that change (invoice hash, signed-properties digest,
/// signature value, signing time) with a few appends.
struct XAdESTemplate: Sendable {
    /// The block cut at its four values: hash, properties digest, signature, signing time.
    private let parts: [[UInt8]]
    /// The signed properties in their digest form, cut at the signing time.
    private let digestForm: [[UInt8]]

    init(certificate: X509Certificate) {
        func cut(_ text: String, at markers: [String]) -> [[UInt8]] {
            var pieces: [[UInt8]] = []
            var rest = Substring(text)
            for marker in markers {
                let range = rest.range(of: marker)!
                pieces.append(Array(rest[..<range.lowerBound].utf8))
                rest = rest[range.upperBound...]
            }
            pieces.append(Array(rest.utf8))
            return pieces
        }
        let markers = ["\u{1}hash\u{1}", "\u{1}properties\u{1}", "\u{1}signature\u{1}", "\u{1}time\u{1}"]
        parts = cut(
            Self.text(invoiceHash: markers[0], propertiesDigest: markers[1], signatureValue: markers[2], signingTime: markers[3], certificate: certificate),
            at: markers
        )
        digestForm = cut(Self.signedProperties(signingTime: markers[3], certificate: certificate, digestForm: true), at: [markers[3]])
    }

    /// `base64(hex(SHA-256))` of the signed properties with this signing time, in digest form.
    func propertiesDigest(signingTime: String) -> String {
        var hasher = SHA256Hasher()
        hasher.update(digestForm[0])
        hasher.update(Array(signingTime.utf8))
        hasher.update(digestForm[1])
        return Data(Hex.encode(hasher.finalize()).utf8).base64EncodedString()
    }

    /// The whole `ext:UBLExtensions` block, appended to `output`.
    func render(invoiceHash: InvoiceHash, signatureValue: String, signingTime: String, into output: inout [UInt8]) {
        output.append(contentsOf: parts[0])
        output.append(contentsOf: invoiceHash.base64.utf8)
        output.append(contentsOf: parts[1])
        output.append(contentsOf: propertiesDigest(signingTime: signingTime).utf8)
        output.append(contentsOf: parts[2])
        output.append(contentsOf: signatureValue.utf8)
        output.append(contentsOf: parts[3])
        output.append(contentsOf: signingTime.utf8)
        output.append(contentsOf: parts[4])
    }

    /// The block's byte count, give or take the values' lengths (for reserving capacity).
    var approximateCount: Int { parts.reduce(300) { $0 + $1.count } }

    static let signedPropertiesIndent = 32

    /// `xades:SignedProperties` as it appears in the document (its first line unindented; the
    /// caller puts it after its indentation), or, with `digestForm`, with the namespace
    /// declarations the digest recipe adds.
    static func signedProperties(signingTime: String, certificate: X509Certificate, digestForm: Bool = false) -> String {
        let i = String(repeating: " ", count: signedPropertiesIndent)
        let xades = digestForm ? " xmlns:xades=\"\(UBLNamespace.xades)\"" : ""
        let ds = digestForm ? " xmlns:ds=\"\(UBLNamespace.ds)\"" : ""
        return """
            <xades:SignedProperties\(xades) Id="xadesSignedProperties">
            \(i)    <xades:SignedSignatureProperties>
            \(i)        <xades:SigningTime>\(signingTime)</xades:SigningTime>
            \(i)        <xades:SigningCertificate>
            \(i)            <xades:Cert>
            \(i)                <xades:CertDigest>
            \(i)                    <ds:DigestMethod\(ds) Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
            \(i)                    <ds:DigestValue\(ds)>\(certificate.zatcaDigest)</ds:DigestValue>
            \(i)                </xades:CertDigest>
            \(i)                <xades:IssuerSerial>
            \(i)                    <ds:X509IssuerName\(ds)>\(XMLEscaping.text(certificate.issuerName))</ds:X509IssuerName>
            \(i)                    <ds:X509SerialNumber\(ds)>\(certificate.serialNumberDecimal)</ds:X509SerialNumber>
            \(i)                </xades:IssuerSerial>
            \(i)            </xades:Cert>
            \(i)        </xades:SigningCertificate>
            \(i)    </xades:SignedSignatureProperties>
            \(i)</xades:SignedProperties>
            """
    }

    /// `base64(hex(SHA-256))` of a `xades:SignedProperties` element's bytes as laid out in a
    /// document, with the namespace declarations the recipe adds: `xmlns:xades` after the
    /// element's name and `xmlns:ds` after the name of every `ds:` start tag inside it.
    static func signedPropertiesDigest(_ element: some Collection<UInt8>) -> String {
        let xades = Array(" xmlns:xades=\"\(UBLNamespace.xades)\"".utf8)
        let ds = Array(" xmlns:ds=\"\(UBLNamespace.ds)\"".utf8)
        let bytes = Array(element)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count + 512)
        let rootName = Array("<xades:SignedProperties".utf8)
        var index = 0
        if bytes.starts(with: rootName) {
            text += rootName
            text += xades
            index = rootName.count
        }
        while index < bytes.count {
            let byte = bytes[index]
            text.append(byte)
            index += 1
            // A start tag "<ds:Name": copy the name, then add the declaration.
            if byte == UInt8(ascii: "<"), index + 3 <= bytes.count, bytes[index] == UInt8(ascii: "d"), bytes[index + 1] == UInt8(ascii: "s"), bytes[index + 2] == UInt8(ascii: ":") {
                while index < bytes.count, !Self.endsName(bytes[index]) {
                    text.append(bytes[index])
                    index += 1
                }
                text += ds
            }
        }
        return digestText(text)
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    static func digestText(_ bytes: [UInt8]) -> String {
        Data(Hex.encode(SHA256Digest.hash(bytes)).utf8).base64EncodedString()
    }

    /// The block's text with these values (the template ``init(certificate:)`` cuts up).
    static func text(invoiceHash: String, propertiesDigest: String, signatureValue: String, signingTime: String, certificate: X509Certificate) -> String {
        let signedProperties = Self.signedProperties(signingTime: signingTime, certificate: certificate)
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
                                            <ds:DigestValue>\(invoiceHash)</ds:DigestValue>
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
