import EInvoiceRPC
import Foundation
import GRPCCore
import Testing
import UnixSocketTransport

#if canImport(Glibc)
import Glibc
#endif

@Suite("Server and client lifecycle")
struct LifecycleTests {
    @Test("The socket file is 0660 while serving and removed after shutdown")
    func socketFile() async throws {
        let path = try await withTestServer { path, _ in
            // Once a call has been served, the server is past bind and chmod.
            try await withTestClient(path) { client in _ = try await echo(client, "x") }
            var info = stat()
            #expect(stat(path, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o660)
            return path
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("Graceful shutdown lets calls in flight finish and refuses new ones")
    func drains() async throws {
        let observations = Observations()
        try await withTemporaryDirectory { directory in
            let path = "\(directory)/drain.sock"
            let transport = UnixSocketServerTransport(path: path)
            let server = GRPCServer(transport: transport, services: [EchoService(observations: observations)])
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.serve() }
                try await waitForSocket(path)
                try await withTestClient(path) { client in
                    let slow = Task { try await EchoService.Method.slow.call(on: client, EchoRequest(text: "400", payload: nil)) }
                    #expect(await observations.wait { $0.started == 1 })
                    server.beginGracefulShutdown()
                    let response = try await slow.value
                    #expect(response.text == "done 400")
                    let error = try await #require(throws: RPCError.self) {
                        try await EchoService.Method.get.call(on: client, EchoRequest(text: "late", payload: nil))
                    }
                    #expect(error.code == .unavailable)
                }
                try await group.waitForAll()
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("A client reconnects when its server restarts")
    func reconnects() async throws {
        try await withTemporaryDirectory { directory in
            let path = "\(directory)/restart.sock"
            try await withTestClient(path) { client in
                for round in 0..<3 {
                    let server = GRPCServer(transport: UnixSocketServerTransport(path: path), services: [EchoService()])
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask { try await server.serve() }
                        try await waitForSocket(path)
                        let response = try await EchoService.Method.get.call(on: client, EchoRequest(text: "round \(round)", payload: nil))
                        #expect(response.text == "round \(round)")
                        server.beginGracefulShutdown()
                        try await group.waitForAll()
                    }
                    // Between servers a call fails fast with a clear reason.
                    let error = try await #require(throws: RPCError.self) {
                        try await EchoService.Method.get.call(on: client, EchoRequest(text: "down", payload: nil))
                    }
                    #expect(error.code == .unavailable)
                    #expect(error.message.contains(path))
                }
            }
        }
    }

    @Test("A server killed mid-call fails the call with unavailable, then the client recovers")
    func serverVanishes() async throws {
        let observations = Observations()
        try await withTemporaryDirectory { directory in
            let path = "\(directory)/vanish.sock"
            try await withTestClient(path) { client in
                let server = GRPCServer(transport: UnixSocketServerTransport(path: path), services: [EchoService(observations: observations)])
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await server.serve() }
                    try await waitForSocket(path)
                    let call = Task { try await EchoService.Method.wait.call(on: client, EchoRequest(text: "x", payload: nil)) }
                    #expect(await observations.wait { $0.started == 1 })
                    // Cancelling the serving task closes everything abruptly.
                    group.cancelAll()
                    let result = await call.result
                    #expect(throws: RPCError.self) { try result.get() }
                    try? await group.waitForAll()
                }
                let again = GRPCServer(transport: UnixSocketServerTransport(path: path), services: [EchoService()])
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await again.serve() }
                    try await waitForSocket(path)
                    let echoed = try await echo(client, "back")
                    #expect(echoed == "back")
                    again.beginGracefulShutdown()
                    try await group.waitForAll()
                }
            }
        }
    }

    @Test("A peer whose uid and gid the policy does not allow is disconnected and logged")
    func peerPolicy() async throws {
        let logs = LogCapture()
        let stranger = PeerPolicy(allowedUIDs: [getuid() &+ 12_345], allowedGIDs: [getgid() &+ 12_345])
        try await withTestServer(peerPolicy: stranger, logs: logs) { path, _ in
            try await withTestClient(path) { client in
                let error = try await #require(throws: RPCError.self) {
                    try await EchoService.Method.get.call(on: client, EchoRequest(text: "x", payload: nil))
                }
                #expect(error.code == .unavailable)
            }
        }
        #expect(logs.contains("peer policy does not allow"))
        #expect(logs.contains("peer.uid=\(getuid())"))
    }

    @Test("A second server on a live socket is refused; a stale socket file is replaced")
    func socketInUse() async throws {
        try await withTestServer { path, _ in
            let second = GRPCServer(transport: UnixSocketServerTransport(path: path), services: [EchoService()])
            await #expect(throws: (any Error).self) { try await second.serve() }
            // The first server still answers.
            try await withTestClient(path) { client in
                let echoed = try await echo(client, "still")
                #expect(echoed == "still")
            }
        }
        try await withTemporaryDirectory { directory in
            let path = "\(directory)/stale.sock"
            // A socket file nobody listens on, as a killed process leaves behind.
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
            close(fd)
            #expect(FileManager.default.fileExists(atPath: path))
            let server = GRPCServer(transport: UnixSocketServerTransport(path: path), services: [EchoService()])
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.serve() }
                try await Task.sleep(for: .milliseconds(100))
                try await withTestClient(path) { client in
                    let echoed = try await echo(client, "fresh")
                    #expect(echoed == "fresh")
                }
                server.beginGracefulShutdown()
                try await group.waitForAll()
            }
        }
    }
}
