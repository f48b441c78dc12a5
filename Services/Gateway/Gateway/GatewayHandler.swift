import Foundation
public import GRPCCore
public import GatewayContract
import HealthContract
import InvoicingContract
import Logging
import ServiceRuntime
import ZATCACrypto

/// The gateway's own RPCs: aggregated health, API keys, invoice page links.
public struct GatewayHandler: GatewayContract.Gateway.ServiceProtocol {
    let backends: Backends
    let store: GatewayStore
    let pages: PageTokens
    let paths: RuntimePaths
    let httpURL: @Sendable () -> String?
    let logger: Logger

    public func status(_ request: StatusRequest, context: ServerContext) async throws -> StatusResponse {
        StatusResponse(services: await checkAll(), httpURL: httpURL())
    }

    /// Every service's health, checked concurrently over the gateway's connections.
    func checkAll(timeout: Duration = .seconds(2)) async -> [ServiceStatus] {
        let own = ServiceStatus(
            service: ServiceName.gateway.rawValue, status: "serving", pid: ProcessInfo.processInfo.processIdentifier, version: "0.1.0",
            startedAt: GatewayService.startedAt, socket: paths.socketPath(for: .gateway)
        )
        let others = await withTaskGroup(of: ServiceStatus.self) { group in
            for service in ServiceName.allCases where service != .gateway {
                group.addTask { await check(service, timeout: timeout) }
            }
            var all: [ServiceStatus] = []
            for await status in group { all.append(status) }
            return all
        }
        return ServiceName.allCases.compactMap { name in name == .gateway ? own : others.first { $0.service == name.rawValue } }
    }

    private func check(_ service: ServiceName, timeout: Duration) async -> ServiceStatus {
        let probe = await HealthProbe.check(service, paths: paths, client: backends.connections[service]?.client, timeout: timeout)
        return ServiceStatus(
            service: service.rawValue, status: probe.status, pid: probe.response?.pid, version: probe.response?.version,
            startedAt: probe.response?.startedAt, socket: paths.socketPath(for: service), error: probe.error
        )
    }

    public func createAPIKey(_ request: CreateAPIKeyRequest, context: ServerContext) async throws -> CreatedAPIKey {
        let name = request.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...64).contains(name.count) else { throw RPCError(code: .invalidArgument, message: "Name the key's user in 1–64 characters (--name erp).") }
        let created = try await store.create(name: name, at: Date())
        logger.info("apikey.created", metadata: ["apikey.id": "\(created.record.id)", "apikey.name": "\(name)"])
        return created
    }

    public func listAPIKeys(_ request: StatusRequest, context: ServerContext) async throws -> APIKeyList {
        APIKeyList(keys: try await store.list())
    }

    public func revokeAPIKey(_ request: APIKeyReference, context: ServerContext) async throws -> APIKeyRecord {
        guard let record = try await store.revoke(request.id, at: Date()) else { throw RPCError(code: .notFound, message: "No API key \(request.id).") }
        logger.info("apikey.revoked", metadata: ["apikey.id": "\(record.id)"])
        return record
    }

    public func invoiceLink(_ request: InvoiceLinkRequest, context: ServerContext) async throws -> InvoiceLink {
        let detail = try await Invoicing.Client(wrapping: backends.client(.invoicing)).get(GetInvoiceRequest(reference: request.reference, sellerVAT: request.sellerVAT, includeXML: false))
        guard let base = httpURL() else { throw RPCError(code: .failedPrecondition, message: "The gateway's HTTP API is not listening; the page has no address.") }
        let id = detail.invoice.id
        return InvoiceLink(invoiceID: id, url: "\(base)invoices/\(id)?t=\(pages.token(for: id))")
    }
}

/// The token that opens one invoice's page without an API key (a link for its buyer):
/// HMAC-SHA256 of the invoice id under the gateway's page key.
struct PageTokens: Sendable {
    let key: [UInt8]

    func token(for invoiceID: String) -> String {
        String(Hex.encode(HMACSHA256.authenticationCode(key: key, message: Array(invoiceID.utf8))).prefix(32))
    }

    func accepts(_ token: String, for invoiceID: String) -> Bool {
        let expected = Array(self.token(for: invoiceID).utf8)
        let given = Array(token.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
