public import Foundation

/// What authenticates a call to the platform: a CSID's `binarySecurityToken` and `secret`,
/// sent as `Authorization: Basic base64(token:secret)`. Never logged, never printed.
public struct FatooraCredentials: Sendable, Hashable {
    public var token: String
    public var secret: String

    public init(token: String, secret: String) {
        self.token = token
        self.secret = secret
    }

    var authorization: String {
        "Basic " + Data("\(token):\(secret)".utf8).base64EncodedString()
    }
}

/// A CSID the platform issued: the certificate (as its token), the secret, and the request id
/// the production CSID is asked for with.
public struct FatooraCSID: Sendable, Hashable {
    public var requestID: String
    public var token: String
    public var secret: String
    public var dispositionMessage: String?

    /// The certificate's DER bytes: the token is base64 of the base64 DER text.
    public var certificateBase64: String? {
        Data(base64Encoded: token).map { String(decoding: $0, as: UTF8.self) }
    }

    public var credentials: FatooraCredentials { FatooraCredentials(token: token, secret: secret) }
}

/// One message of a validation response: `{type, code, category, message, status}`.
public struct FatooraMessage: Codable, Sendable, Hashable {
    public var type: String?
    public var code: String
    public var category: String?
    public var message: String
    public var status: String?

    public init(type: String? = nil, code: String, category: String? = nil, message: String, status: String? = nil) {
        self.type = type
        self.code = code
        self.category = category
        self.message = message
        self.status = status
    }
}

/// A signed document as the platform takes it. The body is built once, so every retry sends
/// the very same bytes.
public struct SignedSubmission: Sendable, Hashable {
    public var invoiceHash: String
    public var uuid: String
    public let body: Data

    public init(invoiceHash: String, uuid: String, xml: Data) {
        self.invoiceHash = invoiceHash
        self.uuid = uuid
        let object: [String: String] = ["invoiceHash": invoiceHash, "uuid": uuid, "invoice": xml.base64EncodedString()]
        body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}

/// Where a document goes.
public enum SubmissionEndpoint: String, Codable, Sendable, Hashable {
    /// `compliance/invoices`, with the compliance CSID, during onboarding.
    case compliance
    /// `invoices/clearance/single`: standard documents.
    case clearance
    /// `invoices/reporting/single`: simplified documents.
    case reporting

    var path: String {
        switch self {
        case .compliance: "compliance/invoices"
        case .clearance: "invoices/clearance/single"
        case .reporting: "invoices/reporting/single"
        }
    }
}

/// The platform's final word on one submitted document.
public struct SubmissionResult: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// 200 or 202: cleared, reported or (compliance) passed.
        case accepted
        /// 208 or 409: the same document was accepted before.
        case duplicate
        /// 303: clearance is switched off for this taxpayer; report the document instead.
        case clearanceOff
        /// 400: rejected, with the platform's reasons.
        case rejected
    }

    public var outcome: Outcome
    public var httpStatus: Int
    /// `REPORTED`, `CLEARED`, `NOT_CLEARED`, … when the platform said.
    public var platformStatus: String?
    public var errors: [FatooraMessage]
    public var warnings: [FatooraMessage]
    /// The cleared XML (clearance only): the document the buyer gets.
    public var clearedInvoice: Data?
    /// How many times the bytes were sent before this answer.
    public var attempts: Int
}

/// Why a call did not reach a final answer.
public enum FatooraError: Error, Sendable, CustomStringConvertible {
    /// 401: the CSID (token or secret) is wrong, expired, or from another environment.
    case unauthorized(String)
    /// A 4xx refusal of a CSID request, with the platform's code (`Invalid-OTP`, `Missing-ComplianceSteps`, …).
    case refused(status: Int, code: String, message: String)
    /// 413, 429, 5xx, timeouts and dropped connections, still so after every retry. The outcome
    /// of a submission is unknown: send the same bytes again later.
    case unavailable(attempts: Int, last: String)
    /// An answer that makes no sense (an unexpected status or body).
    case unexpected(status: Int, detail: String)

    public var description: String {
        switch self {
        case .unauthorized(let message): "The platform refused the credentials (401): \(message)"
        case .refused(let status, let code, let message): "The platform refused the request (\(status) \(code)): \(message)"
        case .unavailable(let attempts, let last): "The platform did not answer after \(attempts) attempt\(attempts == 1 ? "" : "s") (\(last))"
        case .unexpected(let status, let detail): "Unexpected answer from the platform (\(status)): \(detail)"
        }
    }

    /// True when trying again later may succeed.
    public var isTransient: Bool {
        if case .unavailable = self { return true }
        return false
    }
}

/// When to try again: exponential backoff with equal jitter, honouring `Retry-After`.
public struct FatooraRetry: Sendable, Hashable {
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// How long one HTTP exchange may take.
    public var requestTimeout: Duration

    public init(maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(20), requestTimeout: Duration = .seconds(30)) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.requestTimeout = requestTimeout
    }

    /// This policy with the request timeout from `EINVOICE_FATOORA_TIMEOUT` (seconds), when set.
    public func configured(from environment: [String: String]) -> FatooraRetry {
        guard let text = environment["EINVOICE_FATOORA_TIMEOUT"], let seconds = Double(text), seconds > 0 else { return self }
        var copy = self
        copy.requestTimeout = .milliseconds(Int64(seconds * 1_000))
        return copy
    }

    /// The pause before attempt `attempt + 1` (attempt counts from 1).
    public func delay(after attempt: Int, retryAfter: Duration? = nil) -> Duration {
        let exponent = min(attempt - 1, 20)
        let ceiling = min(baseDelay * (1 << exponent), maxDelay)
        let half = ceiling / 2
        let jitter = Double.random(in: 0...1)
        let computed = half + half * jitter
        if let retryAfter { return min(max(computed, retryAfter), maxDelay) }
        return computed
    }

    /// The statuses worth sending again: the request may not have been processed, or the
    /// platform asked to slow down.
    public static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 413 || status == 429 || (500...599).contains(status)
    }
}
