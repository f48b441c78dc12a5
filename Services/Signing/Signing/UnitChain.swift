import Foundation
import Logging
import SigningContract
import UBLXML
import ZATCACrypto
import ZATCAStamp

/// One EGS unit's key, certificate and invoice chain. Stamps for the unit run one at a time in
/// this actor, each taking the next ICV and the previous hash; the wait for durability happens
/// outside that turn, so the next stamp can be computed while the last one commits.
///
/// If a commit fails, the stamps computed on top of it fail too (the store refuses any stamp that
/// does not continue the committed chain), and the actor resumes from the committed state: no
/// gap, no repeated ICV, no PIH pointing at a document nobody received.
actor UnitChain {
    let egsID: String
    private let store: SigningStore
    private let committer: StampCommitter
    private var stamper: InvoiceStamper?
    private var certificateKind: CertificateKind?
    private var lastICV: Int64
    private var lastHash: String
    /// Bumped when the chain is reloaded after a failed commit; stamps of an older epoch that
    /// fail afterwards do not reload it again.
    private var epoch = 0
    /// Stamps computed but not yet durable, by UUID: a retry of one waits for it.
    private var pending: [String: CommitTicket] = [:]
    /// Every UUID stamped (or being stamped): only a UUID it may hold is looked up in the store.
    private var stampedUUIDs: StampedUUIDFilter
    /// The stamper's certificate as the store records it.
    private var certificateRecord: (digest: String, der: [UInt8])?

    init(record: SigningStore.UnitRecord, key: SigningKey, stamped: StampedUUIDFilter, store: SigningStore, committer: StampCommitter) throws {
        stampedUUIDs = stamped
        egsID = record.egsID
        self.store = store
        self.committer = committer
        lastICV = record.lastICV
        lastHash = record.lastHash
        if let der = record.certificateDER {
            let certificate = try X509Certificate(der: der)
            stamper = InvoiceStamper(key: key, certificate: certificate)
            certificateRecord = (certificate.zatcaDigest, certificate.der)
            certificateKind = record.certificateKind.flatMap(CertificateKind.init(rawValue:))
        }
        self.key = key
    }

    private let key: SigningKey

    func install(_ certificate: X509Certificate, kind: CertificateKind) {
        stamper = InvoiceStamper(key: key, certificate: certificate)
        certificateRecord = (certificate.zatcaDigest, certificate.der)
        certificateKind = kind
    }

    var chainState: (icv: Int64, hash: String) { (lastICV, lastHash) }

    func stamp(_ prepared: PreparedInvoice, uuid: String, inputDigest: [UInt8], signingTime: Date) async throws -> StampResponse {
        if let inFlight = pending[uuid] {
            try? await inFlight.wait()
        }
        if stampedUUIDs.mightContain(uuid), let previous = try store.stampNow(egsID: egsID, uuid: uuid) {
            guard previous.inputDigest == inputDigest else {
                throw SigningError.alreadyStamped(
                    "Unit \(egsID) already stamped a different document with UUID \(uuid) (ICV \(previous.icv)); a corrected invoice needs a new UUID."
                )
            }
            return StampResponse(
                egsID: egsID, document: Data(previous.document), invoiceHash: previous.invoiceHash, icv: previous.icv,
                previousInvoiceHash: previous.previousHash, qrCode: previous.qrCode, signatureValue: previous.signatureValue,
                signingTime: previous.signingTime, uuid: uuid, repeated: true
            )
        }
        guard let stamper else { throw SigningError.noCertificate(egsID) }
        let icv = lastICV + 1
        let previous = lastHash
        let stampEpoch = epoch
        let stamped: StampedInvoice
        do {
            stamped = try stamper.stamp(prepared, icv: icv, previousHash: previous, signingTime: signingTime)
        } catch {
            throw SigningError.invalidDocument(error.description)
        }
        lastICV = icv
        lastHash = stamped.invoiceHash.base64
        stampedUUIDs.insert(uuid)
        // Stored without the XAdES block, rebuilt from the certificate when read.
        let compact = CompactStamp.compact(stamped)
        let record = SigningStore.StampRecord(
            egsID: egsID, icv: icv, uuid: uuid, invoiceHash: stamped.invoiceHash.base64, previousHash: previous,
            signingTime: stamped.signingTime, qrCode: stamped.qrCode, signatureValue: stamped.signatureValue,
            inputDigest: inputDigest, document: compact.bytes, extensionsOffset: compact.offset, certificate: certificateRecord
        )
        // Queued in this turn of the actor, so the unit's stamps reach the store in chain order.
        let ticket = committer.enqueue(record)
        pending[uuid] = ticket
        defer { pending[uuid] = nil }
        do {
            try await ticket.wait()
        } catch {
            if stampEpoch == epoch {
                epoch += 1
                resynchronize()
            }
            throw error
        }
        return StampResponse(
            egsID: egsID, document: Data(stamped.xml), invoiceHash: stamped.invoiceHash.base64, icv: icv,
            previousInvoiceHash: previous, qrCode: stamped.qrCode, signatureValue: stamped.signatureValue,
            signingTime: stamped.signingTime, uuid: uuid, repeated: false
        )
    }

    /// Reloads the chain state from the store after a failed commit. Synchronous on purpose:
    /// no other stamp of this unit may run on the stale state meanwhile.
    private func resynchronize() {
        if let record = try? store.unitNow(egsID) {
            lastICV = record.lastICV
            lastHash = record.lastHash
        }
    }
}
