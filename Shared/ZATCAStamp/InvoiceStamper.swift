public import UBLXML
public import Foundation
public import ZATCACrypto
import ZATCAQR

/// Stamps a UBL 2.1 invoice, credit note or debit note the way ZATCA requires: ICV and PIH
/// references, the invoice hash, the ECDSA signature, the XAdES block and the QR code, each at
/// its schema position.
///
/// The document's own bytes are kept as they are: the stamp is spliced in, and the hash is
/// computed over exactly the bytes that are returned (minus the three parts the recipe
/// excludes), so nothing is re-serialized after hashing. Stamp elements already present are
/// replaced.
///
/// ```swift
/// let stamper = InvoiceStamper(key: key, certificate: certificate)
/// let stamped = try stamper.stamp(xml, icv: 11, previousHash: previous.base64, signingTime: .now)
/// ```
public struct InvoiceStamper: Sendable {
    public let key: SigningKey
    public let certificate: X509Certificate
    /// Documents larger than this are refused before they are parsed.
    public var maxDocumentSize: Int

    /// The XAdES block laid out for this certificate.
    private let template: XAdESTemplate

    public init(key: SigningKey, certificate: X509Certificate, maxDocumentSize: Int = 10 << 20) {
        self.key = key
        self.certificate = certificate
        self.maxDocumentSize = maxDocumentSize
        template = XAdESTemplate(certificate: certificate)
    }

    public func stamp(_ document: [UInt8], icv: Int64, previousHash: String, signingTime: Date) throws(XMLStampError) -> StampedInvoice {
        try stamp(try prepare(document), icv: icv, previousHash: previousHash, signingTime: signingTime)
    }

    /// Reads a document and plans its stamp; the part of the work that does not depend on the
    /// chain, so callers can do it before taking their turn in the unit's chain.
    public func prepare(_ document: [UInt8]) throws(XMLStampError) -> PreparedInvoice {
        try Self.prepare(document, maxDocumentSize: maxDocumentSize)
    }

    /// ``prepare(_:)`` without a stamper (it needs no key).
    public static func prepare(_ document: [UInt8], maxDocumentSize: Int) throws(XMLStampError) -> PreparedInvoice {
        guard document.count <= maxDocumentSize else { throw .tooLarge(bytes: document.count, limit: maxDocumentSize) }
        return PreparedInvoice(layout: try StampLayout(document: document))
    }

    /// Completes a prepared stamp with the chain's next ICV and the previous hash.
    public func stamp(_ prepared: PreparedInvoice, icv: Int64, previousHash: String, signingTime: Date) throws(XMLStampError) -> StampedInvoice {
        guard icv >= 0 else { throw .unsupportedDocument("the ICV must not be negative") }
        guard InvoiceHash(base64: previousHash) != nil || previousHash == InvoiceHash.genesisPIH else {
            throw .unsupportedDocument("the previous invoice hash is not base64 of 32 bytes")
        }
        let layout = prepared.layout
        let chain = layout.chainText(icv: icv, previousHash: previousHash)
        let hash = try layout.invoiceHash(chain: chain)
        let signature = try sign(hash)
        let time = Self.signingTimeText(signingTime)
        let qr = try qrCode(layout.fields, hash: hash, signature: signature)
        let assembled = layout.assemble(chain: chain, extensions: template, hash: hash, signatureValue: signature, signingTime: time, qr: qr)
        return StampedInvoice(
            xml: assembled.xml,
            extensionsRange: assembled.extensions,
            qrRange: assembled.qr,
            invoiceHash: hash,
            icv: icv,
            previousHash: previousHash,
            qrCode: qr,
            signatureValue: signature,
            signingTime: time,
            isSimplified: layout.fields.isSimplified
        )
    }

    /// SHA256withECDSA over the 32 raw bytes of the invoice hash, DER, base64.
    private func sign(_ hash: InvoiceHash) throws(XMLStampError) -> String {
        do {
            let signature = try key.signature(forDigest: SHA256Digest.hash(hash.digest))
            return Data(signature).base64EncodedString()
        } catch {
            throw .unsupportedDocument("the signature could not be made: \(error)")
        }
    }

    private func qrCode(_ fields: InvoiceFields, hash: InvoiceHash, signature: String) throws(XMLStampError) -> String {
        do {
            return try QRCodeTLV.invoice(
                sellerName: fields.sellerName,
                vatNumber: fields.vatNumber,
                timestamp: fields.timestamp,
                totalWithVAT: fields.payableAmount,
                vatTotal: fields.taxAmount,
                invoiceHash: hash.base64,
                signature: signature,
                publicKey: certificate.publicKeyDER,
                certificateSignature: fields.isSimplified ? certificate.signatureDER : nil
            ).base64()
        } catch {
            throw .invalidField("\(error)")
        }
    }

    /// `yyyy-MM-ddTHH:mm:ss` in UTC, as the SDK writes `xades:SigningTime`.
    static func signingTimeText(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }
}

/// A document read and planned for stamping (see ``InvoiceStamper/prepare(_:)``).
public struct PreparedInvoice: Sendable {
    let layout: StampLayout

    /// The document's `cbc:UUID`.
    public var uuid: String? { layout.uuid }
}

/// The result of a stamp.
public struct StampedInvoice: Sendable {
    /// The stamped document, as it must be stored, sent and delivered.
    public var xml: [UInt8]
    /// Where the `ext:UBLExtensions` block (the XAdES signature) is in ``xml``.
    public var extensionsRange: Range<Int>
    /// Where the QR's base64 text (``qrCode``) is in ``xml``.
    public var qrRange: Range<Int>
    public var invoiceHash: InvoiceHash
    public var icv: Int64
    public var previousHash: String
    /// Base64 of the QR TLV, as in the document.
    public var qrCode: String
    /// Base64 of the DER ECDSA signature, as in `ds:SignatureValue`.
    public var signatureValue: String
    public var signingTime: String
    public var isSimplified: Bool
}
