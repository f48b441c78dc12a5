import Foundation
public import ZATCACrypto

/// A stamped document stored without its `ext:UBLExtensions` block, which is rebuilt byte for
/// byte from the certificate and the stamp's values.
///
/// The block is about half of a small invoice (6 KB of a 13 KB one), and everything in it but
/// the invoice hash, the signature value and the signing time depends only on the certificate:
/// storing it once per certificate instead of once per stamp halves what the signing service
/// writes to disk for every invoice.
public enum CompactStamp {
    /// The document without its extensions block, the offset the block was at, and where the
    /// QR's base64 text starts in it (so the QR need not be stored a second time).
    public static func compact(_ stamped: StampedInvoice) -> (bytes: [UInt8], offset: Int, qrOffset: Int) {
        var bytes = [UInt8]()
        let extensions = stamped.extensionsRange
        bytes.reserveCapacity(stamped.xml.count - extensions.count)
        bytes.append(contentsOf: stamped.xml[..<extensions.lowerBound])
        bytes.append(contentsOf: stamped.xml[extensions.upperBound...])
        let qr = stamped.qrRange.lowerBound
        return (bytes, extensions.lowerBound, qr >= extensions.upperBound ? qr - extensions.count : qr)
    }

    /// The QR's base64 text at `offset` in a compact (or whole) document: everything up to the
    /// next `<`. Nil unless it is non-empty base64.
    public static func qrCode(in document: [UInt8], at offset: Int) -> String? {
        guard (0..<document.count).contains(offset) else { return nil }
        guard let end = document[offset...].firstIndex(of: UInt8(ascii: "<")), end > offset else { return nil }
        let text = document[offset..<end]
        let base64 = text.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="): true
            default: false
            }
        }
        return base64 ? String(decoding: text, as: UTF8.self) : nil
    }

    /// Whether ``qrCode(in:at:)`` reads `qrCode` back from `document` at `offset`, for a QR of
    /// ours (base64: no `<` in it, and every byte one that reading accepts): its bytes are there,
    /// followed by the `<` that ends them. A comparison in place, since it runs for every stamp.
    public static func holdsQRCode(_ qrCode: String, in document: [UInt8], at offset: Int) -> Bool {
        var qrCode = qrCode
        return qrCode.withUTF8 { qr in
            guard offset >= 0, qr.count > 0, offset + qr.count < document.count, document[offset + qr.count] == UInt8(ascii: "<") else { return false }
            return document.withUnsafeBufferPointer { bytes in memcmp(bytes.baseAddress! + offset, qr.baseAddress!, qr.count) == 0 }
        }
    }

    /// The stamped document again: the block the stamp with these values and this certificate
    /// wrote, put back at `offset`.
    public static func expand(
        _ compact: [UInt8], offset: Int, certificate: X509Certificate, invoiceHash: InvoiceHash, signatureValue: String, signingTime: String
    ) -> [UInt8]? {
        guard (0...compact.count).contains(offset) else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(compact.count + 8_192)
        bytes.append(contentsOf: compact[..<offset])
        XAdESTemplate(certificate: certificate).render(invoiceHash: invoiceHash, signatureValue: signatureValue, signingTime: signingTime, into: &bytes)
        bytes.append(contentsOf: compact[offset...])
        return bytes
    }
}
