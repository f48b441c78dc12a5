import Foundation
import GRDB
import Logging
import Testing
import ZATCAStamp

@testable import Signing

@Suite("Signing store")
struct SigningStoreTests {
    private static func stamp(_ unit: String, _ icv: Int64, uuid: String = UUID().uuidString, previous: String, hash: String) -> SigningStore.StampRecord {
        SigningStore.StampRecord(
            egsID: unit, icv: icv, uuid: uuid, invoiceHash: hash, previousHash: previous, signingTime: "2026-11-29T10:00:00",
            qrCode: "QR\(icv)", signatureValue: "sig", inputDigest: [UInt8](repeating: UInt8(icv & 0xff), count: 32),
            document: Array("<Invoice>\(icv) فاتورة 🧾</Invoice>".utf8)
        )
    }

    /// A fresh directory for a database; the caller removes it.
    private static func scratchDirectory() throws -> String {
        let directory = "/tmp/einvoice-store-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    private static func hash(_ n: Int) -> String { Data(repeating: UInt8(n), count: 32).base64EncodedString() }

    @Test("A batch commits what continues each chain, refuses the rest with a reason, and leaves each unit at its last accepted stamp")
    func batchOutcomes() async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SigningStore(path: "\(directory)/signing.sqlite")
        for unit in ["a", "b"] {
            try await store.insertUnit(.init(egsID: unit, createdAt: Date(), sealedKey: [1], lastICV: 0, lastHash: InvoiceHash.genesisPIH))
        }
        let genesis = InvoiceHash.genesisPIH
        let outcomes = try store.commitNow([
            Self.stamp("a", 1, uuid: "same", previous: genesis, hash: Self.hash(1)),
            Self.stamp("b", 1, previous: genesis, hash: Self.hash(11)),
            Self.stamp("a", 2, previous: Self.hash(1), hash: Self.hash(2)),
            Self.stamp("a", 4, previous: Self.hash(2), hash: Self.hash(4)),        // skips ICV 3
            Self.stamp("b", 2, previous: Self.hash(99), hash: Self.hash(12)),      // wrong PIH
            Self.stamp("ghost", 1, previous: genesis, hash: Self.hash(21)),
            Self.stamp("a", 3, previous: Self.hash(2), hash: Self.hash(3)),        // the refused ICV 4 did not move a's head
        ])
        #expect(outcomes[0] == nil && outcomes[1] == nil && outcomes[2] == nil)
        #expect(outcomes[3]?.contains("ICV 4 does not follow") == true, "\(String(describing: outcomes[3]))")
        #expect(outcomes[4]?.contains("ICV 2 does not follow") == true)
        #expect(outcomes[5]?.contains("does not exist") == true)
        #expect(outcomes[6] == nil)
        #expect(try store.unitNow("a").map { [$0.lastICV] } == [3])
        #expect(try store.unitNow("a")?.lastHash == Self.hash(3))
        #expect(try store.unitNow("b").map { [$0.lastICV] } == [1])

        // The next batch continues from there. A document compressed against a dictionary, with
        // its QR read from it instead of stored, reads back whole with its QR; the dictionary is
        // stored once; a refused stamp stores none of what it refers to.
        let compact = Array("<Invoice><cbc:Note>ملاحظة 🧾</cbc:Note><QR>QkFTRTY0Kw==</QR></Invoice>".utf8)
        let dictionary = DocumentDictionary(document: Array("<Invoice><cbc:Note>ملاحظة</cbc:Note></Invoice>".utf8))
        var primed = Self.stamp("a", 4, previous: Self.hash(3), hash: Self.hash(4))
        primed.document = DocumentCompression.compress(compact, dictionary: dictionary)
        primed.documentSize = compact.count
        primed.dictionary = dictionary
        primed.qrOffset = try #require(compact.firstRange(of: Array("QkFT".utf8))?.lowerBound)
        var refused = Self.stamp("b", 5, previous: Self.hash(11), hash: Self.hash(15))
        refused.dictionary = DocumentDictionary(bytes: Array("another".utf8))
        #expect(try store.commitNow([primed, refused]).map { $0 == nil } == [true, false])
        let stored = try await store.stamps(egsID: "a")
        #expect(stored.map(\.icv) == [1, 2, 3, 4])
        #expect(stored.map(\.previousHash) == [genesis, Self.hash(1), Self.hash(2), Self.hash(3)])
        #expect(String(decoding: stored[1].document, as: UTF8.self) == "<Invoice>2 فاتورة 🧾</Invoice>")
        #expect(stored[2].qrCode == "QR3")
        #expect(stored[3].document == compact)
        #expect(stored[3].qrCode == "QkFTRTY0Kw==")
        #expect(try await store.latestDictionary(egsID: "a")?.digest == dictionary.digest)
        let dictionaries = try await store.pool.read { db in try String.fetchAll(db, sql: "SELECT digest FROM dictionary") }
        #expect(dictionaries == [dictionary.digest])
    }

    @Test("A database from a newer version is refused with a clear error, not misread")
    func newerDatabase() async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/signing.sqlite"
        try await SigningStore(path: path).pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from a later version')")
        }
        let error = try #require(throws: SigningError.self) { try SigningStore(path: path) }
        #expect("\(error)".contains("newer einvoice"), "\(error)")
    }

    @Test("The committer answers what was queued when its task is cancelled, then refuses new stamps")
    func committerCancelled() async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SigningStore(path: "\(directory)/signing.sqlite")
        try await store.insertUnit(.init(egsID: "c", createdAt: Date(), sealedKey: [1], lastICV: 0, lastHash: InvoiceHash.genesisPIH))
        let committer = StampCommitter(store: store, logger: Logger(label: "test"))
        let running = Task { try await committer.run() }
        var previous = InvoiceHash.genesisPIH
        var tickets: [CommitTicket] = []
        for icv in Int64(1)...50 {
            tickets.append(committer.enqueue(Self.stamp("c", icv, previous: previous, hash: Self.hash(Int(icv)))))
            previous = Self.hash(Int(icv))
        }
        running.cancel()
        try await running.value
        for ticket in tickets { try await ticket.wait() }
        #expect(try store.unitNow("c")?.lastICV == 50)
        let late = committer.enqueue(Self.stamp("c", 51, previous: previous, hash: Self.hash(51)))
        await #expect(throws: SigningError.self) { try await late.wait() }
    }

    @Test("One signing service at a time per data directory: a second is refused with a clear error until the first lets go")
    func dataDirectoryLock() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try DataDirectoryLock(directory: directory)
        let error = try #require(throws: SigningError.self) { try DataDirectoryLock(directory: directory) }
        #expect("\(error)".contains("another signing service is using \(directory)"), "\(error)")
        first.release()
        try DataDirectoryLock(directory: directory).release()
    }

    @Test("A caller that sends one stamp at a time never waits out the interval between transactions")
    func sequentialCallerDoesNotWait() async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SigningStore(path: "\(directory)/signing.sqlite")
        try await store.insertUnit(.init(egsID: "s", createdAt: Date(), sealedKey: [1], lastICV: 0, lastHash: InvoiceHash.genesisPIH))
        // An interval far longer than a commit: three stamps one after another would take over
        // 4 s if each waited it out.
        let committer = StampCommitter(store: store, logger: Logger(label: "test"), minimumInterval: .seconds(2))
        let running = Task { try await committer.run() }
        let clock = ContinuousClock()
        let start = clock.now
        var previous = InvoiceHash.genesisPIH
        for icv in Int64(1)...3 {
            try await committer.enqueue(Self.stamp("s", icv, previous: previous, hash: Self.hash(Int(icv)))).wait()
            previous = Self.hash(Int(icv))
        }
        let elapsed = clock.now - start
        running.cancel()
        try await running.value
        #expect(elapsed < .seconds(3), "three sequential stamps took \(elapsed)")
        #expect(try store.unitNow("s")?.lastICV == 3)
    }

    @Test("A database from before chain heads had a table of their own keeps every unit's head, and its chains go on from there")
    func chainHeadsMoved() async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/signing.sqlite"
        do {
            // The schema as the previous version left it, with two units.
            let previous = try DatabaseQueue(path: path)
            try SigningStore.migrator.migrate(previous, upTo: "v4: documents compressed against a dictionary, QR read from the document")
            try await previous.write { db in
                try db.execute(sql: "INSERT INTO unit (egs_id, created_at, sealed_key, last_icv, last_hash) VALUES ('moved', 0, x'01', 7, ?)", arguments: [Self.hash(7)])
                try db.execute(sql: "INSERT INTO unit (egs_id, created_at, sealed_key, last_icv, last_hash) VALUES ('fresh', 0, x'01', 0, ?)", arguments: [InvoiceHash.genesisPIH])
            }
        }
        let store = try SigningStore(path: path)
        #expect(try await store.units().map { "\($0.egsID) \($0.lastICV)" } == ["fresh 0", "moved 7"])
        #expect(try store.unitNow("moved")?.lastHash == Self.hash(7))
        #expect(try store.unitNow("fresh")?.lastHash == InvoiceHash.genesisPIH)
        let outcomes = try store.commitNow([
            Self.stamp("moved", 8, previous: Self.hash(7), hash: Self.hash(8)),
            Self.stamp("fresh", 2, previous: InvoiceHash.genesisPIH, hash: Self.hash(2)),  // skips ICV 1
        ])
        #expect(outcomes[0] == nil)
        #expect(outcomes[1]?.contains("ICV 2 does not follow") == true)
        #expect(try store.unitNow("moved").map { [$0.lastICV] } == [8])
        #expect(try store.unitNow("moved")?.lastHash == Self.hash(8))
        let columns = try await store.pool.read { db in try db.columns(in: "unit").map(\.name) }
        #expect(!columns.contains("last_icv") && !columns.contains("last_hash"), "\(columns)")
    }

    @Test("UUIDs reach the index in chunks, of committed stamps only; until then a stamp is found by its ICV, and an ICV now holding another UUID is not taken for it")
    func trailingIndex() async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SigningStore(path: "\(directory)/signing.sqlite")
        try await store.insertUnit(.init(egsID: "a", createdAt: Date(), sealedKey: [1], lastICV: 0, lastHash: InvoiceHash.genesisPIH))
        var previous = InvoiceHash.genesisPIH
        var batch: [SigningStore.StampRecord] = []
        for icv in Int64(1)...5 {
            batch.append(Self.stamp("a", icv, uuid: "u\(icv)", previous: previous, hash: Self.hash(Int(icv))))
            previous = Self.hash(Int(icv))
        }
        #expect(try store.commitNow(batch) == Array(repeating: nil, count: 5))

        let loaded = try await store.stampedUUIDs(egsID: "a")
        #expect(loaded.backlog.held == 5 && loaded.backlog.indexedICV == 0 && loaded.backlog.unindexed == 5)
        #expect(loaded.place("u3") == .recent(3))
        #expect(loaded.place("never stamped") == .never)
        #expect(try store.stampNow(egsID: "a", uuid: "u3", place: .recent(3))?.icv == 3)
        #expect(try store.stampNow(egsID: "a", uuid: "u3", place: .recent(4)) == nil, "ICV 4 is another UUID's stamp")
        #expect(try store.stampNow(egsID: "a", uuid: "u3", place: .indexed) == nil, "not in the index yet")

        #expect(try store.indexUUIDs(egsID: "a", after: 0, limit: 2) == (2, 0))
        #expect(try store.stampNow(egsID: "a", uuid: "u2", place: .indexed)?.icv == 2)
        #expect(try store.stampNow(egsID: "a", uuid: "u3", place: .indexed) == nil)
        #expect(try store.indexUUIDs(egsID: "a", after: 2, limit: 100) == (5, 0), "never past the committed head")
        #expect(try store.indexUUIDs(egsID: "a", after: 5, limit: 100) == (5, 0))
        #expect(try store.stampNow(egsID: "a", uuid: "u5", place: .indexed)?.icv == 5)

        let reloaded = try await store.stampedUUIDs(egsID: "a")
        #expect(reloaded.backlog.held == 0 && reloaded.backlog.indexedICV == 5 && reloaded.backlog.unindexed == 0)
        #expect(reloaded.place("u4") == .indexed)
        // A UUID stamped twice (only another process writing to the database could do that):
        // indexed once, at its first ICV, and counted.
        #expect(try store.commitNow([Self.stamp("a", 6, uuid: "u2", previous: Self.hash(5), hash: Self.hash(6))]) == [nil])
        #expect(try store.indexUUIDs(egsID: "a", after: 5, limit: 100) == (6, 1))
        #expect(try store.stampNow(egsID: "a", uuid: "u2", place: .indexed)?.icv == 2)
        // An imported unit's earlier ICVs were stamped elsewhere: nothing of them to index.
        try await store.insertUnit(.init(egsID: "imported", createdAt: Date(), sealedKey: [1], lastICV: 40, lastHash: Self.hash(40)))
        #expect(try await store.stampedUUIDs(egsID: "imported").backlog.indexedICV == 40)
    }

    @Test("A database from before the UUID index trailed keeps its stamps and rowids, indexes every UUID, and no longer refuses a UUID at the row")
    func uuidIndexMigrated() async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/signing.sqlite"
        do {
            let previous = try DatabaseQueue(path: path)
            try SigningStore.migrator.migrate(previous, upTo: "v5: chain heads in a table of their own")
            try await previous.write { db in
                try db.execute(sql: "INSERT INTO unit (egs_id, created_at, sealed_key) VALUES ('v5', 0, x'01')")
                try db.execute(sql: "INSERT INTO chain_head (egs_id, last_icv, last_hash) VALUES ('v5', 2, ?)", arguments: [Self.hash(2)])
                for icv in 1...2 {
                    try db.execute(sql: """
                        INSERT INTO stamp (rowid, egs_id, icv, uuid, invoice_hash, previous_hash, signing_time, qr_code, signature_value, input_digest, document, stamped_at)
                        VALUES (?, 'v5', ?, ?, ?, ?, '2026-01-01T00:00:00', 'QR', 'sig', x'00', ?, 0)
                        """, arguments: [icv * 10, icv, "uuid-\(icv)", Self.hash(icv), Self.hash(icv - 1), Data("<Invoice>\(icv) فاتورة</Invoice>".utf8)])
                }
            }
        }
        let store = try SigningStore(path: path)
        #expect(try await store.stamps(egsID: "v5").map(\.uuid) == ["uuid-1", "uuid-2"])
        let (rowids, indexed, uniques) = try await store.pool.read { db in
            (try Int64.fetchAll(db, sql: "SELECT rowid FROM stamp ORDER BY icv"),
             try String.fetchAll(db, sql: "SELECT uuid || ' ' || icv FROM stamp_uuid ORDER BY uuid"),
             try Row.fetchAll(db, sql: "PRAGMA index_list(stamp)").filter { ($0["unique"] as Int?) == 1 }.count)
        }
        #expect(rowids == [10, 20])
        #expect(indexed == ["uuid-1 1", "uuid-2 2"])
        #expect(uniques == 1, "only the primary key (egs_id, icv) is unique")
        let uuids = try await store.stampedUUIDs(egsID: "v5")
        #expect(uuids.backlog.indexedICV == 2 && uuids.backlog.held == 0)
        #expect(try store.stampNow(egsID: "v5", uuid: "uuid-1", place: uuids.place("uuid-1"))?.icv == 1)
        #expect(try store.unitNow("v5")?.lastICV == 2)
    }

    @Test("Stamps written before documents had a dictionary (whole QR column, plain LZ4 or no compression) still read back")
    func olderRows() async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SigningStore(path: "\(directory)/signing.sqlite")
        try await store.insertUnit(.init(egsID: "old", createdAt: Date(), sealedKey: [1], lastICV: 2, lastHash: Self.hash(2)))
        let plain = Array("<Invoice>قديم | old 📜</Invoice>".utf8)
        let compressed = Array(String(repeating: "<cbc:Note>ملاحظة</cbc:Note>", count: 50).utf8)
        try await store.pool.write { db in
            for (icv, document, size) in [(1, plain, nil), (2, DocumentCompression.compress(compressed), Optional(compressed.count))] {
                try db.execute(sql: """
                    INSERT INTO stamp (egs_id, icv, uuid, invoice_hash, previous_hash, signing_time, qr_code, signature_value, input_digest, document, stamped_at, document_size)
                    VALUES ('old', ?, ?, ?, ?, '2025-01-01T00:00:00', ?, 'sig', x'00', ?, 0, ?)
                    """, arguments: [icv, "uuid-\(icv)", Self.hash(icv), Self.hash(icv - 1), "QR-old-\(icv)", Data(document), size])
            }
        }
        let stored = try await store.stamps(egsID: "old")
        #expect(stored.map(\.document) == [plain, compressed])
        #expect(stored.map(\.qrCode) == ["QR-old-1", "QR-old-2"])
        #expect(try await store.latestDictionary(egsID: "old") == nil)
        #expect(try store.stampNow(egsID: "old", uuid: "uuid-2", place: .recent(2))?.document == compressed)
    }

    @Test("The checkpointer copies committed stamps into the database file before the writer's own checkpoint would, and stops when cancelled")
    func backgroundCheckpoint() async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/signing.sqlite"
        let store = try SigningStore(path: path)
        try await store.insertUnit(.init(egsID: "a", createdAt: Date(), sealedKey: [1], lastICV: 0, lastHash: InvoiceHash.genesisPIH))
        // 200 stamps in one transaction: about 150 log pages, under the 1,000 at which the
        // writer checkpoints by itself.
        var previous = InvoiceHash.genesisPIH
        var batch: [SigningStore.StampRecord] = []
        for icv in Int64(1)...200 {
            var stamp = Self.stamp("a", icv, previous: previous, hash: Self.hash(Int(icv)))
            stamp.document = Array(repeating: UInt8(icv & 0x7f), count: 2_000)
            batch.append(stamp)
            previous = stamp.invoiceHash
        }
        #expect(try store.commitNow(batch) == Array(repeating: nil, count: 200))
        func fileSize() throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        let before = try fileSize()
        let checkpointer = WALCheckpointer(path: path, logger: Logger(label: "test"), busyInterval: .milliseconds(5), idleInterval: .milliseconds(20), writerThreshold: { store.setWriterCheckpointFrames($0) })
        let running = Task { try await checkpointer.run() }
        var after = before
        for _ in 0..<250 where after < before + 200 * 2_000 {
            try await Task.sleep(for: .milliseconds(20))
            after = try fileSize()
        }
        running.cancel()
        try await running.value
        #expect(after >= before + 200 * 2_000, "the database file grew from \(before) to \(after) bytes")
        #expect(try await store.stamps(egsID: "a").count == 200)
    }

    @Test("The checkpointer starts the log over while the writer is busy, long before the writer's own threshold", .timeLimit(.minutes(2)))
    func logRestartsUnderLoad() async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/signing.sqlite"
        let store = try SigningStore(path: path)
        try await store.insertUnit(.init(egsID: "a", createdAt: Date(), sealedKey: [1], lastICV: 0, lastHash: InvoiceHash.genesisPIH))
        // The WAL header's checkpoint sequence number (bytes 12 to 15, big-endian) goes up by
        // one each time the log starts over.
        @Sendable func restarts() -> UInt32 {
            guard let header = FileManager.default.contents(atPath: "\(path)-wal"), header.count >= 16 else { return 0 }
            return header[12..<16].reduce(0) { $0 << 8 | UInt32($1) }
        }
        let first = restarts()
        let checkpointer = WALCheckpointer(path: path, logger: Logger(label: "test"), busyInterval: .milliseconds(2), idleInterval: .milliseconds(20), restartFrames: 300, writerThreshold: { store.setWriterCheckpointFrames($0) })
        let running = Task { try await checkpointer.run() }
        defer { running.cancel() }
        // 300 batches of 20 stamps of 3 KB, back to back on a thread of their own: about 10,000
        // log frames in all. A restart every 300 frames makes about 20 (24 and 26 when
        // measured). Passive checkpoints alone make none (the writer's next transaction would
        // have to begin in the moment after one had copied everything): the log would grow to
        // about 10,000 frames, 41 MB, the writer's threshold being 50,000.
        let written = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int64, any Error>) in
            Thread.detachNewThread {
                do {
                    var icv: Int64 = 0
                    var previous = InvoiceHash.genesisPIH
                    while icv < 6_000 {
                        var batch: [SigningStore.StampRecord] = []
                        for _ in 0..<20 {
                            icv += 1
                            var stamp = Self.stamp("a", icv, previous: previous, hash: "hash-\(icv)")
                            stamp.document = Array(repeating: UInt8(truncatingIfNeeded: icv), count: 3_000)
                            batch.append(stamp)
                            previous = stamp.invoiceHash
                        }
                        let refusals = try store.commitNow(batch).compactMap { $0 }
                        guard refusals.isEmpty else { throw SigningError.storage("stamps refused: \(refusals)") }
                    }
                    continuation.resume(returning: icv)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        running.cancel()
        try await running.value
        let after = restarts()
        #expect(after >= first + 5, "the log started over \(Int(after) - Int(first)) times in \(written) stamps")
        let walSize = (try FileManager.default.attributesOfItem(atPath: "\(path)-wal")[.size] as? Int) ?? 0
        #expect(walSize < 2_500 * 4_120, "the log reached \(walSize) bytes")
        #expect(try await store.stamps(egsID: "a").count == Int(written))
    }
}
