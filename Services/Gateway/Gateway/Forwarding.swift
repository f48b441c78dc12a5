import EInvoiceRPC
import Foundation
import GatewayContract
public import GRPCCore
import InvoicingContract
import Logging
import NotificationContract
import RegistrationContract
import ServiceRuntime
import SigningContract
import SupportContract
import UnixSocketTransport

/// Bytes as they are: the gateway forwards a message without decoding it.
struct RawBytes: MessageSerializer, MessageDeserializer {
    func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes {
        Bytes(message)
    }

    func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
        serializedMessageBytes.withUnsafeBytes { Array($0) }
    }
}

/// The operator RPCs the gateway serves on `gateway.sock` by forwarding them to their service.
/// Calls between services (a unit's platform credentials, an outcome, a problem report,
/// notification's publish) are not forwarded: they are not the operator's.
enum Routes {
    static let table: [(MethodDescriptor, ServiceName)] = {
        var routes: [(MethodDescriptor, ServiceName)] = []
        func add(_ service: ServiceName, _ descriptors: [MethodDescriptor]) {
            routes += descriptors.map { ($0, service) }
        }
        add(.registration, [
            Registration.Method.addTaxpayer.descriptor, Registration.Method.getTaxpayer.descriptor, Registration.Method.listTaxpayers.descriptor,
            Registration.Method.addUnit.descriptor, Registration.Method.getUnit.descriptor, Registration.Method.listUnits.descriptor,
            Registration.Method.onboard.descriptor, Registration.Method.renew.descriptor, Registration.Method.addBuyer.descriptor,
            Registration.Method.getBuyer.descriptor, Registration.Method.listBuyers.descriptor,
        ])
        add(.invoicing, [
            Invoicing.Method.validate.descriptor, Invoicing.Method.createDraft.descriptor, Invoicing.Method.issue.descriptor,
            Invoicing.Method.createNote.descriptor, Invoicing.Method.get.descriptor, Invoicing.Method.search.descriptor,
            Invoicing.Method.listSubmissions.descriptor, Invoicing.Method.retrySubmission.descriptor,
        ])
        add(.signing, [
            Signing.Method.createKey.descriptor, Signing.Method.getCSR.descriptor, Signing.Method.installCertificate.descriptor,
            Signing.Method.importKey.descriptor, Signing.Method.listUnits.descriptor, Signing.Method.getUnit.descriptor, Signing.Method.stamp.descriptor,
            Signing.Method.verify.descriptor, Signing.Method.renderQR.descriptor,
        ])
        add(.notification, [Notifications.Method.get.descriptor, Notifications.Method.list.descriptor, Notifications.Method.retry.descriptor])
        add(.support, [
            Support.Method.diagnose.descriptor, Support.Method.openTicket.descriptor, Support.Method.getTicket.descriptor,
            Support.Method.listTickets.descriptor, Support.Method.addNote.descriptor, Support.Method.assign.descriptor, Support.Method.setStatus.descriptor,
        ])
        return routes
    }()
}

/// Registers a forwarder for every route: the request's bytes go to the service as they came,
/// with the caller's metadata, a request ID (kept if the caller sent one) and the caller's
/// remaining deadline; the answer (or the service's error, with its metadata) comes back as it is.
struct ForwardingService: RegistrableRPCService {
    /// The deadline of a forwarded call whose caller gave none (the longest operator call,
    /// onboarding, asks for 300 s itself).
    static let defaultTimeout: Duration = .seconds(300)

    let backends: Backends
    let metrics: GatewayMetrics
    let logger: Logger

    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        for (descriptor, service) in Routes.table {
            router.registerHandler(forMethod: descriptor, deserializer: RawBytes(), serializer: RawBytes()) { request, context in
                let started = ContinuousClock.now
                let single = try await ServerRequest(stream: request)
                var metadata = single.metadata
                let deadline = Deadlines.timeout(in: metadata)
                metadata.removeAllValues(forKey: "grpc-timeout")
                let given = metadata[stringValues: GatewayContract.Gateway.requestIDKey].first(where: { _ in true })
                let requestID = given ?? UUID().uuidString.lowercased()
                if given == nil { metadata.addString(requestID, forKey: GatewayContract.Gateway.requestIDKey) }
                var options = CallOptions.defaults
                // A caller that sends no deadline still gets an answer from a service that hangs.
                options.timeout = Self.defaultTimeout
                if let deadline {
                    let remaining = deadline - (ContinuousClock.now - started)
                    guard remaining > .zero else { throw RPCError(code: .deadlineExceeded, message: "The deadline passed before the gateway could forward the call.") }
                    options.timeout = remaining
                }
                var code = "ok"
                defer {
                    let elapsed = ContinuousClock.now - started
                    metrics.record(method: descriptor.fullyQualifiedMethod, code: code, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                    logger.debug("gateway.forward", metadata: ["method": "\(descriptor.fullyQualifiedMethod)", "request.id": "\(requestID)", "code": "\(code)"])
                }
                do {
                    let response = try await backends.client(service).unary(
                        request: ClientRequest(message: single.message, metadata: metadata), descriptor: descriptor, serializer: RawBytes(),
                        deserializer: RawBytes(), options: options
                    ) { response in
                        ServerResponse(message: try response.message, metadata: response.metadata, trailingMetadata: response.trailingMetadata)
                    }
                    return StreamingServerResponse(single: response)
                } catch let error as RPCError {
                    code = "\(error.code)"
                    if error.code == .unavailable {
                        throw RPCError(
                            code: .unavailable, message: "The \(service.rawValue) service is not answering (\(error.message)). Check einvoice status.",
                            metadata: error.metadata
                        )
                    }
                    throw error
                }
            }
        }
    }
}

/// GRPCCore's `grpc-timeout` metadata: digits and a unit (H, M, S, m, u, n).
enum Deadlines {
    static func timeout(in metadata: Metadata) -> Duration? {
        guard let value = metadata[stringValues: "grpc-timeout"].first(where: { _ in true }), let unit = value.last,
            let amount = Int64(value.dropLast())
        else { return nil }
        switch unit {
        case "H": return .seconds(amount * 3_600)
        case "M": return .seconds(amount * 60)
        case "S": return .seconds(amount)
        case "m": return .milliseconds(amount)
        case "u": return .microseconds(amount)
        case "n": return .nanoseconds(amount)
        default: return nil
        }
    }
}

/// The request ID of the HTTP request being served, for every call it makes.
enum RequestScope {
    @TaskLocal static var requestID: String?
}

/// Adds the current request ID to a call that has none.
struct RequestIDInterceptor: ClientInterceptor {
    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingClientRequest<Input>, context: ClientContext,
        next: (StreamingClientRequest<Input>, ClientContext) async throws -> StreamingClientResponse<Output>
    ) async throws -> StreamingClientResponse<Output> {
        var request = request
        if let id = RequestScope.requestID, request.metadata[stringValues: GatewayContract.Gateway.requestIDKey].first(where: { _ in true }) == nil {
            request.metadata.addString(id, forKey: GatewayContract.Gateway.requestIDKey)
        }
        return try await next(request, context)
    }
}

/// One long-lived connection to each service.
final class Backends: Sendable {
    let connections: [ServiceName: ServiceConnection]

    init(paths: RuntimePaths) {
        var connections: [ServiceName: ServiceConnection] = [:]
        for service in ServiceName.allCases where service != .gateway && service != .fatooraSim {
            connections[service] = ServiceConnection(service, paths: paths, interceptors: [RequestIDInterceptor()])
        }
        self.connections = connections
    }

    func client(_ service: ServiceName) -> GRPCClient<UnixSocketClientTransport> {
        connections[service]!.client
    }
}
