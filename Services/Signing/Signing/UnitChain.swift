import Foundation
import Logging
import SigningContract
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

    init(record: SigningStore.UnitRecord, key: SigningKey, store: SigningStore, committer: StampCommitter) throws {
        egsID = record.egsID
        self.store = store
        self.committer = committer
        lastICV = record.lastICV
        lastHash = record.lastHash
        if let der = record.certificateDER {
            stamper = InvoiceStamper(key: key, certificate: try X509Certificate(der: der))
            certificateKind = record.certificateKind.flatMap(CertificateKind.init(rawValue:))
        }
        self.key = key
    }

    private let key: SigningKey

    func install(_ certificate: X509Certificate, kind: CertificateKind) {
        stamper = InvoiceStamper(key: key, certificate: certificate)
        certificateKind = kind
    }

    var chainState: (icv: Int64, hash: String) { (lastICV, lastHash) }

    func stamp(document: [UInt8], uuid: String, inputDigest: [UInt8], signingTime: Date) async throws -> StampResponse {
        guard let stamper else { throw SigningError.noCertificate(egsID) }
        let icv = lastICV + 1
        let previous = lastHash
        let stampEpoch = epoch
        let stamped: StampedInvoice
        do {
            stamped = try stamper.stamp(document, icv: icv, previousHash: previous, signingTime: signingTime)
        } catch {
            throw SigningError.invalidDocument(error.description)
        }
        lastICV = icv
        lastHash = stamped.invoiceHash.base64
        let record = SigningStore.StampRecord(
            egsID: egsID, icv: icv, uuid: uuid, invoiceHash: stamped.invoiceHash.base64, previousHash: previous,
            signingTime: stamped.signingTime, qrCode: stamped.qrCode, signatureValue: stamped.signatureValue,
            inputDigest: inputDigest, document: stamped.xml
        )
        do {
            try await committer.commit(record)
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
