import Foundation
import Logging
import SigningContract
import Synchronization
import UBLXML
import ZATCACrypto
import ZATCAStamp

/// One EGS unit's key, certificate and invoice chain. Stamps for the unit take their turn under
/// the unit's lock, each taking the next ICV and the previous hash; the wait for durability
/// happens outside it, so the next stamp can be computed while the last one commits.
///
/// A lock rather than an actor: the turn is short (hash, sign, assemble: tens of microseconds)
/// and never suspends, and a stamp then needs no hop onto an actor and back.
///
/// If a commit fails, the stamps computed on top of it fail too (the store refuses any stamp that
/// does not continue the committed chain), and the chain resumes from the committed state: no
/// gap, no repeated ICV, no PIH pointing at a document nobody received.
final class UnitChain: Sendable {
    let egsID: String
    private let store: SigningStore
    private let committer: StampCommitter
    private let key: SigningKey
    /// Where the unit's earlier stamps are found by UUID.
    let uuids: UnitUUIDs

    private struct State {
        var stamper: InvoiceStamper?
        var certificateKind: CertificateKind?
        /// The stamper's certificate as the store records it.
        var certificateRecord: (digest: String, der: [UInt8])?
        var lastICV: Int64
        var lastHash: String
        /// Bumped when the chain is reloaded after a failed commit; stamps of an older epoch
        /// that fail afterwards do not reload it again.
        var epoch = 0
        /// What stored documents are compressed against: the unit's first compact document.
        var dictionary: DocumentDictionary?
    }

    private let state: Mutex<State>
    /// How many times a request found its UUID being committed and waited for it (for tests).
    static let copiesWaited = Atomic<Int>(0)
    /// Stamps computed but not yet durable, by UUID: a retry of one waits for it. A lock of its
    /// own, taken briefly inside the unit's turn and by the committer's thread after each
    /// successful commit, which must not wait while a turn signs.
    private let pending = Mutex<[String: CommitTicket]>([:])

    init(
        record: SigningStore.UnitRecord, key: SigningKey, uuids: UnitUUIDs, dictionary: DocumentDictionary?,
        store: SigningStore, committer: StampCommitter
    ) throws {
        egsID = record.egsID
        self.store = store
        self.committer = committer
        self.key = key
        self.uuids = uuids
        var initial = State(lastICV: record.lastICV, lastHash: record.lastHash, dictionary: dictionary)
        if let der = record.certificateDER {
            let certificate = try X509Certificate(der: der)
            initial.stamper = InvoiceStamper(key: key, certificate: certificate)
            initial.certificateRecord = (certificate.zatcaDigest, certificate.der)
            initial.certificateKind = record.certificateKind.flatMap(CertificateKind.init(rawValue:))
        }
        state = Mutex(initial)
    }

    func install(_ certificate: X509Certificate, kind: CertificateKind) {
        let stamper = InvoiceStamper(key: key, certificate: certificate)
        state.withLock { state in
            state.stamper = stamper
            state.certificateRecord = (certificate.zatcaDigest, certificate.der)
            state.certificateKind = kind
        }
    }

    var chainState: (icv: Int64, hash: String) { state.withLock { ($0.lastICV, $0.lastHash) } }

    /// What the unit's turn decided for one stamp request.
    private enum Turn: Sendable {
        /// The same UUID is being committed: wait for it, then look again.
        case waitFor(CommitTicket)
        /// Stamped before: the first stamp, again.
        case answered(StampResponse)
        /// A new stamp, queued for the next commit (or refused by a stopped committer: its
        /// ticket is then settled with that, outside the lock).
        case committing(CommitTicket, StampResponse, queued: Bool)
    }

    func stamp(_ prepared: PreparedInvoice, uuid: String, inputDigest: [UInt8], signingTime: Date) async throws -> StampResponse {
        try await withCheckedThrowingContinuation { continuation in
            stamp(prepared, uuid: uuid, inputDigest: inputDigest, signingTime: signingTime) { continuation.resume(with: $0) }
        }
    }

    /// Takes the unit's turn now and calls `completion` once the stamp is durable, or with why
    /// it is not. That is usually on the committer's thread, right after the commit: a caller
    /// that only passes the answer on (the bulk stream) then needs no task to resume, and the
    /// answer does not wait behind the stamps queued on Swift's pool. `completion` must be
    /// short and must not block.
    func stamp(
        _ prepared: PreparedInvoice, uuid: String, inputDigest: [UInt8], signingTime: Date,
        completion: @escaping @Sendable (Result<StampResponse, any Error>) -> Void
    ) {
        let turn: Turn
        do {
            turn = try self.turn(prepared, uuid: uuid, inputDigest: inputDigest, signingTime: signingTime)
        } catch {
            return completion(.failure(error))
        }
        switch turn {
        case .answered(let response):
            completion(.success(response))
        case .waitFor(let inFlight):
            Self.copiesWaited.add(1, ordering: .relaxed)
            // The same UUID is being committed: look again once it is settled, on a task of
            // its own (a turn may sign, which has no place on the committer's thread).
            inFlight.whenResolved { _ in
                Task { self.stamp(prepared, uuid: uuid, inputDigest: inputDigest, signingTime: signingTime, completion: completion) }
            }
        case .committing(let ticket, let response, let queued):
            if !queued { ticket.resolve(.failure(StampCommitter.stoppedError)) }
            ticket.whenResolved { completion($0.map { response }) }
        }
    }

    /// What follows a commit, for the stamp's ticket and the chain: the ticket's cleanup, run
    /// before the ticket shows as settled. So a copy of the document that finds the ticket in
    /// `pending` and waits on it looks again only once the ticket has left `pending`.
    ///
    /// It runs on the committer's thread. After a failed commit it takes the unit's lock and
    /// reads the committed head back, waiting for a turn in progress to finish: rare, and
    /// the chain must not go on from the stale state meanwhile.
    private func settle(_ ticket: CommitTicket, uuid: String, icv: Int64, epoch: Int, result: Result<Void, any Error>) {
        if case .failure = result {
            uuids.remove(uuid, icv: icv)
            state.withLock { state in
                guard state.epoch == epoch else { return }
                state.epoch += 1
                if let record = try? store.unitNow(egsID) {
                    state.lastICV = record.lastICV
                    state.lastHash = record.lastHash
                }
            }
        }
        // After the reload: a retry of this UUID waits for the ticket until then.
        pending.withLock { pending in
            if pending[uuid] === ticket { pending[uuid] = nil }
        }
    }

    /// The stamp `egsID` made earlier for `uuid`, if any; a failed read is the store's error,
    /// not the caller's.
    private static func earlierStamp(in store: SigningStore, egsID: String, uuid: String, place: UnitUUIDs.Place) throws(SigningError) -> SigningStore.StampRecord? {
        do {
            return try store.stampNow(egsID: egsID, uuid: uuid, place: place)
        } catch let error as SigningError {
            throw error
        } catch {
            throw .storage("an earlier stamp of UUID \(uuid) could not be read: \(error)")
        }
    }

    /// The unit's turn: under its lock, never suspending.
    private func turn(_ prepared: PreparedInvoice, uuid: String, inputDigest: [UInt8], signingTime: Date) throws -> Turn {
        try state.withLock { (state: inout State) throws -> Turn in
            if let inFlight = pending.withLock({ $0[uuid] }) { return .waitFor(inFlight) }
            let place = uuids.place(uuid)
            if place != .never, let previous = try Self.earlierStamp(in: store, egsID: egsID, uuid: uuid, place: place) {
                guard previous.inputDigest == inputDigest else {
                    throw SigningError.alreadyStamped(
                        "Unit \(egsID) already stamped a different document with UUID \(uuid) (ICV \(previous.icv)); a corrected invoice needs a new UUID."
                    )
                }
                return .answered(StampResponse(
                    egsID: egsID, document: Data(previous.document), invoiceHash: previous.invoiceHash, icv: previous.icv,
                    previousInvoiceHash: previous.previousHash, qrCode: previous.qrCode, signatureValue: previous.signatureValue,
                    signingTime: previous.signingTime, uuid: uuid, repeated: true
                ))
            }
            guard let stamper = state.stamper else { throw SigningError.noCertificate(egsID) }
            let icv = state.lastICV + 1
            let previous = state.lastHash
            let stamped: StampedInvoice
            do {
                stamped = try stamper.stamp(prepared, icv: icv, previousHash: previous, signingTime: signingTime)
            } catch {
                throw SigningError.invalidDocument("\(error)")
            }
            state.lastICV = icv
            state.lastHash = stamped.invoiceHash.base64
            uuids.add(uuid, icv: icv)
            // Stored without the XAdES block (rebuilt from the certificate when read) and without
            // a second copy of the QR, compressed against the unit's dictionary.
            let compact = CompactStamp.compact(stamped)
            // The QR is read back from the document at this offset; stored whole should that
            // ever not give the QR back.
            let qrOffset = CompactStamp.holdsQRCode(stamped.qrCode, in: compact.bytes, at: compact.qrOffset) ? compact.qrOffset : nil
            let dictionary = state.dictionary ?? DocumentDictionary(document: compact.bytes)
            state.dictionary = dictionary
            let record = SigningStore.StampRecord(
                egsID: egsID, icv: icv, uuid: uuid, invoiceHash: state.lastHash, previousHash: previous,
                signingTime: stamped.signingTime, qrCode: stamped.qrCode, signatureValue: stamped.signatureValue,
                inputDigest: inputDigest, document: DocumentCompression.compress(compact.bytes, dictionary: dictionary), documentSize: compact.bytes.count,
                extensionsOffset: compact.offset, certificate: state.certificateRecord, dictionary: dictionary, qrOffset: qrOffset
            )
            let epoch = state.epoch
            let ticket = CommitTicket { [self] ticket, result in settle(ticket, uuid: uuid, icv: icv, epoch: epoch, result: result) }
            pending.withLock { $0[uuid] = ticket }
            // Queued in the unit's turn, so its stamps reach the store in chain order.
            let queued = committer.enqueue(record, ticket: ticket)
            let response = StampResponse(
                egsID: egsID, document: Data(stamped.xml), invoiceHash: state.lastHash, icv: icv,
                previousInvoiceHash: previous, qrCode: stamped.qrCode, signatureValue: stamped.signatureValue,
                signingTime: stamped.signingTime, uuid: uuid, repeated: false
            )
            return .committing(ticket, response, queued: queued)
        }
    }
}
