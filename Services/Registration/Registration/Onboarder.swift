import AsyncHTTPClient
import FatooraClient
import Foundation
import GRPCCore
import InvoiceModel
import InvoicingContract
import Logging
import NotificationContract
import RegistrationContract
import SigningContract
import UnixSocketTransport
import ZATCACrypto

/// Takes a unit from registration to a production CSID installed in signing, one durable step
/// at a time:
///
/// registered → (signing: key + CSR) → key-created → (Fatoora `compliance`, OTP) →
/// compliance-csid → (invoicing builds, signing stamps, Fatoora `compliance/invoices`, each
/// document the invoice types need) → compliance-checked → (Fatoora `production/csids`) →
/// production-csid → (signing installs it) → onboarded.
///
/// Each step's result is stored before the next starts, so a crash of any service at any point
/// resumes where it stopped: the step is done again (every step is safe to repeat) or skipped.
/// Only the compliance CSID needs the OTP; after it, onboarding goes on by itself
/// (``OnboardingResumer``). One unit's onboarding runs one at a time.
final class Onboarder: Sendable {
    let store: RegistrationStore
    let directory: PlatformDirectory
    let secrets: CSIDSecrets
    let signing: GRPCClient<UnixSocketClientTransport>
    let invoicing: GRPCClient<UnixSocketClientTransport>
    let notification: GRPCClient<UnixSocketClientTransport>
    let http: HTTPClient
    let retry: FatooraRetry
    let logger: Logger
    let locks = UnitLocks()
    let clock: @Sendable () -> Date

    init(
        store: RegistrationStore, directory: PlatformDirectory, secrets: CSIDSecrets, signing: GRPCClient<UnixSocketClientTransport>,
        invoicing: GRPCClient<UnixSocketClientTransport>, notification: GRPCClient<UnixSocketClientTransport>, http: HTTPClient = .shared,
        retry: FatooraRetry = FatooraRetry(maxAttempts: 4), logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.directory = directory
        self.secrets = secrets
        self.signing = signing
        self.invoicing = invoicing
        self.notification = notification
        self.http = http
        self.retry = retry
        self.logger = logger
        self.clock = clock
    }

    private var options: CallOptions {
        var options = CallOptions.defaults
        options.timeout = .seconds(30)
        return options
    }

    /// Runs the unit's onboarding as far as it can go. Throws when it stops short: waiting for
    /// an OTP, a service or the platform away (``RegistrationError/unavailable(_:)``, resumed
    /// later), or refused by the platform.
    func onboard(_ egsID: String, otp: String?) async throws -> RegistrationStore.UnitRow {
        await locks.acquire(egsID)
        defer { Task { await locks.release(egsID) } }
        while true {
            guard let row = try await store.unit(egsID) else { throw RegistrationError.notFound("No EGS unit '\(egsID)'. Add it first (einvoice egs add).") }
            if row.state == .onboarded { return row }
            let step = row.state
            do {
                try await advance(row, otp: otp)
            } catch let error as RegistrationError {
                throw try await pause(egsID, at: step, error)
            } catch let error as FatooraError {
                if error.isTransient {
                    throw try await pause(egsID, at: step, .unavailable("the Fatoora platform did not answer: \(error)"))
                }
                let failure = RegistrationError.failedPrecondition("\(Self.stepName(step)) failed: \(error)")
                throw try await pause(egsID, at: step, failure)
            } catch let error as RPCError {
                let mapped: RegistrationError =
                    [.unavailable, .deadlineExceeded, .cancelled].contains(error.code)
                    ? .unavailable("\(Self.serviceName(for: step)) did not answer (\(error.message))")
                    : .failedPrecondition("\(Self.stepName(step)) failed: \(error.message)")
                throw try await pause(egsID, at: step, mapped)
            }
        }
    }

    /// Records why the onboarding stopped, and says so in the error the caller sees.
    private func pause(_ egsID: String, at step: OnboardingState, _ error: RegistrationError) async throws -> RegistrationError {
        let transient: Bool
        let message: String
        switch error {
        case .unavailable(let reason):
            transient = true
            message = "Onboarding of \(egsID) is paused at '\(Self.stepName(step))': \(reason). It resumes by itself when that is back; follow it with einvoice egs show \(egsID)."
        case .failedPrecondition(let reason) where step == .keyCreated && reason.hasPrefix("OTP"):
            transient = false
            message = reason
        default:
            transient = false
            message = "Onboarding of \(egsID) stopped at '\(Self.stepName(step))': \(error.description)"
        }
        _ = try await store.update(egsID, step: Self.stepName(step), outcome: transient ? "waiting" : "failed", detail: message, at: clock()) { row in
            row.lastError = message
            row.halted = !transient
        }
        logger.warning("onboarding.paused", metadata: ["egs.id": "\(egsID)", "step": "\(step.rawValue)", "transient": "\(transient)", "reason": "\(message)"])
        if !transient, step != .keyCreated || !message.hasPrefix("OTP") {
            await announce(.onboardingFailed, egsID: egsID, messages: [message])
        }
        return transient ? .unavailable(message) : .failedPrecondition(message)
    }

    /// One step forward from the unit's stored state.
    private func advance(_ row: RegistrationStore.UnitRow, otp: String?) async throws {
        let egsID = row.request.egsID
        switch row.state {
        case .registered:
            let csr = try await keyAndCSR(row)
            _ = try await store.update(egsID, step: "key-and-csr", outcome: "done", detail: "signing made the unit's key and CSR", at: clock()) { row in
                row.state = .keyCreated
                row.csrPEM = csr
                row.lastError = nil
                row.halted = false
            }
        case .keyCreated:
            guard let otp, !otp.isEmpty else {
                throw RegistrationError.failedPrecondition(
                    "OTP needed: the compliance CSID of \(egsID) needs a one-time password from the Fatoora portal (einvoice egs onboard \(egsID) --otp -, then type it)."
                )
            }
            guard let csr = row.csrPEM else { throw RegistrationError.storage("unit \(egsID) has no CSR") }
            let csid = try await platform(row.request.environment).complianceCSID(csrPEM: csr, otp: otp)
            let certificate = try Self.certificate(csid)
            let sealed = try secrets.seal(csid.secret, egsID: egsID, kind: "compliance")
            try await store.clearComplianceDocuments(egsID)
            _ = try await store.update(
                egsID, step: "compliance-csid", outcome: "done", detail: "request \(csid.requestID), certificate serial \(certificate.serialNumberDecimal)", at: clock()
            ) { row in
                row.state = .complianceCSID
                row.complianceRequestID = csid.requestID
                row.complianceToken = csid.token
                row.complianceSecret = sealed
                row.lastError = nil
                row.halted = false
            }
        case .complianceCSID:
            try await install(row, token: row.complianceToken, kind: .compliance)
            try await complianceChecks(row)
            _ = try await store.update(egsID, step: "compliance-checks", outcome: "done", detail: ComplianceDocuments.required(invoiceTypes: row.request.invoiceTypes).joined(separator: ", "), at: clock()) { row in
                row.state = .complianceChecked
                row.lastError = nil
                row.halted = false
            }
        case .complianceChecked:
            guard let requestID = row.complianceRequestID, let token = row.complianceToken, let sealed = row.complianceSecret else {
                throw RegistrationError.storage("unit \(egsID) has no compliance CSID")
            }
            let credentials = FatooraCredentials(token: token, secret: try secrets.open(sealed, egsID: egsID, kind: "compliance"))
            let csid = try await platform(row.request.environment).productionCSID(complianceRequestID: requestID, compliance: credentials)
            let certificate = try Self.certificate(csid)
            let sealedProduction = try secrets.seal(csid.secret, egsID: egsID, kind: "production")
            _ = try await store.update(
                egsID, step: "production-csid", outcome: "done", detail: "certificate serial \(certificate.serialNumberDecimal), valid until \(certificate.notAfter)", at: clock()
            ) { row in
                row.state = .productionCSID
                row.productionToken = csid.token
                row.productionSecret = sealedProduction
                row.lastError = nil
                row.halted = false
            }
        case .productionCSID:
            let certificate = try await install(row, token: row.productionToken, kind: .production)
            _ = try await store.update(egsID, step: "install-production", outcome: "done", detail: "signing stamps with the production CSID", at: clock()) { row in
                row.state = .onboarded
                row.certificateKind = "production"
                row.certificateSerial = certificate.serialNumberDecimal
                row.certificateExpiry = certificate.notAfter
                row.lastError = nil
                row.halted = false
            }
            logger.info("onboarding.finished", metadata: ["egs.id": "\(egsID)"])
            await announce(.onboardingFinished, egsID: egsID, messages: [])
        case .onboarded:
            return
        }
    }

    // MARK: Steps

    /// The unit's key and CSR in signing; a key made before (a repeated step) is kept.
    private func keyAndCSR(_ row: RegistrationStore.UnitRow) async throws -> String {
        let client = Signing.Client(wrapping: signing)
        guard let taxpayer = try await store.taxpayer(row.request.vatNumber) else { throw RegistrationError.notFound("No taxpayer \(row.request.vatNumber).") }
        do {
            let created = try await client.createKey(CreateKeyRequest(egsID: row.request.egsID, csr: Self.csrFields(row, taxpayer: taxpayer), selfSigned: false), options: options)
            return created.csrPEM
        } catch let error as RPCError where error.code == .alreadyExists {
            return try await client.getCSR(UnitRequest(egsID: row.request.egsID), options: options).csrPEM
        }
    }

    /// Installs a CSID's certificate in signing unless it is already there.
    @discardableResult
    private func install(_ row: RegistrationStore.UnitRow, token: String?, kind: CertificateKind) async throws -> X509Certificate {
        guard let token else { throw RegistrationError.storage("unit \(row.request.egsID) has no \(kind.rawValue) CSID") }
        let certificate: X509Certificate
        do {
            certificate = try X509Certificate(binarySecurityToken: token)
        } catch {
            throw RegistrationError.failedPrecondition("the \(kind.rawValue) CSID's certificate cannot be read: \(error)")
        }
        let client = Signing.Client(wrapping: signing)
        let current = try await client.getUnit(row.request.egsID, options: options).certificate
        if current?.base64 != certificate.base64 || current?.kind != kind {
            _ = try await client.installCertificate(InstallCertificateRequest(egsID: row.request.egsID, certificate: certificate.base64, kind: kind), options: options)
            logger.info("onboarding.certificate.installed", metadata: ["egs.id": "\(row.request.egsID)", "kind": "\(kind.rawValue)"])
        }
        return certificate
    }

    /// Every compliance document the unit's invoice types need: built by invoicing from the
    /// taxpayer's data, stamped by signing with the compliance certificate, kept, then sent.
    private func complianceChecks(_ row: RegistrationStore.UnitRow) async throws {
        let egsID = row.request.egsID
        guard let token = row.complianceToken, let sealed = row.complianceSecret else { throw RegistrationError.storage("unit \(egsID) has no compliance CSID") }
        guard let taxpayer = try await store.taxpayer(row.request.vatNumber) else { throw RegistrationError.notFound("No taxpayer \(row.request.vatNumber).") }
        let credentials = FatooraCredentials(token: token, secret: try secrets.open(sealed, egsID: egsID, kind: "compliance"))
        let platform = try platform(row.request.environment)
        var documents = Dictionary(uniqueKeysWithValues: try await store.complianceDocuments(egsID).map { ($0.name, $0) })
        for name in ComplianceDocuments.required(invoiceTypes: row.request.invoiceTypes) {
            if documents[name]?.passed == true { continue }
            let document: RegistrationStore.ComplianceDocument
            if let stored = documents[name] {
                document = stored
            } else {
                document = try await build(name, taxpayer: taxpayer, egsID: egsID)
                try await store.save(document, egsID: egsID)
            }
            let result = try await platform.submit(
                SignedSubmission(invoiceHash: document.invoiceHash, uuid: document.uuid, xml: Data(document.stampedXML)), to: .compliance, credentials: credentials
            )
            switch result.outcome {
            case .accepted, .duplicate:
                var passed = document
                passed.passed = true
                try await store.save(passed, egsID: egsID)
                documents[name] = passed
                _ = try await store.update(egsID, step: "compliance-check \(name)", outcome: "done", detail: "HTTP \(result.httpStatus)" + Self.warnings(result), at: clock()) { _ in }
            case .rejected, .clearanceOff:
                let reasons = result.errors.map { "\($0.code): \($0.message)" }.joined(separator: "; ")
                throw RegistrationError.failedPrecondition("the platform rejected the \(name) compliance document (HTTP \(result.httpStatus)): \(reasons)")
            }
        }
    }

    private func build(_ name: String, taxpayer: Taxpayer, egsID: String) async throws -> RegistrationStore.ComplianceDocument {
        let draft = ComplianceDocuments.draft(name, taxpayer: taxpayer, egsID: egsID)
        let built = try await Invoicing.Client(wrapping: invoicing).validate(ValidateRequest(draft: draft), options: options)
        guard built.valid, let xml = built.xml else {
            let reasons = built.findings.errors.map { "\($0.rule) \($0.path): \($0.messageEN)" }.joined(separator: "; ")
            throw RegistrationError.failedPrecondition("the \(name) compliance document for taxpayer \(taxpayer.vatNumber) is not valid: \(reasons)")
        }
        let stamped = try await Signing.Client(wrapping: signing).stamp(StampRequest(egsID: egsID, document: xml), options: options)
        return RegistrationStore.ComplianceDocument(name: name, stampedXML: Array(stamped.document), invoiceHash: stamped.invoiceHash, uuid: stamped.uuid, passed: false)
    }

    // MARK: Renewal

    /// A new production CSID for the unit's CSR, with an OTP and the current production CSID.
    func renew(_ egsID: String, otp: String) async throws -> RegistrationStore.UnitRow {
        await locks.acquire(egsID)
        defer { Task { await locks.release(egsID) } }
        guard let row = try await store.unit(egsID) else { throw RegistrationError.notFound("No EGS unit '\(egsID)'.") }
        guard row.state == .onboarded, let token = row.productionToken, let sealed = row.productionSecret else {
            throw RegistrationError.failedPrecondition("Unit \(egsID) is \(row.state.rawValue); only an onboarded unit is renewed. Onboard it: einvoice egs onboard \(egsID) --otp -")
        }
        do {
            let csr = try await Signing.Client(wrapping: signing).getCSR(UnitRequest(egsID: egsID), options: options).csrPEM
            let current = FatooraCredentials(token: token, secret: try secrets.open(sealed, egsID: egsID, kind: "production"))
            let csid = try await platform(row.request.environment).renewProductionCSID(csrPEM: csr, otp: otp, current: current)
            let sealedNew = try secrets.seal(csid.secret, egsID: egsID, kind: "production")
            var renewed = try await store.update(egsID, step: "renewal", outcome: "done", detail: "new production CSID issued", at: clock()) { row in
                row.state = .productionCSID
                row.productionToken = csid.token
                row.productionSecret = sealedNew
                row.lastError = nil
                row.halted = false
            }
            let certificate = try await install(renewed, token: csid.token, kind: .production)
            renewed = try await store.update(egsID, step: "install-production", outcome: "done", detail: "signing stamps with the renewed CSID", at: clock()) { row in
                row.state = .onboarded
                row.certificateKind = "production"
                row.certificateSerial = certificate.serialNumberDecimal
                row.certificateExpiry = certificate.notAfter
            }
            return renewed
        } catch let error as FatooraError {
            throw error.isTransient ? RegistrationError.unavailable("Renewal of \(egsID): \(error)") : RegistrationError.failedPrecondition("Renewal of \(egsID): \(error)")
        }
    }

    /// The unit's production CSID and where to use it.
    func access(_ egsID: String) async throws -> PlatformAccess {
        guard let row = try await store.unit(egsID) else { throw RegistrationError.notFound("No EGS unit '\(egsID)' is registered for the platform.") }
        guard row.state == .onboarded, let token = row.productionToken, let sealed = row.productionSecret else {
            throw RegistrationError.failedPrecondition("Unit \(egsID) is not onboarded (\(row.state.rawValue)); it has no production CSID yet.")
        }
        return PlatformAccess(
            egsID: egsID, environment: row.request.environment, baseURL: try directory.baseURL(row.request.environment), token: token,
            secret: try secrets.open(sealed, egsID: egsID, kind: "production")
        )
    }

    // MARK: Helpers

    private func platform(_ environment: PlatformEnvironment) throws -> FatooraClient {
        FatooraClient(baseURL: try directory.baseURL(environment), http: http, retry: retry, logger: logger)
    }

    private func announce(_ kind: EventKind, egsID: String, messages: [String]) async {
        guard let row = try? await store.unit(egsID) else { return }
        let taxpayer = try? await store.taxpayer(row.request.vatNumber)
        var options = CallOptions.defaults
        options.timeout = .seconds(5)
        let event = Event(
            kind: kind, subject: "\(egsID):\(kind == .onboardingFinished ? (row.certificateSerial ?? "") : String(Int(clock().timeIntervalSince1970)))",
            sellerName: taxpayer?.nameAR, sellerVAT: row.request.vatNumber, messages: messages, egsID: egsID, expiresAt: row.certificateExpiry
        )
        do {
            _ = try await Notifications.Client(wrapping: notification).publish(PublishRequest(event: event), options: options)
        } catch {
            logger.warning("onboarding.announce.failed", metadata: ["egs.id": "\(egsID)", "event": "\(kind.rawValue)", "error": "\(error)"])
        }
    }

    static func certificate(_ csid: FatooraCSID) throws -> X509Certificate {
        do {
            return try X509Certificate(binarySecurityToken: csid.token)
        } catch {
            throw RegistrationError.failedPrecondition("the platform's binarySecurityToken is not a certificate: \(error)")
        }
    }

    static func warnings(_ result: SubmissionResult) -> String {
        result.warnings.isEmpty ? "" : ", warnings: " + result.warnings.map(\.code).joined(separator: ", ")
    }

    /// The CSR fields of a unit: CN its name, O the taxpayer, OU its branch (a VAT group's TIN).
    static func csrFields(_ row: RegistrationStore.UnitRow, taxpayer: Taxpayer) -> CSRFields {
        CSRFields(
            commonName: row.request.name, organizationName: taxpayer.nameEN ?? taxpayer.nameAR,
            organizationUnit: taxpayer.vatGroup ? (taxpayer.groupTIN ?? row.request.branch) : row.request.branch, serialNumber: row.request.serial,
            vatNumber: taxpayer.vatNumber, invoiceTypes: row.request.invoiceTypes, registeredAddress: row.location, businessCategory: row.industry,
            environment: SigningEnvironment(rawValue: row.request.environment.rawValue) ?? .simulation
        )
    }

    static func stepName(_ state: OnboardingState) -> String {
        switch state {
        case .registered: "key and CSR"
        case .keyCreated: "compliance CSID"
        case .complianceCSID: "compliance checks"
        case .complianceChecked: "production CSID"
        case .productionCSID: "installing the production CSID"
        case .onboarded: "onboarded"
        }
    }

    static func serviceName(for state: OnboardingState) -> String {
        switch state {
        case .registered, .productionCSID: "the signing service"
        case .complianceCSID: "the signing or invoicing service"
        default: "a service"
        }
    }
}

/// One holder per unit at a time; the others wait in order.
actor UnitLocks {
    private var busy: Set<String> = []
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]

    func acquire(_ id: String) async {
        guard busy.contains(id) else {
            busy.insert(id)
            return
        }
        await withCheckedContinuation { waiters[id, default: []].append($0) }
    }

    func release(_ id: String) {
        if var queue = waiters[id], !queue.isEmpty {
            let next = queue.removeFirst()
            waiters[id] = queue
            next.resume()
        } else {
            busy.remove(id)
        }
    }
}

/// CSID secrets sealed at rest (AES-256-GCM) under registration's key-encryption key.
struct CSIDSecrets: Sendable {
    let key: [UInt8]

    func seal(_ secret: String, egsID: String, kind: String) throws -> [UInt8] {
        try KeyWrap.seal(Array(secret.utf8), key: key, associatedData: Array("einvoice-csid:\(egsID):\(kind)".utf8))
    }

    func open(_ sealed: [UInt8], egsID: String, kind: String) throws -> String {
        String(decoding: try KeyWrap.open(sealed, key: key, associatedData: Array("einvoice-csid:\(egsID):\(kind)".utf8)), as: UTF8.self)
    }
}
