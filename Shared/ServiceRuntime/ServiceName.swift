/// The einvoice processes that serve RPC on a socket in the runtime directory.
public enum ServiceName: String, CaseIterable, Sendable, Codable {
    case registration
    case invoicing
    case signing
    case notification
    case support
    case gateway
    case fatooraSim = "fatoora-sim"

    /// The socket file name: `signing.sock`.
    public var socketFileName: String { "\(rawValue).sock" }

    /// The executable that serves it.
    public var executableName: String {
        switch self {
        case .gateway, .fatooraSim: rawValue
        default: "\(rawValue)-service"
        }
    }
}
