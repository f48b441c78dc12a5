import Foundation
import GRPCCore
import SigningContract
import UnixSocketTransport

/// What the signing service returns for one document.
struct StampResult: Sendable {
    var document: [UInt8]
    var icv: Int64
    var invoiceHash: String
    var qr: String
}

/// Something that stamps invoices: the signing service, over its socket.
protocol InvoiceStamping: Sendable {
    func stamp(_ document: [UInt8], egsID: String) async throws -> StampResult
}

/// Stamps through `signing.sock`, over one long-lived connection that reconnects when the signing
/// service restarts.
struct SigningStamper: InvoiceStamping {
    let client: GRPCClient<UnixSocketClientTransport>
    /// How long one stamp may take before the invoice is left for the recovery loop.
    let timeout: Duration

    func stamp(_ document: [UInt8], egsID: String) async throws -> StampResult {
        var options = CallOptions.defaults
        options.timeout = timeout
        let response = try await Signing.Client(wrapping: client).stamp(StampRequest(egsID: egsID, document: Data(document)), options: options)
        return StampResult(document: Array(response.document), icv: response.icv, invoiceHash: response.invoiceHash, qr: response.qrCode)
    }
}
