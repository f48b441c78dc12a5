extension VerificationReport.Check {
    /// The code ZATCA's platform gives the same failure (`invalid-invoice-hash`, `QRCODE_INVALID`, …),
    /// so the simulator answers like the platform and the support desk explains it the same way.
    public static func platformCode(forCheck id: String) -> String {
        switch id {
        case "invoice-hash": "invalid-invoice-hash"
        case "signed-properties-digest": "signed-properties-hashing"
        case "certificate-digest", "certificate": "certificate-hashing"
        case "issuer-name": "X509IssuerName"
        case "serial-number": "X509SerialNumber"
        case "previous-invoice-hash": "invalid-pih"
        case "qr-tag-3": "invoiceTimeStamp_QRCODE_INVALID"
        case "qr-tag-9": "CERTIFICATE_SIGNATURE_QRCODE_INVALID"
        case let id where id.hasPrefix("qr"): "QRCODE_INVALID"
        default: "invalid-digital-signature"
        }
    }
}
