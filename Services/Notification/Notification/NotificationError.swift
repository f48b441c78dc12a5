import GRPCCore
import ServiceRuntime

/// The notification service's refusals, as RPC status codes.
enum NotificationError: Error, RPCErrorConvertible, CustomStringConvertible {
    case invalidRequest(String)
    case notFound(String)
    case failedPrecondition(String)
    case storage(String)

    var rpcErrorCode: RPCError.Code {
        switch self {
        case .invalidRequest: .invalidArgument
        case .notFound: .notFound
        case .failedPrecondition: .failedPrecondition
        case .storage: .internalError
        }
    }

    var rpcErrorMessage: String { description }

    var description: String {
        switch self {
        case .invalidRequest(let message), .notFound(let message), .failedPrecondition(let message), .storage(let message): message
        }
    }
}
