public import ArgumentParser
import Foundation
public import UnixSocketTransport

/// The flags every einvoice service takes.
public struct ServiceOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: ArgumentHelp("Directory for the service's socket (default: $EINVOICE_RUNTIME_DIR, else $XDG_RUNTIME_DIR/einvoice or /tmp/einvoice-<uid>).", valueName: "dir"))
    public var runtimeDir: String?

    @Option(name: .long, help: ArgumentHelp("Directory for the service's database and keys (default: $EINVOICE_DATA_DIR, else ~/.local/share/einvoice).", valueName: "dir"))
    public var dataDir: String?

    @Option(name: .long, help: ArgumentHelp("trace, debug, info, notice, warning, error or critical (default: $EINVOICE_LOG_LEVEL, else info).", valueName: "level"))
    public var logLevel: String?

    @Option(name: .customLong("allow-uid"), help: ArgumentHelp("A user id allowed to connect, besides the service's own user and root; repeatable (also $EINVOICE_ALLOWED_UIDS, comma-separated).", valueName: "uid"))
    public var allowedUIDs: [UInt32] = []

    @Option(name: .customLong("allow-gid"), help: ArgumentHelp("A group id whose members may connect, besides the service's own group; repeatable (also $EINVOICE_ALLOWED_GIDS).", valueName: "gid"))
    public var allowedGIDs: [UInt32] = []

    @Option(name: .long, help: ArgumentHelp("Seconds to let calls in flight finish after SIGTERM before cancelling them.", valueName: "seconds"))
    public var shutdownTimeout: Double = 30

    public init() {}

    public var paths: RuntimePaths {
        RuntimePaths.resolve(runtimeDirectory: runtimeDir, dataDirectory: dataDir)
    }

    /// The service's own user and group, root, and whatever the flags and environment add.
    public var peerPolicy: PeerPolicy {
        let environment = ProcessInfo.processInfo.environment
        var policy = PeerPolicy.sameUser
        policy.allowedUIDs.formUnion(allowedUIDs)
        policy.allowedUIDs.formUnion(Self.ids(environment["EINVOICE_ALLOWED_UIDS"]))
        policy.allowedGIDs.formUnion(allowedGIDs)
        policy.allowedGIDs.formUnion(Self.ids(environment["EINVOICE_ALLOWED_GIDS"]))
        return policy
    }

    public mutating func validate() throws {
        if let logLevel, LogLevelParser.parse(logLevel) == nil {
            throw ValidationError("Unknown log level '\(logLevel)'; use trace, debug, info, notice, warning, error or critical.")
        }
        guard shutdownTimeout > 0 else { throw ValidationError("--shutdown-timeout must be positive.") }
        for list in ["EINVOICE_ALLOWED_UIDS", "EINVOICE_ALLOWED_GIDS"] {
            if let value = ProcessInfo.processInfo.environment[list], !value.isEmpty, Self.ids(value).count != value.split(separator: ",").count {
                throw ValidationError("\(list) must be a comma-separated list of numeric ids; got '\(value)'.")
            }
        }
    }

    private static func ids(_ list: String?) -> [UInt32] {
        (list ?? "").split(separator: ",").compactMap { UInt32($0.trimmingCharacters(in: .whitespaces)) }
    }
}
