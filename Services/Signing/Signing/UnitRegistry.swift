import Foundation
import Synchronization
import ZATCACrypto

/// The chains of the units in use, loaded from the store (and their keys decrypted) on first use.
final class UnitRegistry: Sendable {
    private let store: SigningStore
    private let committer: StampCommitter
    private let kek: KeyEncryptionKey
    private let chains = Mutex<[String: UnitChain]>([:])

    init(store: SigningStore, committer: StampCommitter, kek: KeyEncryptionKey) {
        self.store = store
        self.committer = committer
        self.kek = kek
    }

    func chain(_ egsID: String) async throws -> UnitChain {
        if let chain = chains.withLock({ $0[egsID] }) { return chain }
        guard let record = try await store.unit(egsID) else { throw SigningError.unknownUnit(egsID) }
        let key: SigningKey
        do {
            key = try kek.open(record.sealedKey, unit: egsID)
        } catch {
            throw SigningError.storage("the key of \(egsID) cannot be decrypted with this data directory's key-encryption key")
        }
        let chain = try UnitChain(
            record: record, key: key, uuids: try await store.stampedUUIDs(egsID: egsID), dictionary: try await store.latestDictionary(egsID: egsID),
            store: store, committer: committer
        )
        return chains.withLock { chains in
            if let existing = chains[egsID] { return existing }
            chains[egsID] = chain
            // Before any stamp of the chain can commit.
            committer.track(chain.uuids)
            return chain
        }
    }
}
