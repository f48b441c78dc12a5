import Foundation
import GRPCCore
import Logging
import SigningContract
import Synchronization
import UBLXML
import UnixSocketTransport
import ZATCACrypto
import ZATCAQR
import ZATCAStamp

/// The `Signing` RPCs: key custody, stamping, verification and QR images.
struct SigningHandler: Signing.ServiceProtocol {
    let store: SigningStore
    let registry: UnitRegistry
    let kek: KeyEncryptionKey
    let logger: Logger
    let maxDocumentSize: Int

    // MARK: Keys and certificates

    func createKey(_ request: CreateKeyRequest, context: ServerContext) async throws -> CreateKeyResponse {
        try Self.validateUnitID(request.egsID)
        guard try await store.unit(request.egsID) == nil else { throw SigningError.unitExists(request.egsID) }
        let key = try SigningKey.generate()
        let subject = CSRRequest(request.csr)
        let csr: String
        do {
            csr = try CSRBuilder.make(subject, key: key)
        } catch {
            throw SigningError.invalidRequest("The CSR cannot be made: \(error)")
        }
        let certificate = request.selfSigned ? try SelfSignedCertificate.make(key: key, subject: subject, validity: 365) : nil
        try await store.insertUnit(SigningStore.UnitRecord(
            egsID: request.egsID, createdAt: Date(), sealedKey: try kek.seal(key, unit: request.egsID), csrPEM: csr,
            certificateDER: certificate?.der, certificateKind: certificate == nil ? nil : CertificateKind.development.rawValue,
            lastICV: 0, lastHash: InvoiceHash.genesisPIH
        ))
        logger.info("Created a key", metadata: ["egs.id": "\(request.egsID)", "certificate": "\(certificate == nil ? "none" : "development")"])
        return CreateKeyResponse(unit: try await unit(request.egsID), csrPEM: csr)
    }

    func getCSR(_ request: UnitRequest, context: ServerContext) async throws -> CSRResponse {
        guard let record = try await store.unit(request.egsID) else { throw SigningError.unknownUnit(request.egsID) }
        guard let csr = record.csrPEM else {
            throw SigningError.invalidRequest("Unit \(request.egsID) was imported with its key; it has no CSR here.")
        }
        return CSRResponse(egsID: request.egsID, csrPEM: csr)
    }

    func installCertificate(_ request: InstallCertificateRequest, context: ServerContext) async throws -> SigningUnit {
        guard let record = try await store.unit(request.egsID) else { throw SigningError.unknownUnit(request.egsID) }
        let certificate = try Self.parseCertificate(request.certificate)
        let key = try kek.open(record.sealedKey, unit: request.egsID)
        guard certificate.matches(key) else {
            throw SigningError.certificateMismatch("its public key is not the key of \(request.egsID) (subject \(certificate.subject))")
        }
        try await store.installCertificate(request.egsID, der: certificate.der, kind: request.kind.rawValue)
        try await registry.chain(request.egsID).install(certificate, kind: request.kind)
        logger.info("Installed a certificate", metadata: ["egs.id": "\(request.egsID)", "kind": "\(request.kind.rawValue)", "serial": "\(certificate.serialNumberDecimal)"])
        return try await unit(request.egsID)
    }

    func importKey(_ request: ImportKeyRequest, context: ServerContext) async throws -> SigningUnit {
        try Self.validateUnitID(request.egsID)
        guard try await store.unit(request.egsID) == nil else { throw SigningError.unitExists(request.egsID) }
        let key: SigningKey
        do {
            key = try SigningKey(pem: request.privateKey)
        } catch {
            throw SigningError.invalidRequest("The private key cannot be read: \(error)")
        }
        let certificate = try Self.parseCertificate(request.certificate)
        guard certificate.matches(key) else {
            throw SigningError.certificateMismatch("the certificate's public key is not the imported key's")
        }
        if let hash = request.lastInvoiceHash, InvoiceHash(base64: hash) == nil, hash != InvoiceHash.genesisPIH {
            throw SigningError.invalidRequest("lastInvoiceHash must be base64 of a 32-byte SHA-256 hash.")
        }
        try await store.insertUnit(SigningStore.UnitRecord(
            egsID: request.egsID, createdAt: Date(), sealedKey: try kek.seal(key, unit: request.egsID), csrPEM: nil,
            certificateDER: certificate.der, certificateKind: request.kind.rawValue,
            lastICV: max(request.lastICV ?? 0, 0), lastHash: request.lastInvoiceHash ?? InvoiceHash.genesisPIH
        ))
        logger.info("Imported a key", metadata: ["egs.id": "\(request.egsID)", "kind": "\(request.kind.rawValue)"])
        return try await unit(request.egsID)
    }

    func listUnits(_ request: ListUnitsRequest, context: ServerContext) async throws -> ListUnitsResponse {
        ListUnitsResponse(units: try await store.units().map(Self.summary))
    }

    func getUnit(_ request: UnitRequest, context: ServerContext) async throws -> SigningUnit {
        try await unit(request.egsID)
    }

    private func unit(_ egsID: String) async throws -> SigningUnit {
        guard let record = try await store.unit(egsID) else { throw SigningError.unknownUnit(egsID) }
        return Self.summary(record)
    }

    static func summary(_ record: SigningStore.UnitRecord) -> SigningUnit {
        let certificate = record.certificateDER.flatMap { try? X509Certificate(der: $0) }
        return SigningUnit(
            egsID: record.egsID,
            createdAt: record.createdAt,
            certificate: certificate.map {
                CertificateSummary(
                    kind: record.certificateKind.flatMap(CertificateKind.init(rawValue:)) ?? .development,
                    subject: $0.subject, issuer: $0.issuerName, serialNumber: $0.serialNumberDecimal,
                    notBefore: $0.notBefore, notAfter: $0.notAfter, base64: $0.base64
                )
            },
            lastICV: record.lastICV,
            lastInvoiceHash: record.lastHash
        )
    }

    // MARK: Stamping

    func stamp(_ request: StampRequest, context: ServerContext) async throws -> StampResponse {
        let work = try await prepare(request)
        return try await work.chain.stamp(work.prepared, uuid: work.uuid, inputDigest: work.inputDigest, signingTime: work.signingTime)
    }

    static let maxUUIDBytes = 128

    /// A stamp request read and planned, with the chain it goes to.
    private struct PreparedStamp {
        var chain: UnitChain
        var prepared: PreparedInvoice
        var uuid: String
        var inputDigest: [UInt8]
        var signingTime: Date
    }

    /// The part of a stamp that runs in parallel with other calls: only the chain's part of the
    /// work waits for the unit's turn.
    private func prepare(_ request: StampRequest) async throws -> PreparedStamp {
        guard request.document.count <= maxDocumentSize else {
            throw SigningError.invalidDocument("The document is \(request.document.count) bytes; the signing service accepts at most \(maxDocumentSize).")
        }
        let document = Array(request.document)
        let chain = try await registry.chain(request.egsID)
        let prepared: PreparedInvoice
        do {
            prepared = try InvoiceStamper.prepare(document, maxDocumentSize: maxDocumentSize)
        } catch {
            throw SigningError.invalidDocument(error.description)
        }
        guard let uuid = prepared.uuid else { throw SigningError.invalidDocument("The document lacks cbc:UUID, which identifies it in the chain.") }
        // ZATCA's UUIDs are 36 characters; a unit holds the UUIDs it stamped until they are
        // indexed, so an outsized one is refused rather than kept.
        guard uuid.utf8.count <= Self.maxUUIDBytes else {
            throw SigningError.invalidDocument("cbc:UUID is \(uuid.utf8.count) bytes; a UUID is 36 characters (8-4-4-4-12 hexadecimal digits), and at most \(Self.maxUUIDBytes) bytes are accepted.")
        }
        return PreparedStamp(chain: chain, prepared: prepared, uuid: uuid, inputDigest: SHA256Digest.hash(document), signingTime: request.signingTime ?? Date())
    }

    func stampStream(
        _ requests: RPCAsyncSequence<BulkStampBatch, any Error>,
        _ responses: RPCWriter<BulkStampResults>,
        context: ServerContext
    ) async throws {
        // Up to 64 documents in flight, from the request until their answer is written. Answers
        // go out through one writer task (an RPC writer takes one message at a time); those that
        // finish while it writes wait in `ready` and leave together in its next message. A
        // client that sends quickly and reads slowly thus holds at most 64 answers here.
        let limit = 64
        let perTask = 8
        let limiter = AsyncLimiter(limit)
        let ready = ReadyAnswers(limiter: limiter)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in ready.wakeups {
                    let messages = ready.take()
                    for (index, items) in messages.enumerated() {
                        do {
                            try await responses.write(BulkStampResults(items: items))
                        } catch {
                            // The stream is broken: no more stamps for it, and every place held
                            // by an answer not written is free again.
                            ready.stop(error, unwritten: messages[index...].reduce(0) { $0 + $1.count })
                            throw error
                        }
                        ready.written(items.count)
                    }
                }
                // Ended by `finish()` (nothing is left then) or by cancellation: answers that
                // come later are dropped, and their places freed.
                ready.stop(CancellationError(), unwritten: 0)
            }
            var failure: (any Error)?
            do {
                // A discarding group frees each finished item at once (a plain task group keeps
                // every child, with its document, until the stream ends).
                try await withThrowingDiscardingTaskGroup { work in
                    for try await batch in requests {
                        // Refused whole: an answer per document would let one 16 MiB message
                        // queue a million answers. Stamps already made are kept; their repeats
                        // are answered with the first stamp (same UUID, same document).
                        guard batch.items.count <= BulkStampBatch.maxItems else {
                            throw RPCError(
                                code: .invalidArgument,
                                message: "A bulk stamp message carries at most \(BulkStampBatch.maxItems) documents; this one carried \(batch.items.count). Send them in smaller messages."
                            )
                        }
                        // One task for up to `perTask` documents of a message, one after another:
                        // parallel work comes from the groups in flight, and a task per document
                        // cost more than it gained. The task ends once its stamps are queued for
                        // their commits; each answer is added where its commit settles it
                        // (usually the committer's thread), keeping the sequence number only,
                        // not the request and its document.
                        for start in stride(from: 0, to: batch.items.count, by: perTask) {
                            // A copy of its own: a slice would keep the whole message alive.
                            let items = Array(batch.items[start..<min(start + perTask, batch.items.count)])
                            // A cancelled stream (the client went away) stamps nothing more.
                            try Task.checkCancellation()
                            for _ in items { await limiter.acquire() }
                            if let stopped = ready.stopped {
                                for _ in items { limiter.release() }
                                throw stopped
                            }
                            work.addTask {
                                for item in items {
                                    let sequence = item.sequence
                                    let answer: @Sendable (Result<StampResponse, any Error>) -> Void = { result in
                                        ready.add(Self.answer(sequence, result))
                                    }
                                    do {
                                        try Task.checkCancellation()
                                        // The writer stopped: its answer could not be sent.
                                        if let stopped = ready.stopped { throw stopped }
                                        let stamp = try await prepare(item.request)
                                        try Task.checkCancellation()
                                        stamp.chain.stamp(stamp.prepared, uuid: stamp.uuid, inputDigest: stamp.inputDigest, signingTime: stamp.signingTime, completion: answer)
                                    } catch {
                                        answer(.failure(error))
                                    }
                                }
                            }
                        }
                    }
                }
            } catch {
                failure = error
            }
            // Every document in flight answered and its answer written (or dropped, when the
            // writer has stopped), even when the stream fails: all of the limiter's places are
            // free again. The answers written meanwhile still reach the client ahead of the error.
            for _ in 0..<limit { await limiter.acquire() }
            ready.finish()
            if let failure {
                try? await group.waitForAll()
                throw failure
            }
            try await group.waitForAll()
        }
    }

    /// One document's answer in a bulk stream.
    private static func answer(_ sequence: Int64, _ result: Result<StampResponse, any Error>) -> BulkStampResponse {
        switch result {
        case .success(let stamp):
            return BulkStampResponse(sequence: sequence, stamp: stamp)
        case .failure(let error):
            let rpc: RPCError
            switch error {
            case let error as SigningError:
                rpc = RPCError(error)
            case is CancellationError:
                // Checked up to the unit's turn, never after: a stamp made is answered.
                rpc = RPCError(code: .cancelled, message: "The stream ended before this document was stamped; nothing was issued for it.")
            default:
                rpc = RPCError(code: .internalError, message: "\(error)")
            }
            return BulkStampResponse(sequence: sequence, errorCode: rpc.code.rawValue, errorMessage: rpc.message)
        }
    }

    // MARK: Verification and QR

    func verify(_ request: VerifyRequest, context: ServerContext) async throws -> VerifyResponse {
        guard request.document.count <= maxDocumentSize else {
            throw SigningError.invalidDocument("The document is \(request.document.count) bytes; the limit is \(maxDocumentSize).")
        }
        let report = InvoiceVerifier.verify(Array(request.document), expectedPreviousHash: request.expectedPreviousInvoiceHash, maxDocumentSize: maxDocumentSize)
        return VerifyResponse(
            passed: report.passed,
            checks: report.checks.map { .init(id: $0.id, name: $0.name, passed: $0.passed, detail: $0.detail, expected: $0.expected, found: $0.found) },
            facts: report.facts
        )
    }

    func renderQR(_ request: QRImageRequest, context: ServerContext) async throws -> QRImageResponse {
        var text = request.qrCode
        if text == nil, let document = request.document {
            guard document.count <= maxDocumentSize else {
                throw SigningError.invalidDocument("The document is \(document.count) bytes; the limit is \(maxDocumentSize).")
            }
            do {
                text = try InvoiceIdentity(document: Array(document)).qrCode
            } catch {
                throw SigningError.invalidDocument("The document cannot be read: \(error)")
            }
        }
        guard let text, !text.isEmpty else {
            throw SigningError.invalidRequest("Give a stamped document with a QR reference, or the QR text itself.")
        }
        // An image of what a scanner must read as ZATCA's TLV, or none.
        do {
            _ = try QRCodeTLV(base64: text)
        } catch {
            throw SigningError.invalidRequest("The QR text is not base64 of ZATCA's TLV: \(error)")
        }
        guard (1...32).contains(request.moduleSize) else { throw SigningError.invalidRequest("moduleSize must be 1 to 32 pixels.") }
        let image: QRCodeImage
        do {
            image = try QRCodeImage(text: text)
        } catch {
            throw SigningError.invalidRequest("\(error)")
        }
        switch request.format {
        case .png: return QRImageResponse(image: Data(image.png(moduleSize: request.moduleSize)), mimeType: "image/png", qrCode: text)
        case .svg: return QRImageResponse(image: Data(image.svg(moduleSize: request.moduleSize).utf8), mimeType: "image/svg+xml", qrCode: text)
        }
    }

    // MARK: Helpers

    static func validateUnitID(_ id: String) throws {
        guard !id.isEmpty, id.count <= 64, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
            throw SigningError.invalidRequest("An EGS unit id is 1 to 64 letters, digits, '-', '_' or '.'; got '\(id)'.")
        }
    }

    /// A certificate as PEM, base64 DER, or ZATCA's `binarySecurityToken` (base64 of base64 DER).
    static func parseCertificate(_ text: String) throws -> X509Certificate {
        if let certificate = try? X509Certificate(pem: text) { return certificate }
        if let decoded = Data(base64Encoded: text.filter { !$0.isWhitespace }).flatMap({ String(data: $0, encoding: .utf8) }),
            let certificate = try? X509Certificate(pem: decoded)
        {
            return certificate
        }
        throw SigningError.invalidRequest("The certificate is not PEM, base64 DER, or a ZATCA binarySecurityToken.")
    }
}

extension CSRRequest {
    init(_ fields: CSRFields) {
        self.init(
            commonName: fields.commonName, organizationName: fields.organizationName, organizationUnit: fields.organizationUnit,
            country: "SA", serialNumber: fields.serialNumber, vatNumber: fields.vatNumber, invoiceTypes: fields.invoiceTypes,
            registeredAddress: fields.registeredAddress, businessCategory: fields.businessCategory,
            environment: ZATCAEnvironment(rawValue: fields.environment.rawValue) ?? .sandbox
        )
    }
}

/// A bulk stream's answers that are ready and not yet written. Adding to an empty list wakes
/// the writer; one wake-up is kept at most, since the writer takes the whole list.
final class ReadyAnswers: Sendable {
    private struct State {
        var answers: [BulkStampResponse] = []
        /// Why the writer stopped, once it has: answers are dropped from then on.
        var stopped: (any Error)?
    }

    private let state = Mutex(State())
    /// Each answer holds a place until it is written or dropped.
    private let limiter: AsyncLimiter
    private let wake: AsyncStream<Void>.Continuation
    let wakeups: AsyncStream<Void>

    init(limiter: AsyncLimiter) {
        self.limiter = limiter
        (wakeups, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    func add(_ answer: BulkStampResponse) {
        let (first, dropped) = state.withLock { state -> (Bool, Bool) in
            guard state.stopped == nil else { return (false, true) }
            state.answers.append(answer)
            return (state.answers.count == 1, false)
        }
        if dropped {
            limiter.release()
        } else if first {
            wake.yield()
        }
    }

    /// `count` answers taken with ``take()`` are written: their places are free.
    func written(_ count: Int) {
        for _ in 0..<count { limiter.release() }
    }

    /// The writer stopped: the answers waiting, the `unwritten` ones it had taken, and every one
    /// added from now on give their places back unsent.
    func stop(_ error: any Error, unwritten: Int) {
        let waiting = state.withLock { state -> Int in
            if state.stopped == nil { state.stopped = error }
            defer { state.answers = [] }
            return state.answers.count
        }
        written(waiting + unwritten)
    }

    /// Why the writer stopped, if it has.
    var stopped: (any Error)? { state.withLock { $0.stopped } }

    /// The answers ready now, in messages of at most ``messageBytes`` of documents: under the
    /// transport's compression threshold (64 KiB by default), since zlib on a local socket costs far more
    /// CPU than the bytes it saves (a message of 8 stamps took about 0.7 ms to compress).
    func take() -> [[BulkStampResponse]] {
        let all = state.withLock { state in
            defer { state.answers = [] }
            return state.answers
        }
        var messages: [[BulkStampResponse]] = []
        var size = 0
        for answer in all {
            let bytes = (answer.stamp?.document.count ?? 0) + 512
            if messages.isEmpty || size + bytes > Self.messageBytes {
                messages.append([])
                size = 0
            }
            messages[messages.count - 1].append(answer)
            size += bytes
        }
        return messages
    }

    /// Three quarters of the threshold, leaving room for the other fields of each answer.
    static let messageBytes = UnixSocketTransportConfiguration.default.compressionThreshold / 4 * 3

    /// No more answers: the writer ends after the last wake-up.
    func finish() { wake.finish() }
}
