import Foundation
import GRPCCore
import Logging
import ServiceLifecycle
import ServiceRuntime
import SigningContract
import UnixSocketTransport

@testable import Signing

/// The vectors and tools the signing tests use.
enum Fixtures {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static let vectors: URL = {
        let beside = repository.deletingLastPathComponent().appendingPathComponent("shared/vectors/zatca-sdk")
        return FileManager.default.fileExists(atPath: beside.path) ? beside : URL(fileURLWithPath: "/work/shared/vectors/zatca-sdk")
    }()

    static func sample(_ path: String) throws -> Data {
        try Data(contentsOf: vectors.appendingPathComponent("samples/\(path)"))
    }

    static var sdkKey: String { get throws { try String(contentsOf: vectors.appendingPathComponent("certs/ec-secp256k1-priv-key.pem"), encoding: .utf8) } }
    static var sdkCertificate: String { get throws { try String(contentsOf: vectors.appendingPathComponent("certs/cert.pem"), encoding: .utf8) } }

    static func fields(_ unit: String, vat: String = "399999999900003") -> CSRFields {
        CSRFields(
            commonName: "\(unit)-\(vat)", organizationName: "شركة الاختبار | Test Co", organizationUnit: "Riyadh Branch",
            serialNumber: "1-einvoice|2-test|3-\(unit)", vatNumber: vat, invoiceTypes: "1100",
            registeredAddress: "الرياض", businessCategory: "Retail", environment: .simulation
        )
    }

    /// An unsigned invoice with its own number and UUID, built from the SDK's simplified sample.
    static func invoice(number: Int, uuid: UUID = UUID()) throws -> Data {
        var text = String(decoding: try sample("Simplified/Invoice/Simplified_Invoice.xml"), as: UTF8.self)
        text = text.replacingOccurrences(of: "<cbc:ID>SME00010</cbc:ID>", with: "<cbc:ID>INV-\(number)</cbc:ID>")
        text = text.replacingOccurrences(of: "<cbc:UUID>8e6000cf-1a98-4174-b3e7-b5d5954bc10d</cbc:UUID>", with: "<cbc:UUID>\(uuid.uuidString.lowercased())</cbc:UUID>")
        return Data(text.utf8)
    }
}

/// A signing service with its own data directory, served in-process over a real socket.
struct TestSigningService {
    let runtime: String
    let data: String

    static func withService<T: Sendable>(
        data: String? = nil,
        _ body: @Sendable (Signing.Client<UnixSocketClientTransport>, TestSigningService) async throws -> T
    ) async throws -> T {
        let root = "/tmp/einvoice-signing-\(UUID().uuidString.prefix(8))"
        let service = TestSigningService(runtime: "\(root)/run", data: data ?? "\(root)/data")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let paths = RuntimePaths(runtimeDirectory: service.runtime, dataDirectory: service.data)
        try paths.prepare()
        let logger = Logger(label: "signing-test")
        let health = HealthService(service: "signing")
        let parts = try await SigningService.parts(ServiceContext(name: .signing, paths: paths, logger: logger, health: health))
        let socket = paths.socketPath(for: .signing)
        let server = GRPCServer(transport: UnixSocketServerTransport(path: socket), services: parts.rpcServices + [health])
        let group = ServiceGroup(configuration: .init(services: parts.background + [GRPCServerService(server: server, health: health)], logger: logger))
        return try await withThrowingTaskGroup(of: T?.self) { tasks in
            tasks.addTask {
                try await group.run()
                return nil
            }
            for _ in 0..<500 where !FileManager.default.fileExists(atPath: socket) { try await Task.sleep(for: .milliseconds(10)) }
            let result = try await withServiceClient(.signing, paths: paths) { client in
                try await body(Signing.Client(wrapping: client), service)
            }
            await group.triggerGracefulShutdown()
            for try await _ in tasks {}
            return result
        }
    }
}
