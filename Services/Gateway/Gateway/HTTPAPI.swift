import Foundation
import GRPCCore
import GatewayContract
import HTTPTypes
import Hummingbird
import InvoiceModel
import InvoicingContract
import Logging
import NIOCore
import RegistrationContract
import ServiceRuntime
import SigningContract
import UnixSocketTransport

/// The HTTP/JSON API for ERPs and point-of-sale systems, the invoice page, `/metrics` and
/// `/openapi.json`. Every `/v1` call needs an API key (`Authorization: Bearer eik_…` or
/// `X-API-Key`); bodies are limited in size; errors are JSON with the rule IDs and messages.
struct HTTPAPI {
    let backends: Backends
    let store: GatewayStore
    let pages: PageTokens
    let metrics: GatewayMetrics
    let status: GatewayHandler
    let logger: Logger
    /// Largest request body accepted.
    static let maxBody = 4 << 20
    static let callTimeout: Duration = .seconds(60)

    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.get("healthz") { _, _ in
            let services = await status.checkAll()
            let healthy = services.allSatisfy { $0.status == "serving" }
            return json(healthy ? .ok : .serviceUnavailable, ["healthy": healthy, "services": services.map { ["service": $0.service, "status": $0.status] }] as [String: Any])
        }
        router.get("metrics") { _, _ in
            let up = await status.checkAll(timeout: .seconds(1)).map { (service: $0.service, serving: $0.status == "serving") }
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(string: metrics.render(up: up))))
        }
        router.get("openapi.json") { _, _ in
            guard let document = OpenAPIDocument.json else {
                return APIError(.notFound, "not_found", "openapi.json is not installed beside the gateway (einvoice_Gateway.resources).").response
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: document)))
        }
        router.get("invoices/:id") { request, context in
            try await handle("page", request) {
                let id = try context.parameters.require("id")
                let token = request.uri.queryParameters["t"].map(String.init) ?? ""
                if !pages.accepts(token, for: id) {
                    guard try await authenticated(request) else {
                        throw APIError(.unauthorized, "unauthenticated", "This page needs its link's token (?t=…) or an API key.")
                    }
                }
                return try await page(id)
            }
        }

        let v1 = router.group("v1").add(middleware: APIKeyMiddleware(api: self))
        // Taxpayers, units, buyers.
        v1.post("taxpayers") { request, _ in
            try await handle("taxpayers.add", request) {
                let taxpayer = try await body(Taxpayer.self, request)
                return try encode(.created, try await registration.addTaxpayer(taxpayer, options: options(request)))
            }
        }
        v1.get("taxpayers") { request, _ in
            try await handle("taxpayers.list", request) { try encode(.ok, try await registration.listTaxpayers(options: options(request))) }
        }
        v1.get("taxpayers/:vat") { request, context in
            try await handle("taxpayers.get", request) { try encode(.ok, try await registration.getTaxpayer(try context.parameters.require("vat"), options: options(request))) }
        }
        v1.post("units") { request, _ in
            try await handle("units.add", request) {
                try encode(.created, try await registration.addUnit(try await body(AddUnitRequest.self, request), options: options(request)))
            }
        }
        v1.get("units") { request, _ in
            try await handle("units.list", request) {
                try encode(.ok, try await registration.listUnits(ListRequest(vatNumber: query(request, "vat")), options: options(request)))
            }
        }
        v1.get("units/:egs") { request, context in
            try await handle("units.get", request) { try encode(.ok, try await registration.getUnit(try context.parameters.require("egs"), options: options(request))) }
        }
        v1.post("units/:egs/onboard") { request, context in
            try await handle("units.onboard", request) {
                struct OTP: Decodable { var otp: String? }
                let otp = try await body(OTP.self, request).otp
                return try encode(.ok, try await registration.onboard(OnboardRequest(egsID: try context.parameters.require("egs"), otp: otp), options: options(request)))
            }
        }
        v1.post("buyers") { request, _ in
            try await handle("buyers.add", request) { try encode(.created, try await registration.addBuyer(try await body(Buyer.self, request), options: options(request))) }
        }
        v1.get("buyers") { request, _ in
            try await handle("buyers.list", request) {
                try encode(.ok, try await registration.listBuyers(ListRequest(vatNumber: query(request, "seller")), options: options(request)))
            }
        }
        v1.get("buyers/:ref") { request, context in
            try await handle("buyers.get", request) { try encode(.ok, try await registration.getBuyer(try context.parameters.require("ref"), options: options(request))) }
        }

        // Invoices and notes.
        v1.post("invoices") { request, _ in
            try await handle("invoices.issue", request) {
                guard let egs = query(request, "egs") ?? header(request, "X-EGS-Unit") else {
                    throw APIError(.badRequest, "invalid_argument", "Say which EGS unit stamps the invoice: ?egs=EGS-1 (or the X-EGS-Unit header).")
                }
                let draft = try await body(InvoiceDraft.self, request)
                let issued = try await invoicing.issue(IssueRequest(draft: draft, egsID: egs, idempotencyKey: header(request, "Idempotency-Key")), options: options(request))
                return try encode(issued.replayed ? .ok : .created, issued)
            }
        }
        v1.post("invoices/:ref/notes") { request, context in
            try await handle("invoices.note", request) {
                struct NoteBody: Decodable {
                    var kind: DocumentKind
                    var reason: String
                    var egs: String
                    var lines: [DraftLine]?
                    var sellerVAT: String?
                }
                let note = try await body(NoteBody.self, request)
                let issued = try await invoicing.createNote(
                    CreateNoteRequest(
                        original: try context.parameters.require("ref"), sellerVAT: note.sellerVAT, kind: note.kind, reason: note.reason, lines: note.lines,
                        egsID: note.egs, idempotencyKey: header(request, "Idempotency-Key")
                    ),
                    options: options(request)
                )
                return try encode(issued.replayed ? .ok : .created, issued)
            }
        }
        v1.get("invoices") { request, _ in
            try await handle("invoices.list", request) {
                let search = SearchRequest(
                    sellerVAT: query(request, "seller"), buyer: query(request, "buyer"), fromDate: query(request, "from"), toDate: query(request, "to"),
                    status: query(request, "status").flatMap(InvoiceStatus.init(rawValue:)), kind: query(request, "kind").flatMap(DocumentKind.init(rawValue:)),
                    number: query(request, "number"), limit: query(request, "limit").flatMap(Int.init), offset: query(request, "offset").flatMap(Int.init)
                )
                return try encode(.ok, try await invoicing.search(search, options: options(request)))
            }
        }
        v1.get("invoices/:ref") { request, context in
            try await handle("invoices.get", request) {
                let reference = try context.parameters.require("ref")
                let wantsXML = query(request, "format") == "xml" || (header(request, "Accept") ?? "").contains("application/xml")
                let detail = try await invoicing.get(
                    GetInvoiceRequest(reference: reference, sellerVAT: query(request, "seller"), includeXML: wantsXML || query(request, "include") == "xml"),
                    options: options(request)
                )
                if wantsXML { return try xml(detail) }
                return try encode(.ok, detail)
            }
        }
        v1.get("invoices/:ref/xml") { request, context in
            try await handle("invoices.xml", request) {
                try xml(try await invoicing.get(GetInvoiceRequest(reference: try context.parameters.require("ref"), sellerVAT: query(request, "seller"), includeXML: true), options: options(request)))
            }
        }
        v1.get("invoices/:ref/qr.png") { request, context in
            try await handle("invoices.qr", request) {
                let detail = try await invoicing.get(GetInvoiceRequest(reference: try context.parameters.require("ref"), sellerVAT: query(request, "seller"), includeXML: false), options: options(request))
                guard let qr = detail.invoice.qr else { throw APIError(.conflict, "failed_precondition", "Invoice \(detail.invoice.number ?? detail.invoice.id) has no QR code yet (\(detail.invoice.status.rawValue)).") }
                let image = try await signing.renderQR(QRImageRequest(qrCode: qr, format: .png, moduleSize: Int(query(request, "size") ?? "") ?? 6), options: options(request))
                return Response(status: .ok, headers: [.contentType: "image/png"], body: .init(byteBuffer: ByteBuffer(bytes: image.image)))
            }
        }
        v1.get("submissions") { request, _ in
            try await handle("submissions.list", request) {
                try encode(.ok, try await invoicing.listSubmissions(SubmissionsRequest(state: query(request, "state").flatMap(SubmissionState.init(rawValue:)), egsID: query(request, "egs")), options: options(request)))
            }
        }
        return router
    }

    // MARK: Clients

    var registration: Registration.Client<UnixSocketClientTransportAlias> { Registration.Client(wrapping: backends.client(.registration)) }
    var invoicing: Invoicing.Client<UnixSocketClientTransportAlias> { Invoicing.Client(wrapping: backends.client(.invoicing)) }
    var signing: Signing.Client<UnixSocketClientTransportAlias> { Signing.Client(wrapping: backends.client(.signing)) }

    func options(_ request: Request) -> CallOptions {
        var options = CallOptions.defaults
        options.timeout = Self.callTimeout
        return options
    }

    // MARK: Pieces

    func page(_ id: String) async throws -> Response {
        let detail = try await invoicing.get(GetInvoiceRequest(reference: id, includeXML: true))
        let xml = detail.clearedXML ?? detail.stampedXML ?? detail.unsignedXML
        let invoice = xml.flatMap { try? InvoiceReader.read(Array($0)).invoice }
        var qrPNG: Data?
        if let qr = detail.invoice.qr {
            qrPNG = try? await signing.renderQR(QRImageRequest(qrCode: qr, format: .png, moduleSize: 6)).image
        }
        let html = InvoicePage.render(detail, invoice: invoice, qrPNG: qrPNG)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func xml(_ detail: InvoiceDetail) throws -> Response {
        guard let document = detail.clearedXML ?? detail.stampedXML ?? detail.unsignedXML else {
            throw APIError(.conflict, "failed_precondition", "Invoice \(detail.invoice.id) has no XML yet.")
        }
        return Response(status: .ok, headers: [.contentType: "application/xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: document)))
    }

    func authenticated(_ request: Request) async throws -> Bool {
        guard let key = Self.apiKey(request) else { return false }
        return try await store.authenticate(key, at: Date()) != nil
    }

    static func apiKey(_ request: Request) -> String? {
        if let bearer = request.headers[.authorization], bearer.hasPrefix("Bearer ") { return String(bearer.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
        return request.headers[HTTPField.Name("X-API-Key")!]
    }

    func body<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maxBody {
            throw APIError(.contentTooLarge, "too_large", "The body is \(length) bytes; at most \(Self.maxBody) are accepted.")
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: Self.maxBody)
        } catch {
            throw APIError(.contentTooLarge, "too_large", "The body is larger than \(Self.maxBody) bytes.")
        }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(type, from: Data(buffer.readableBytesView))
        } catch let DecodingError.keyNotFound(key, context) {
            throw APIError(.badRequest, "invalid_json", "\((context.codingPath + [key]).map(\.stringValue).joined(separator: ".")) is required.")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw APIError(.badRequest, "invalid_json", "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw APIError(.badRequest, "invalid_json", "The body is not valid JSON for this call: \(context.debugDescription) \(context.codingPath.map(\.stringValue).joined(separator: "."))")
        } catch {
            throw APIError(.badRequest, "invalid_json", "The body is not valid JSON for this call: \(error)")
        }
    }

    func query(_ request: Request, _ name: String) -> String? {
        request.uri.queryParameters[Substring(name)].map(String.init)
    }

    func header(_ request: Request, _ name: String) -> String? {
        HTTPField.Name(name).flatMap { request.headers[$0] }
    }

    /// Runs a route: errors become JSON, every request is counted.
    /// Each request has an ID (the caller's `X-Request-ID`, or a new one): it goes with every
    /// call to the services and comes back in the answer's `X-Request-ID`.
    func handle(_ route: String, _ request: Request, _ body: () async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let requestID = header(request, "X-Request-ID").map { String($0.prefix(64)) } ?? UUID().uuidString.lowercased()
        var response: Response
        do {
            response = try await RequestScope.$requestID.withValue(requestID) { try await body() }
        } catch let error as APIError {
            response = error.response
        } catch let error as RPCError {
            response = APIError(error).response
        } catch {
            response = APIError(.internalServerError, "internal", "\(error)").response
        }
        response.headers[HTTPField.Name("X-Request-ID")!] = requestID
        if response.status.code >= 500 {
            logger.warning("gateway.http.failed", metadata: ["route": "\(route)", "status": "\(response.status.code)", "request.id": "\(requestID)"])
        }
        let elapsed = ContinuousClock.now - started
        metrics.recordHTTP(route: route, status: Int(response.status.code), seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        return response
    }
}

typealias UnixSocketClientTransportAlias = UnixSocketClientTransport

/// Needs a valid API key.
struct APIKeyMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let api: HTTPAPI

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard try await api.authenticated(request) else {
            api.metrics.recordHTTP(route: "unauthorized", status: 401, seconds: 0)
            return APIError(.unauthorized, "unauthenticated", "Give an API key: Authorization: Bearer eik_… (einvoice apikey create --name NAME).").response
        }
        return try await next(request, context)
    }
}

/// An error as JSON: `{"error": {"code", "message", "findings": [{rule, severity, path, message_en, message_ar}]}}`.
struct APIError: Error {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var findings: Data?

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    init(_ error: RPCError) {
        switch error.code {
        case .invalidArgument: status = .unprocessableContent
        case .notFound: status = .notFound
        case .alreadyExists, .failedPrecondition, .aborted: status = .conflict
        case .unavailable: status = .serviceUnavailable
        case .deadlineExceeded: status = .gatewayTimeout
        case .unauthenticated: status = .unauthorized
        case .permissionDenied: status = .forbidden
        case .resourceExhausted: status = .tooManyRequests
        default: status = .internalServerError
        }
        code = "\(error.code)".replacingOccurrences(of: "([a-z])([A-Z])", with: "$1_$2", options: .regularExpression).lowercased()
        message = error.message
        findings = error.metadata[stringValues: Invoicing.findingsMetadataKey].first(where: { _ in true }).map { Data($0.utf8) }
    }

    var response: Response {
        var object: [String: Any] = ["code": code, "message": message]
        if let findings, let parsed = try? JSONSerialization.jsonObject(with: findings) { object["findings"] = parsed }
        return json(status, ["error": object])
    }
}

func json(_ status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
}

func encode(_ status: HTTPResponse.Status, _ value: some Encodable) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
}
