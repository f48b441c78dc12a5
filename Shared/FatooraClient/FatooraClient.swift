public import AsyncHTTPClient
import Foundation
public import Logging
import NIOCore
import NIOHTTP1

/// ZATCA's Fatoora API over HTTP (AsyncHTTPClient): compliance and production CSIDs, renewal,
/// compliance checks, clearance and reporting of single documents.
///
/// Every call sends ZATCA's headers (`Accept-Version: V2`, `Accept-Language`, JSON). 413, 429,
/// 5xx, timeouts and dropped connections are retried with backoff, resending the same bytes;
/// when retries run out the call throws ``FatooraError/unavailable(attempts:last:)`` and the
/// caller keeps the document for later. Credentials, OTPs and bodies never reach the log.
public struct FatooraClient: Sendable {
    /// The environment's base, ending in `/` (`https://gw-fatoora.zatca.gov.sa/e-invoicing/simulation/`).
    public let baseURL: String
    public let retry: FatooraRetry
    /// `en` or `ar`: the language of the platform's messages.
    public var language: String
    let http: HTTPClient
    let logger: Logger
    /// Largest answer read (a cleared invoice comes back in it).
    static let maxResponse = 32 << 20

    public init(baseURL: String, http: HTTPClient = .shared, retry: FatooraRetry = FatooraRetry(), language: String = "en", logger: Logger) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.http = http
        self.retry = retry
        self.language = language
        self.logger = logger
    }

    // MARK: CSIDs

    /// `POST compliance` with the OTP from the Fatoora portal.
    public func complianceCSID(csrPEM: String, otp: String) async throws -> FatooraCSID {
        try await csid("POST", "compliance", headers: ["OTP": otp], body: ["csr": Data(csrPEM.utf8).base64EncodedString()])
    }

    /// `POST production/csids`, authenticated with the compliance CSID once its checks passed.
    public func productionCSID(complianceRequestID: String, compliance: FatooraCredentials) async throws -> FatooraCSID {
        try await csid("POST", "production/csids", headers: ["Authorization": compliance.authorization], body: ["compliance_request_id": complianceRequestID])
    }

    /// `PATCH production/csids`: a new production CSID for a new CSR, with an OTP and the current CSID.
    public func renewProductionCSID(csrPEM: String, otp: String, current: FatooraCredentials) async throws -> FatooraCSID {
        try await csid(
            "PATCH", "production/csids", headers: ["OTP": otp, "Authorization": current.authorization], body: ["csr": Data(csrPEM.utf8).base64EncodedString()]
        )
    }

    private func csid(_ method: String, _ path: String, headers: [String: String], body: [String: String]) async throws -> FatooraCSID {
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        let (status, answer, _) = try await exchange(method, path, headers: headers, body: data)
        let object = (try? JSONSerialization.jsonObject(with: answer)) as? [String: Any] ?? [:]
        switch status {
        case 200, 202:
            guard let token = object["binarySecurityToken"] as? String, let secret = object["secret"] as? String,
                let requestID = object["requestID"].flatMap(Self.text)
            else {
                throw FatooraError.unexpected(status: status, detail: "the answer has no binarySecurityToken, secret or requestID")
            }
            return FatooraCSID(requestID: requestID, token: token, secret: secret, dispositionMessage: object["dispositionMessage"] as? String)
        case 401:
            throw FatooraError.unauthorized(Self.firstMessage(object) ?? "no detail")
        default:
            let (code, message) = Self.firstError(object)
            throw FatooraError.refused(status: status, code: code ?? "HTTP-\(status)", message: message ?? String(decoding: answer.prefix(300), as: UTF8.self))
        }
    }

    // MARK: Documents

    /// Sends a stamped document to clearance, reporting or a compliance check.
    public func submit(_ submission: SignedSubmission, to endpoint: SubmissionEndpoint, credentials: FatooraCredentials) async throws -> SubmissionResult {
        var headers = ["Authorization": credentials.authorization]
        if endpoint == .clearance { headers["Clearance-Status"] = "1" }
        let (status, answer, attempts) = try await exchange("POST", endpoint.path, headers: headers, body: submission.body)
        let object = (try? JSONSerialization.jsonObject(with: answer)) as? [String: Any] ?? [:]
        let validation = object["validationResults"] as? [String: Any] ?? [:]
        let errors = Self.messages(validation["errorMessages"])
        let warnings = Self.messages(validation["warningMessages"])
        let platformStatus = (object["clearanceStatus"] as? String) ?? (object["reportingStatus"] as? String) ?? (validation["status"] as? String)
        let cleared = (object["clearedInvoice"] as? String).flatMap { Data(base64Encoded: $0) }
        func result(_ outcome: SubmissionResult.Outcome, errors: [FatooraMessage] = errors) -> SubmissionResult {
            SubmissionResult(
                outcome: outcome, httpStatus: status, platformStatus: platformStatus, errors: errors, warnings: warnings, clearedInvoice: cleared, attempts: attempts
            )
        }
        switch status {
        case 200, 202: return result(.accepted)
        case 208, 409: return result(.duplicate)
        case 303: return result(.clearanceOff)
        case 400:
            let reasons = errors.isEmpty ? [FatooraMessage(type: "ERROR", code: Self.firstError(object).code ?? "HTTP-400", message: Self.firstError(object).message ?? "rejected without a reason")] : errors
            return result(.rejected, errors: reasons)
        case 401: throw FatooraError.unauthorized(Self.firstMessage(object) ?? "no detail")
        default: throw FatooraError.unexpected(status: status, detail: String(decoding: answer.prefix(300), as: UTF8.self))
        }
    }

    // MARK: HTTP

    /// One call, retried on the statuses and failures worth retrying. Returns the final status,
    /// its body and the number of attempts.
    func exchange(_ method: String, _ path: String, headers: [String: String], body: Data) async throws -> (Int, Data, Int) {
        var attempt = 0
        while true {
            attempt += 1
            var last: String
            var retryAfter: Duration?
            do {
                var request = HTTPClientRequest(url: baseURL + path)
                request.method = HTTPMethod(rawValue: method)
                request.headers.add(name: "Accept", value: "application/json")
                request.headers.add(name: "Accept-Language", value: language)
                request.headers.add(name: "Accept-Version", value: "V2")
                request.headers.add(name: "Content-Type", value: "application/json")
                for (name, value) in headers { request.headers.add(name: name, value: value) }
                request.body = .bytes(ByteBuffer(bytes: body))
                let timeout = TimeAmount.nanoseconds(Int64(retry.requestTimeout.components.seconds) * 1_000_000_000 + retry.requestTimeout.components.attoseconds / 1_000_000_000)
                let response = try await http.execute(request, timeout: timeout, logger: logger)
                let collected = try await response.body.collect(upTo: Self.maxResponse)
                let status = Int(response.status.code)
                logger.debug("fatoora.call", metadata: ["method": "\(method)", "path": "\(path)", "status": "\(status)", "attempt": "\(attempt)"])
                guard FatooraRetry.isRetryable(status: status) else { return (status, Data(collected.readableBytesView), attempt) }
                last = "HTTP \(status)"
                if let seconds = response.headers.first(name: "Retry-After").flatMap(Int.init) { retryAfter = .seconds(seconds) }
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
                last = "timed out"
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                last = Self.describe(error)
            }
            logger.warning("fatoora.retry", metadata: ["method": "\(method)", "path": "\(path)", "attempt": "\(attempt)", "reason": "\(last)"])
            guard attempt < retry.maxAttempts else { throw FatooraError.unavailable(attempts: attempt, last: last) }
            try await Task.sleep(for: retry.delay(after: attempt, retryAfter: retryAfter))
        }
    }

    static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("remoteConnectionClosed") || text.contains("EOF") { return "connection closed without an answer" }
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    // MARK: JSON

    static func text(_ value: Any) -> String? {
        switch value {
        case let string as String: string
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// `errorMessages` and friends: an array of message objects, or (as the platform sometimes
    /// answers) a single object.
    static func messages(_ value: Any?) -> [FatooraMessage] {
        let objects: [[String: Any]] = (value as? [[String: Any]]) ?? ((value as? [String: Any]).map { [$0] } ?? [])
        return objects.compactMap { object in
            guard let message = object["message"] as? String else { return nil }
            return FatooraMessage(
                type: object["type"] as? String, code: (object["code"] as? String) ?? "", category: object["category"] as? String, message: message,
                status: object["status"] as? String
            )
        }
    }

    static func firstError(_ object: [String: Any]) -> (code: String?, message: String?) {
        if let errors = object["errors"] as? [[String: Any]], let first = errors.first {
            return (first["code"] as? String, first["message"] as? String)
        }
        if let errors = object["errors"] as? [String], let first = errors.first { return (nil, first) }
        if let validation = object["validationResults"] as? [String: Any], let first = messages(validation["errorMessages"]).first {
            return (first.code, first.message)
        }
        return (object["code"] as? String, object["message"] as? String)
    }

    static func firstMessage(_ object: [String: Any]) -> String? {
        firstError(object).message
    }
}
