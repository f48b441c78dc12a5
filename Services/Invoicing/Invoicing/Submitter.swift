import AsyncHTTPClient
import FatooraClient
import Foundation
import GRPCCore
import InvoiceModel
import InvoicingContract
import Logging
import RegistrationContract
import ServiceLifecycle
import Synchronization
import UnixSocketTransport

/// Works the submission queue: sends each stamped document to clearance or reporting with its
/// unit's production CSID (from registration), and records the platform's final answer with
/// the invoice. A document whose outcome is unknown (a timeout, a dropped connection, a 5xx)
/// stays pending and is sent again later, the very same bytes, so it can end up cleared or
/// reported once, never as two documents. Runs until shutdown; standard invoices are also
/// submitted at once by the request that issued them.
final class Submitter: Service, Sendable {
    let store: InvoiceStore
    let registration: GRPCClient<UnixSocketClientTransport>
    let http: HTTPClient
    let logger: Logger
    /// Retries within one attempt (short); the queue's own backoff spaces attempts further apart.
    let retry: FatooraRetry
    let interval: Duration
    let clock: @Sendable () -> Date
    private let inFlight = Mutex<Set<String>>([])

    init(
        store: InvoiceStore, registration: GRPCClient<UnixSocketClientTransport>, http: HTTPClient = .shared,
        retry: FatooraRetry = FatooraRetry(maxAttempts: 3, baseDelay: .milliseconds(200), maxDelay: .seconds(2), requestTimeout: .seconds(20))
            .configured(from: ProcessInfo.processInfo.environment),
        logger: Logger, interval: Duration = .seconds(1), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.registration = registration
        self.http = http
        self.retry = retry
        self.logger = logger
        self.interval = interval
        self.clock = clock
    }

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var worked = 0
            do {
                for submission in try await store.dueSubmissions(now: clock()) {
                    if await submit(submission.invoiceID) { worked += 1 }
                }
            } catch {
                logger.debug("submission.queue.waiting", metadata: ["error": "\(error)"])
            }
            if worked == 0 {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
            }
        }
    }

    /// One attempt at a pending submission. False when another attempt is already running or
    /// nothing was due.
    @discardableResult
    func submit(_ invoiceID: String) async -> Bool {
        guard inFlight.withLock({ $0.insert(invoiceID).inserted }) else { return false }
        defer { _ = inFlight.withLock { $0.remove(invoiceID) } }
        do {
            guard let submission = try await store.submission(invoiceID: invoiceID), submission.state == .pending,
                let stored = try await store.invoice(id: invoiceID), let xml = stored.stampedXML, let hash = stored.record.invoiceHash
            else { return false }
            try await attempt(submission, xml: xml, hash: hash)
            return true
        } catch {
            logger.error("submission.failed", metadata: ["invoice.id": "\(invoiceID)", "error": "\(error)"])
            return false
        }
    }

    private func attempt(_ submission: SubmissionRecord, xml: [UInt8], hash: String) async throws {
        let id = submission.invoiceID
        let now = clock()
        let access: PlatformAccess
        do {
            var options = CallOptions.defaults
            options.timeout = .seconds(10)
            access = try await Registration.Client(wrapping: registration).platformAccess(submission.egsID, options: options)
        } catch let error as RPCError where error.code == .notFound || error.code == .failedPrecondition {
            try await store.keepLocal(invoiceID: id, reason: "not submitted: \(error.message)", at: now)
            logger.info("submission.local", metadata: ["invoice.id": "\(id)", "egs.id": "\(submission.egsID)"])
            return
        } catch {
            try await store.deferSubmission(
                invoiceID: id, attempts: 0, next: now.addingTimeInterval(backoff(submission.attempts + 1)), status: nil,
                error: "the registration service did not answer: \(Self.short(error))", at: now
            )
            return
        }
        let client = FatooraClient(baseURL: access.baseURL, http: http, retry: retry, logger: logger)
        let credentials = FatooraCredentials(token: access.token, secret: access.secret)
        // The record's id is the document's UUID.
        let body = SignedSubmission(invoiceHash: hash, uuid: id, xml: Data(xml))
        var endpoint = submission.endpoint
        var attempts = 0
        while true {
            let result: SubmissionResult
            do {
                result = try await client.submit(body, to: endpoint == .clearance ? .clearance : .reporting, credentials: credentials)
            } catch let error as FatooraError {
                let count: Int = if case .unavailable(let made, _) = error { made } else { 1 }
                let next = now.addingTimeInterval(error.isTransient ? backoff(submission.attempts + 1) : max(backoff(submission.attempts + 1), 60))
                try await store.deferSubmission(invoiceID: id, attempts: attempts + count, next: next, status: Self.status(error), error: error.description, at: clock())
                logger.warning("submission.deferred", metadata: ["invoice.id": "\(id)", "endpoint": "\(endpoint.rawValue)", "error": "\(error)"])
                return
            }
            attempts += result.attempts
            switch result.outcome {
            case .clearanceOff where endpoint == .clearance:
                try await store.switchToReporting(invoiceID: id, at: clock())
                endpoint = .reporting
                logger.info("submission.clearance_off", metadata: ["invoice.id": "\(id)"])
                continue
            case .accepted, .duplicate, .clearanceOff:
                let status: InvoiceStatus = endpoint == .clearance ? .cleared : .reported
                let detail = "HTTP \(result.httpStatus)" + (result.platformStatus.map { " \($0)" } ?? "") + (result.outcome == .duplicate ? " (accepted before)" : "")
                _ = try await store.finishSubmission(
                    RecordOutcomeRequest(
                        id: id, status: status, source: "zatca", detail: detail, messages: result.warnings.map { Self.finding($0, .warning) },
                        clearedXML: endpoint == .clearance ? result.clearedInvoice : nil
                    ),
                    attempts: attempts, httpStatus: result.httpStatus, at: clock()
                )
                logger.info("submission.accepted", metadata: ["invoice.id": "\(id)", "status": "\(status.rawValue)", "http": "\(result.httpStatus)", "attempts": "\(attempts)"])
            case .rejected:
                _ = try await store.finishSubmission(
                    RecordOutcomeRequest(
                        id: id, status: .rejected, source: "zatca", detail: "HTTP \(result.httpStatus) " + (result.platformStatus ?? "rejected"),
                        messages: result.errors.map { Self.finding($0, .error) } + result.warnings.map { Self.finding($0, .warning) }
                    ),
                    attempts: attempts, httpStatus: result.httpStatus, at: clock()
                )
                logger.warning("submission.rejected", metadata: ["invoice.id": "\(id)", "codes": "\(result.errors.map(\.code).joined(separator: ","))"])
            }
            return
        }
    }

    /// Seconds before the next attempt: 2, 4, 8, … up to 5 minutes.
    private func backoff(_ attempt: Int) -> TimeInterval {
        min(pow(2, Double(min(attempt, 12))), 300)
    }

    static func finding(_ message: FatooraMessage, _ severity: Severity) -> Finding {
        Finding(rule: message.code, severity: severity, path: message.category ?? "", messageEN: message.message, messageAR: message.message)
    }

    static func status(_ error: FatooraError) -> Int? {
        switch error {
        case .unauthorized: 401
        case .refused(let status, _, _), .unexpected(let status, _): status
        case .unavailable(_, let last): last.hasPrefix("HTTP ") ? Int(last.dropFirst(5)) : nil
        }
    }

    static func short(_ error: any Error) -> String {
        if let error = error as? RPCError { return error.message }
        return "\(error)"
    }
}
