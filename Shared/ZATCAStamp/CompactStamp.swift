public import ZATCACrypto

/// A stamped document stored without its `ext:UBLExtensions` block, which is rebuilt byte for
/// byte from the certificate and the stamp's values.
///
/// The block is about half of a small invoice (6 KB of a 13 KB one), and everything in it but
/// the invoice hash, the signature value and the signing time depends only on the certificate:
/// storing it once per certificate instead of once per stamp halves what the signing service
/// writes to disk for every invoice.
public enum CompactStamp {
    /// The document without its extensions block, and the offset the block was at.
    public static func compact(_ stamped: StampedInvoice) -> (bytes: [UInt8], offset: Int) {
        var bytes = [UInt8]()
        bytes.reserveCapacity(stamped.xml.count - stamped.extensionsRange.count)
        bytes.append(contentsOf: stamped.xml[..<stamped.extensionsRange.lowerBound])
        bytes.append(contentsOf: stamped.xml[stamped.extensionsRange.upperBound...])
        return (bytes, stamped.extensionsRange.lowerBound)
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
