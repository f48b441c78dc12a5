import Foundation
public import GRPCCore
public import InvoiceModel
import InvoicingContract

/// What the invoicing service refuses, mapped to RPC status codes. A rule violation carries its
/// findings (rule, path, English and Arabic) as JSON in the error's metadata.
public enum InvoicingError: Error, RPCErrorConvertible, CustomStringConvertible, Sendable {
    /// ZATCA's rules (or einvoice's) refuse the document.
    case rejected([Finding])
    case invalidRequest(String)
    case notFound(String)
    case conflict(String)
    case failedPrecondition(String)
    /// The signing service could not stamp it; the invoice is stored, numbered, and will be
    /// stamped when the signing service answers again.
    case stampPending(String)
    case storage(String)

    public var rpcErrorCode: RPCError.Code {
        switch self {
        case .rejected, .invalidRequest: .invalidArgument
        case .notFound: .notFound
        case .conflict: .alreadyExists
        case .failedPrecondition: .failedPrecondition
        case .stampPending, .storage: .unavailable
        }
    }

    public var rpcErrorMessage: String { description }

    public var rpcErrorMetadata: Metadata {
        guard case .rejected(let findings) = self else { return [:] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(findings) else { return [:] }
        return [Invoicing.findingsMetadataKey: .string(String(decoding: data, as: UTF8.self))]
    }

    public var description: String {
        switch self {
        case .rejected(let findings):
            let errors = findings.errors
            let listed = errors.prefix(5).map { "\($0.rule) at \($0.path): \($0.messageEN)" }.joined(separator: "; ")
            let more = errors.count > 5 ? " (and \(errors.count - 5) more)" : ""
            return "The invoice breaks \(errors.count) rule\(errors.count == 1 ? "" : "s"): \(listed)\(more). Nothing was stored."
        case .invalidRequest(let reason), .notFound(let reason), .conflict(let reason), .failedPrecondition(let reason),
            .stampPending(let reason):
            return reason
        case .storage(let reason):
            return "The invoice store failed: \(reason). Retry the request with the same idempotency key."
        }
    }
}
