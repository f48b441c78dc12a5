import Foundation
import ServiceRuntime
import Testing

@Suite("Runtime paths")
struct RuntimePathsTests {
    @Test("Flags win over the environment, which wins over the defaults")
    func precedence() {
        let environment = ["EINVOICE_RUNTIME_DIR": "/env/run", "EINVOICE_DATA_DIR": "/env/data", "HOME": "/home/op"]
        #expect(RuntimePaths.resolve(runtimeDirectory: "/flag/run", environment: environment).runtimeDirectory == "/flag/run")
        #expect(RuntimePaths.resolve(environment: environment) == RuntimePaths(runtimeDirectory: "/env/run", dataDirectory: "/env/data"))
        let defaults = RuntimePaths.resolve(environment: ["HOME": "/home/op", "XDG_RUNTIME_DIR": "/run/user/1000"])
        #expect(defaults == RuntimePaths(runtimeDirectory: "/run/user/1000/einvoice", dataDirectory: "/home/op/.local/share/einvoice"))
        #expect(RuntimePaths.resolve(environment: ["HOME": "/h"]).runtimeDirectory == "/tmp/einvoice-\(getuid())")
    }

    @Test("Sockets are DIR/<name>.sock")
    func sockets() {
        let paths = RuntimePaths(runtimeDirectory: "/run/einvoice", dataDirectory: "/var/lib/einvoice")
        #expect(paths.socketPath(for: .signing) == "/run/einvoice/signing.sock")
        #expect(paths.socketPath(for: .fatooraSim) == "/run/einvoice/fatoora-sim.sock")
    }

    @Test("Preparing creates the runtime directory 0750 and the data directory 0700, and tightens existing ones")
    func prepare() throws {
        let root = "/tmp/einvoice-paths-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: "\(root)/run", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        let paths = RuntimePaths(runtimeDirectory: "\(root)/run", dataDirectory: "\(root)/data/deep")
        try paths.prepare()
        #expect(fileMode("\(root)/run") == 0o750)
        #expect(fileMode("\(root)/data/deep") == 0o700)
        FileManager.default.createFile(atPath: "\(root)/file", contents: nil)
        #expect(throws: RuntimePathError.self) { try RuntimePaths(runtimeDirectory: "\(root)/file", dataDirectory: "\(root)/d").prepare() }
    }

    @Test("A runtime directory of another user's, or one every user may write, is refused by the services and by clients")
    func othersDirectories() async throws {
        let root = "/tmp/einvoice-paths-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let shared = "\(root)/shared"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        chmod(shared, 0o777)
        // A client never connects through a socket there (the check comes before the connect).
        let refusal = await #expect(throws: RuntimePathError.self) {
            try await withServiceClient(socketPath: "\(shared)/signing.sock") { _ in }
        }
        #expect("\(refusal.map { "\($0)" } ?? "")".contains("every user may write"))
        // Another user's directory (made so here when the tests run as root).
        if getuid() == 0 {
            let foreign = "\(root)/foreign"
            try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
            #expect(chown(foreign, 65_534, 65_534) == 0)
            chmod(foreign, 0o777)
            let error = #expect(throws: RuntimePathError.self) { try RuntimePaths(runtimeDirectory: foreign, dataDirectory: "\(root)/data").prepare() }
            #expect("\(error.map { "\($0)" } ?? "")".contains("belongs to uid 65534"))
            #expect(fileMode(foreign) == 0o777, "left as it was")
            // Made by another user where every user may make directories, even 0755: a client
            // does not connect through it.
            let commons = "\(root)/commons"
            try FileManager.default.createDirectory(atPath: "\(commons)/squatted", withIntermediateDirectories: true)
            chmod(commons, 0o777)
            #expect(chown("\(commons)/squatted", 65_534, 65_534) == 0)
            chmod("\(commons)/squatted", 0o755)
            let squatted = #expect(throws: RuntimePathError.self) { try RuntimePaths.checkSocketDirectory(of: "\(commons)/squatted/gateway.sock") }
            #expect("\(squatted.map { "\($0)" } ?? "")".contains("another user may have made it"))
        }
        // A symbolic link to a proper runtime directory is that directory.
        let real = "\(root)/real"
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: "\(root)/link", withDestinationPath: real)
        try RuntimePaths(runtimeDirectory: "\(root)/link", dataDirectory: "\(root)/data2").prepare()
        #expect(fileMode(real) == 0o750)
        try RuntimePaths.checkSocketDirectory(of: "\(root)/link/gateway.sock")
    }
}
