public import GRPCCore

/// What the signing service refuses, mapped to RPC status codes. Messages say what was wrong and
/// what to do, and never include key material.
public enum SigningError: Error, RPCErrorConvertible, CustomStringConvertible, Sendable {
    case unknownUnit(String)
    case unitExists(String)
    case noCertificate(String)
    case certificateMismatch(String)
    case invalidRequest(String)
    case invalidDocument(String)
    case alreadyStamped(String)
    case chainConflict(String)
    case storage(String)

    public var rpcErrorCode: RPCError.Code {
        switch self {
        case .unknownUnit: .notFound
        case .unitExists, .alreadyStamped: .alreadyExists
        case .noCertificate: .failedPrecondition
        // Nothing was issued and a retry succeeds: the stamp sat on a commit that failed.
        case .chainConflict: .aborted
        case .certificateMismatch, .invalidRequest, .invalidDocument: .invalidArgument
        case .storage: .unavailable
        }
    }

    public var rpcErrorMessage: String { description }

    public var description: String {
        switch self {
        case .unknownUnit(let id): "No EGS unit '\(id)' in the signing service. Create its key first (einvoice keys create --egs \(id) …)."
        case .unitExists(let id): "EGS unit '\(id)' already has a key; its key is never replaced. Use another unit id, or install a certificate for the existing key."
        case .noCertificate(let id): "EGS unit '\(id)' has no certificate yet: onboard it (einvoice egs onboard) or install one (einvoice keys create --self-signed for development)."
        case .certificateMismatch(let reason): "The certificate does not belong to the unit's key: \(reason)."
        case .invalidRequest(let reason): reason
        case .invalidDocument(let reason): reason
        case .alreadyStamped(let reason): reason
        case .chainConflict(let reason): reason
        case .storage(let reason): "The signing store failed: \(reason). Nothing was stamped; retry."
        }
    }
}
