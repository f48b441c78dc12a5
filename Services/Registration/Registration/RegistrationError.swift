public import GRPCCore

/// What registration refuses, mapped to RPC status codes. Messages name the field and the rule,
/// and never include a secret or an OTP.
enum RegistrationError: Error, RPCErrorConvertible, CustomStringConvertible, Sendable {
    case invalid([RegistrationProblem])
    case invalidRequest(String)
    case notFound(String)
    case exists(String)
    case failedPrecondition(String)
    /// A service or the platform did not answer: the onboarding is paused, not lost.
    case unavailable(String)
    case storage(String)

    var rpcErrorCode: RPCError.Code {
        switch self {
        case .invalid, .invalidRequest: .invalidArgument
        case .notFound: .notFound
        case .exists: .alreadyExists
        case .failedPrecondition: .failedPrecondition
        case .unavailable, .storage: .unavailable
        }
    }

    var rpcErrorMessage: String { description }

    var description: String {
        switch self {
        case .invalid(let problems):
            (problems.count == 1 ? "1 problem:" : "\(problems.count) problems:") + problems.map { "\n  - \($0.description)" }.joined()
        case .invalidRequest(let message), .notFound(let message), .exists(let message), .failedPrecondition(let message), .unavailable(let message):
            message
        case .storage(let message): "The registration store failed: \(message)"
        }
    }
}
