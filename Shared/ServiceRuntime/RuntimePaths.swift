public import Foundation

/// Where a deployment keeps its sockets (the runtime directory) and its databases and keys
/// (the data directory).
///
/// Flags win over the environment (`EINVOICE_RUNTIME_DIR`, `EINVOICE_DATA_DIR`), which wins over
/// the defaults: `$XDG_RUNTIME_DIR/einvoice` or `/tmp/einvoice-<uid>` for sockets, and
/// `$HOME/.local/share/einvoice` for data.
public struct RuntimePaths: Sendable, Hashable {
    public var runtimeDirectory: String
    public var dataDirectory: String

    public init(runtimeDirectory: String, dataDirectory: String) {
        self.runtimeDirectory = runtimeDirectory
        self.dataDirectory = dataDirectory
    }

    public static func resolve(
        runtimeDirectory: String? = nil,
        dataDirectory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> RuntimePaths {
        let runtime = runtimeDirectory ?? environment["EINVOICE_RUNTIME_DIR"].flatMap(nonEmpty) ?? defaultRuntimeDirectory(environment)
        let data = dataDirectory ?? environment["EINVOICE_DATA_DIR"].flatMap(nonEmpty) ?? defaultDataDirectory(environment)
        return RuntimePaths(runtimeDirectory: absolute(runtime), dataDirectory: absolute(data))
    }

    public func socketPath(for service: ServiceName) -> String {
        socketPath(named: service.socketFileName)
    }

    public func socketPath(named fileName: String) -> String {
        (runtimeDirectory as NSString).appendingPathComponent(fileName)
    }

    /// Creates the runtime directory with mode 0750 (and the data directory with 0700), or
    /// tightens their modes if they exist and belong to this user. One that exists and belongs
    /// to another user (not root), or that others may write, is refused: they could replace its
    /// sockets or files.
    public func prepare() throws {
        try Self.makeDirectory(runtimeDirectory, mode: 0o750)
        try Self.makeDirectory(dataDirectory, mode: 0o700)
    }

    static func makeDirectory(_ path: String, mode: Int) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw RuntimePathError.notADirectory(path) }
            // The directory itself, not a symbolic link to it (a link always shows mode 0777).
            let directory = resolved(path)
            let attributes = try manager.attributesOfItem(atPath: directory)
            let owner = (attributes[.ownerAccountID] as? NSNumber)?.uint32Value
            if owner == getuid() {
                try manager.setAttributes([.posixPermissions: mode], ofItemAtPath: directory)
            } else {
                // root's, shared with a group (systemd's tmpfiles 0770 root:einvoice), is fine.
                let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
                guard owner == 0, permissions & 0o002 == 0 else {
                    throw RuntimePathError.unsafe(path, "it belongs to uid \(owner.map(String.init) ?? "?") with mode \(String(permissions, radix: 8)), so another user could replace what is in it; use a directory of this user's (uid \(getuid()))")
                }
            }
        } else {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: mode])
        }
    }

    /// Refuses to use a socket in a directory every user may write: another user could put
    /// their own socket there, and receive what a client sends (OTPs, keys).
    /// Nor in one another user made where every user may make one (as in /tmp): they would
    /// have chosen what is in it. (A directory of the services' own user elsewhere, say
    /// /run/einvoice, is how a deployment shares its sockets with a group of operators.)
    public static func checkSocketDirectory(of socketPath: String) throws {
        let directory = resolved((socketPath as NSString).deletingLastPathComponent)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: directory) else { return }  // the connect says why
        let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        guard permissions & 0o002 == 0 else {
            throw RuntimePathError.unsafe(directory, "every user may write it (mode \(String(permissions, radix: 8))), so another user could put their own socket in it; use the services' runtime directory (mode 0750)")
        }
        let owner = (attributes[.ownerAccountID] as? NSNumber)?.uint32Value
        let parent = (directory as NSString).deletingLastPathComponent
        let parentPermissions = ((try? FileManager.default.attributesOfItem(atPath: parent))?[.posixPermissions] as? NSNumber)?.intValue ?? 0
        guard owner == getuid() || owner == 0 || parentPermissions & 0o002 == 0 else {
            throw RuntimePathError.unsafe(directory, "it belongs to uid \(owner.map(String.init) ?? "?") and sits in \(parent), where every user may make directories, so another user may have made it; use a runtime directory of your own or of the services' user")
        }
    }

    /// `path` with symbolic links resolved (as it is, when it does not exist).
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    private static func nonEmpty(_ value: String) -> String? { value.isEmpty ? nil : value }

    private static func defaultRuntimeDirectory(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_RUNTIME_DIR"].flatMap(nonEmpty) { return "\(xdg)/einvoice" }
        return "/tmp/einvoice-\(getuid())"
    }

    private static func defaultDataDirectory(_ environment: [String: String]) -> String {
        let home = environment["HOME"].flatMap(nonEmpty) ?? NSHomeDirectory()
        return "\(home)/.local/share/einvoice"
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }
}

public enum RuntimePathError: Error, CustomStringConvertible {
    case notADirectory(String)
    case unsafe(String, String)

    public var description: String {
        switch self {
        case .notADirectory(let path): "\(path) exists and is not a directory"
        case .unsafe(let path, let reason): "\(path) is not safe for einvoice: \(reason)"
        }
    }
}
