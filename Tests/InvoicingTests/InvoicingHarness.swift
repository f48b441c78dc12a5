import Foundation
import GRPCCore
import InvoiceModel
import InvoicingContract
import Logging
import ServiceLifecycle
import ServiceRuntime
import Signing
import SigningContract
import TestSupport
import UnixSocketTransport

@testable import Invoicing

/// A service served in-process over its real socket, until `stop()`.
final class RunningService: Sendable {
    let group: ServiceGroup
    let task: Task<Void, any Error>

    init(_ name: ServiceName, paths: RuntimePaths, build: @Sendable (ServiceContext) async throws -> ServiceParts) async throws {
        let logger = Logger(label: "test-\(name.rawValue)")
        let health = HealthService(service: name.rawValue)
        let parts = try await build(ServiceContext(name: name, paths: paths, logger: logger, health: health))
        let socket = paths.socketPath(for: name)
        let server = GRPCServer(transport: UnixSocketServerTransport(path: socket), services: parts.rpcServices + [health])
        let group = ServiceGroup(configuration: .init(services: parts.background.map { .init(service: $0) } + [.init(service: GRPCServerService(server: server, health: health))], logger: logger))
        self.group = group
        task = Task { try await group.run() }
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: socket) { try await Task.sleep(for: .milliseconds(10)) }
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

/// A runtime and data directory with the signing and invoicing services, and a development unit
/// `EGS-1` able to stamp.
struct Deployment: Sendable {
    let root: String
    let paths: RuntimePaths

    init() throws {
        root = "/tmp/einvoice-invoicing-\(UUID().uuidString.prefix(8))"
        paths = RuntimePaths(runtimeDirectory: "\(root)/run", dataDirectory: "\(root)/data")
        try paths.prepare()
    }

    func startSigning() async throws -> RunningService {
        try await RunningService(.signing, paths: paths) { try await SigningService.parts($0) }
    }

    func startInvoicing() async throws -> RunningService {
        try await RunningService(.invoicing, paths: paths) { try await InvoicingService.parts($0) }
    }

    /// Creates unit `egs` with a self-signed development certificate.
    func createUnit(_ egs: String = "EGS-1") async throws {
        try await withServiceClient(.signing, paths: paths) { client in
            let fields = CSRFields(
                commonName: "\(egs)-399999999900003", organizationName: "شركة الاختبار | Test Co", organizationUnit: "Riyadh",
                serialNumber: "1-einvoice|2-test|3-\(egs)", vatNumber: "399999999900003", invoiceTypes: "1100", registeredAddress: "الرياض",
                businessCategory: "Retail", environment: .simulation
            )
            _ = try await Signing.Client(wrapping: client).createKey(CreateKeyRequest(egsID: egs, csr: fields, selfSigned: true))
        }
    }

    func invoicing<T: Sendable>(_ body: (Invoicing.Client<UnixSocketClientTransport>) async throws -> T) async throws -> T {
        try await withServiceClient(.invoicing, paths: paths) { client in try await body(Invoicing.Client(wrapping: client)) }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Both services and a unit, for the body; everything stopped and removed afterwards.
    static func with<T: Sendable>(_ body: (Deployment) async throws -> T) async throws -> T {
        let deployment = try Deployment()
        defer { deployment.remove() }
        let signing = try await deployment.startSigning()
        let invoicing = try await deployment.startInvoicing()
        do {
            try await deployment.createUnit()
            let result = try await body(deployment)
            await invoicing.stop()
            await signing.stop()
            return result
        } catch {
            await invoicing.stop()
            await signing.stop()
            throw error
        }
    }
}

enum Drafts {
    static let seller = DraftParty(
        name: "شركة توريد التكنولوجيا | Tech Supply LTD", vatNumber: "399999999900003", id: DraftIdentifier(scheme: "CRN", value: "1010010000"),
        address: PostalAddress(street: "الامير سلطان | Prince Sultan", buildingNumber: "2322", district: "المربع | Al-Murabba", city: "الرياض | Riyadh", postalCode: "23333", country: "SA")
    )
    static let buyer = DraftParty(
        name: "شركة نماذج فاتورة | Fatoora Samples LTD", vatNumber: "399999999800003",
        address: PostalAddress(street: "صلاح الدين | Salah Al-Din", buildingNumber: "1111", district: "المروج | Al-Murooj", city: "الرياض | Riyadh", postalCode: "12222", country: "SA")
    )

    static func standard(lines: Int = 2, seller: DraftParty = seller, buyer: DraftParty? = buyer, name: String = "حاسوب محمول | Laptop") -> InvoiceDraft {
        InvoiceDraft(
            subtype: .standard, seller: seller, buyer: buyer, supplyDate: "2024-03-01",
            lines: (0..<lines).map { index in
                DraftLine(name: "\(name) \(index + 1)", quantity: "2", unitCode: "PCE", price: "1000.50", category: "S", rate: 15)
            }
        )
    }

    static func simplified() -> InvoiceDraft {
        InvoiceDraft(
            subtype: .simplified, seller: seller, pricesIncludeVAT: true,
            lines: [DraftLine(name: "قهوة عربية ☕ & <هيل>", quantity: "3", price: "11.50", category: "S", rate: 15)]
        )
    }
}

/// The findings an `invalidArgument` error carries.
func findings(_ error: RPCError) -> [Finding] {
    guard let json = error.metadata[stringValues: Invoicing.findingsMetadataKey].first(where: { _ in true }) else { return [] }
    return (try? JSONDecoder().decode([Finding].self, from: Data(json.utf8))) ?? []
}
