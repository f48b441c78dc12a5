public import ArgumentParser
import Foundation
public import ServiceRuntime

/// Flags shared by the operator commands.
public struct CommonOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: ArgumentHelp("The services' runtime directory (default: $EINVOICE_RUNTIME_DIR).", valueName: "dir"))
    public var runtimeDir: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for each answer.", valueName: "seconds"))
    public var timeout: Double = 5

    @Flag(name: .long, help: "Print JSON instead of a table.")
    public var json = false

    @Flag(name: .long, help: "Talk to each service's own socket instead of going through the gateway.")
    public var direct = false

    public init() {}

    public var paths: RuntimePaths { RuntimePaths.resolve(runtimeDirectory: runtimeDir) }

    public var timeoutDuration: Duration { .milliseconds(Int64(timeout * 1_000)) }

    /// Whether operator calls go through the gateway: it is listening, and neither `--direct`
    /// nor `EINVOICE_DIRECT=1` says otherwise.
    public var throughGateway: Bool {
        !direct && ProcessInfo.processInfo.environment["EINVOICE_DIRECT"] != "1" && UnixSocketProbe.isListening(paths.socketPath(for: .gateway))
    }

    /// The socket an operator call to `service` goes to: the gateway's when it listens (it
    /// forwards every operator RPC with a request ID and the deadline), else the service's own.
    public func socketPath(for service: ServiceName) -> String {
        throughGateway ? paths.socketPath(for: .gateway) : paths.socketPath(for: service)
    }

    public func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive.") }
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Whether a process accepts connections on a Unix socket (a file left by a killed process does not).
enum UnixSocketProbe {
    static func isListening(_ path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return result == 0
    }
}
