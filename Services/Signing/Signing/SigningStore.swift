import Foundation
import DurableStore
import GRDB
import ZATCACrypto
import ZATCAStamp

/// The signing service's SQLite database (WAL, fsync on commit): units with their sealed keys,
/// certificates and chain state, and every stamped document.
final class SigningStore: Sendable {
    let pool: DatabasePool
    /// A read-only connection of its own for the lookups the stamp path makes synchronously, so
    /// they never wait for the pool's readers (which are handed out to async reads) and never
    /// hold a thread of Swift's cooperative pool hostage.
    private let lookups: DatabaseQueue

    struct UnitRecord: Sendable {
        var egsID: String
        var createdAt: Date
        var sealedKey: [UInt8]
        var csrPEM: String?
        var certificateDER: [UInt8]?
        var certificateKind: String?
        var lastICV: Int64
        var lastHash: String
    }

    struct StampRecord: Sendable {
        var egsID: String
        var icv: Int64
        var uuid: String
        var invoiceHash: String
        var previousHash: String
        var signingTime: String
        var qrCode: String
        var signatureValue: String
        var inputDigest: [UInt8]
        /// The stamped document. Written without its `ext:UBLExtensions` block when
        /// `extensionsOffset` and `certificate` are set (see `CompactStamp`), and LZ4-compressed
        /// when `documentSize` is; always whole when read.
        var document: [UInt8]
        var documentSize: Int? = nil
        var extensionsOffset: Int? = nil
        /// The certificate the stamp was made with, and its ZATCA digest (the table's key).
        var certificate: (digest: String, der: [UInt8])? = nil
        /// The dictionary the document was compressed with.
        var dictionary: DocumentDictionary? = nil
        /// Set: `qrCode` is not stored, it is read from the (compact) document at this offset.
        var qrOffset: Int? = nil
    }

    init(path: String) throws {
        var configuration = Configuration()
        // Waits for a lock (the checkpointer's RESTART holds the writer's for its copy and two
        // fsyncs, up to about 10 ms more if it must wait itself) polled every 100 µs, for at
        // least 10 s: SQLite's own wait sleeps 1, 2, 5, 10… ms at a time, and every stamp in
        // flight would sleep with the committer.
        configuration.busyMode = .callback { tries in
            usleep(100)
            return tries < 100_000
        }
        configuration.prepareDatabase { db in
            // The stamp table's indexes outgrow SQLite's default 2 MB cache within days; every
            // stamp then reads an index page back from the file.
            try db.execute(sql: "PRAGMA cache_size = -16384")
        }
        pool = try DatabasePool.durable(path: path, configuration: configuration)
        let migrator = Self.migrator
        // A database a newer einvoice wrote may hold stamps this one cannot read back (v4 changed
        // how documents are stored): refuse it rather than report them as damaged later.
        if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
            throw SigningError.storage(
                "\(path) was written by a newer einvoice (its schema has migrations this version does not know); run that version, or restore a backup from this one"
            )
        }
        try migrator.migrate(pool)
        var lookupConfiguration = Configuration()
        lookupConfiguration.readonly = true
        lookupConfiguration.busyMode = .timeout(10)
        lookups = try DatabaseQueue(path: path, configuration: lookupConfiguration)
    }

    /// The log's length, in frames, at which the writer checkpoints by itself after a commit
    /// (`WALCheckpointer` raises it while it does that work instead).
    func setWriterCheckpointFrames(_ frames: Int) {
        do {
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = \(frames)") }
        } catch {
            // Closed: there is no writer left to checkpoint.
        }
    }

    // MARK: Units

    /// Refuses a unit that exists, also when another call created it since the caller looked.
    func insertUnit(_ unit: UnitRecord) async throws {
        do {
            try await pool.write { db in
                try db.execute(
                    sql: "INSERT INTO unit (egs_id, created_at, sealed_key, csr_pem, certificate_der, certificate_kind) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [unit.egsID, unit.createdAt.timeIntervalSince1970, Data(unit.sealedKey), unit.csrPEM, unit.certificateDER.map { Data($0) }, unit.certificateKind]
                )
                // An imported unit's stamps before `lastICV` were made elsewhere: none to index.
                try db.execute(
                    sql: "INSERT INTO chain_head (egs_id, last_icv, last_hash, indexed_icv) VALUES (?, ?, ?, ?)",
                    arguments: [unit.egsID, unit.lastICV, unit.lastHash, unit.lastICV]
                )
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY || error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw SigningError.unitExists(unit.egsID)
        }
    }

    func unit(_ egsID: String) async throws -> UnitRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "\(Self.selectUnit) WHERE unit.egs_id = ?", arguments: [egsID]).map(Self.unitRecord)
        }
    }

    /// A blocking read, for the rare path that must not suspend.
    func unitNow(_ egsID: String) throws -> UnitRecord? {
        try lookups.read { db in
            try Row.fetchOne(db, sql: "\(Self.selectUnit) WHERE unit.egs_id = ?", arguments: [egsID]).map(Self.unitRecord)
        }
    }

    func units() async throws -> [UnitRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "\(Self.selectUnit) ORDER BY unit.egs_id").map(Self.unitRecord)
        }
    }

    func installCertificate(_ egsID: String, der: [UInt8], kind: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE unit SET certificate_der = ?, certificate_kind = ? WHERE egs_id = ?", arguments: [Data(der), kind, egsID])
        }
    }

    /// A unit with its chain's head.
    private static let selectUnit = "SELECT unit.*, chain_head.last_icv, chain_head.last_hash FROM unit JOIN chain_head USING (egs_id)"

    private static func unitRecord(_ row: Row) -> UnitRecord {
        UnitRecord(
            egsID: row["egs_id"],
            createdAt: Date(timeIntervalSince1970: row["created_at"]),
            sealedKey: Array((row["sealed_key"] as Data?) ?? Data()),
            csrPEM: row["csr_pem"],
            certificateDER: (row["certificate_der"] as Data?).map(Array.init),
            certificateKind: row["certificate_kind"],
            lastICV: row["last_icv"],
            lastHash: row["last_hash"]
        )
    }

    // MARK: Stamps

    /// The stamp already made for `uuid` by `egsID`, if any, as `place` says where to look. A
    /// blocking read (WAL readers do not wait for the writer): cheaper than a hop to the
    /// database's queue on the stamp path.
    func stampNow(egsID: String, uuid: String, place: UnitUUIDs.Place) throws -> StampRecord? {
        let found: StampRecord?
        switch place {
        case .never:
            return nil
        case .recent(let icv):
            found = try lookups.read { db in
                let statement = try db.cachedStatement(sql: "\(Self.selectStamp) WHERE stamp.egs_id = ? AND stamp.icv = ?")
                return try Row.fetchOne(statement, arguments: [egsID, icv]).map(Self.stampRecord)
            }
        case .indexed:
            found = try lookups.read { db in
                let statement = try db.cachedStatement(sql: """
                    \(Self.selectStamp) WHERE stamp.egs_id = ?1
                    AND stamp.icv = (SELECT icv FROM stamp_uuid WHERE stamp_uuid.egs_id = ?1 AND stamp_uuid.uuid = ?2)
                    """)
                return try Row.fetchOne(statement, arguments: [egsID, uuid]).map(Self.stampRecord)
            }
        }
        // A recent ICV whose commit failed may hold another document's stamp since. Compared
        // byte for byte, as SQLite compares them (String's == takes NFC and NFD for one).
        guard let found, found.uuid.utf8.elementsEqual(uuid.utf8) else { return nil }
        return found
    }

    /// Where `egsID`'s stamps are found by UUID: a filter of every UUID it stamped (read from
    /// the index alone) and the UUIDs of its stamps not yet indexed, with their ICVs.
    func stampedUUIDs(egsID: String) async throws -> UnitUUIDs {
        try await pool.read { db in
            let head = try Row.fetchOne(db, sql: "SELECT indexed_icv, last_icv FROM chain_head WHERE egs_id = ?", arguments: [egsID])
            let indexedICV: Int64 = head?[0] ?? 0
            var recent: [(uuid: String, icv: Int64)] = []
            let tail = try Row.fetchCursor(db, sql: "SELECT uuid, icv FROM stamp WHERE egs_id = ? AND icv > ? ORDER BY icv", arguments: [egsID, indexedICV])
            while let row = try tail.next() { recent.append((row[0], row[1])) }
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM stamp_uuid WHERE egs_id = ?", arguments: [egsID]) ?? 0
            var filter = StampedUUIDFilter(expected: count + recent.count)
            let uuids = try String.fetchCursor(db, sql: "SELECT uuid FROM stamp_uuid WHERE egs_id = ?", arguments: [egsID])
            while let uuid = try uuids.next() { filter.insert(uuid) }
            return UnitUUIDs(egsID: egsID, filter: filter, recent: recent, indexedICV: indexedICV, committedICV: head?[1] ?? indexedICV)
        }
    }

    /// Puts the UUIDs of `egsID`'s committed stamps after ICV `after` into the index, `limit` at
    /// most, in one transaction; returns the last ICV the index then holds, and how many of
    /// those stamps reused a UUID the index already held (none, unless two processes stamped
    /// for the unit at once). Blocks the calling thread (the committer's own).
    func indexUUIDs(egsID: String, after: Int64, limit: Int) throws -> (through: Int64, reused: Int) {
        try pool.write { db in
            guard let head = try Int64.fetchOne(db, sql: "SELECT last_icv FROM chain_head WHERE egs_id = ?", arguments: [egsID]) else { return (after, 0) }
            let through = min(head, after + Int64(limit))
            guard through > after else { return (after, 0) }
            let stamps = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM stamp WHERE egs_id = ?1 AND icv > ?2 AND icv <= ?3"), arguments: [egsID, after, through]
            ) ?? 0
            // A UUID indexed twice keeps its first ICV: that is the stamp a repeat gets.
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO stamp_uuid (egs_id, uuid, icv)
                SELECT egs_id, uuid, icv FROM stamp WHERE egs_id = ?1 AND icv > ?2 AND icv <= ?3 ORDER BY uuid, icv
                """).execute(arguments: [egsID, after, through])
            let reused = stamps - db.changesCount
            try db.cachedStatement(sql: "UPDATE chain_head SET indexed_icv = ? WHERE egs_id = ?").execute(arguments: [through, egsID])
            return (through, reused)
        }
    }

    /// The dictionary `egsID`'s latest stamp was compressed with, to compress the next ones.
    func latestDictionary(egsID: String) async throws -> DocumentDictionary? {
        try await pool.read { db in
            let bytes = try Data.fetchOne(db, sql: """
                SELECT dictionary.bytes FROM dictionary
                WHERE dictionary.digest = (SELECT dictionary_digest FROM stamp WHERE egs_id = ? ORDER BY icv DESC LIMIT 1)
                """, arguments: [egsID])
            return bytes.map { DocumentDictionary(bytes: Array($0)) }
        }
    }

    func stamps(egsID: String, limit: Int = .max) async throws -> [StampRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "\(Self.selectStamp) WHERE stamp.egs_id = ? ORDER BY stamp.icv LIMIT ?", arguments: [egsID, limit]).map(Self.stampRecord)
        }
    }

    /// Writes a batch of stamps in one transaction (one fsync). Each stamp must continue its
    /// unit's chain exactly (ICV = last + 1, PIH = last hash, as committed or as moved by the
    /// batch's earlier stamps); one that does not is refused and the others still commit.
    /// Returns, per stamp, nil or why it was refused. Blocks the calling thread (the
    /// committer's own) until the transaction is durable.
    func commitNow(_ batch: [StampRecord]) throws -> [String?] {
        try pool.write { db in
            var outcomes: [String?] = []
            let now = Date().timeIntervalSince1970
            var recorded: Set<String> = []
            var recordedDictionaries: Set<String> = []
            var heads: [String: (icv: Int64, hash: String)] = [:]
            for stamp in batch {
                // The unit's committed head: read once per batch, then moved in memory; the unit
                // row is written once per batch, not once per stamp.
                let head: (icv: Int64, hash: String)
                if let moved = heads[stamp.egsID] {
                    head = moved
                } else if let row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT last_icv, last_hash FROM chain_head WHERE egs_id = ?"), arguments: [stamp.egsID]
                ) {
                    head = (row[0], row[1])
                } else {
                    outcomes.append("the unit \(stamp.egsID) does not exist")
                    continue
                }
                guard stamp.icv == head.icv + 1, stamp.previousHash == head.hash else {
                    outcomes.append("the chain of \(stamp.egsID) moved: ICV \(stamp.icv) does not follow the last committed stamp")
                    continue
                }
                // What the stamp's row refers to, stored once (and only for a stamp that continues
                // its chain).
                if let certificate = stamp.certificate, recorded.insert(certificate.digest).inserted {
                    try db.cachedStatement(sql: "INSERT OR IGNORE INTO certificate (digest, der) VALUES (?, ?)")
                        .execute(arguments: [certificate.digest, Data(certificate.der)])
                }
                if let dictionary = stamp.dictionary, recordedDictionaries.insert(dictionary.digest).inserted {
                    try db.cachedStatement(sql: "INSERT OR IGNORE INTO dictionary (digest, bytes) VALUES (?, ?)")
                        .execute(arguments: [dictionary.digest, Data(dictionary.bytes)])
                }
                // A constraint refuses this stamp only (a UUID the unit already used): the others still commit.
                if let refused = try StampInsert.insert(stamp, stampedAt: now, in: db) {
                    outcomes.append(refused)
                } else {
                    heads[stamp.egsID] = (stamp.icv, stamp.invoiceHash)
                    outcomes.append(nil)
                }
            }
            for (egsID, head) in heads {
                try db.cachedStatement(sql: "UPDATE chain_head SET last_icv = ?, last_hash = ? WHERE egs_id = ?")
                    .execute(arguments: [head.icv, head.hash, egsID])
            }
            return outcomes
        }
    }

    /// A stamp with the certificate it was made with (for rebuilding a compact document) and its
    /// compression dictionary.
    private static let selectStamp = """
        SELECT stamp.*, certificate.der AS certificate_der, dictionary.bytes AS dictionary_bytes FROM stamp
        LEFT JOIN certificate ON certificate.digest = stamp.certificate_digest
        LEFT JOIN dictionary ON dictionary.digest = stamp.dictionary_digest
        """

    /// A stamp as read, its document whole again.
    private static func stampRecord(_ row: Row) throws -> StampRecord {
        let invoiceHash: String = row["invoice_hash"]
        let signatureValue: String = row["signature_value"]
        let signingTime: String = row["signing_time"]
        var document = Array((row["document"] as Data?) ?? Data())
        if let size: Int = row["document_size"] {
            let dictionary = (row["dictionary_bytes"] as Data?).map(Array.init)
            if row["dictionary_digest"] as String? != nil, dictionary == nil {
                throw SigningError.storage("the stamped document of ICV \(row["icv"] as Int64) cannot be read: its compression dictionary is missing")
            }
            guard let original = DocumentCompression.decompress(document, size: size, dictionary: dictionary) else {
                throw SigningError.storage("the stamped document of ICV \(row["icv"] as Int64) is damaged: it does not decompress to \(size) bytes")
            }
            document = original
        }
        var qrCode: String = row["qr_code"]
        if let qrOffset: Int = row["qr_offset"] {
            guard let qr = CompactStamp.qrCode(in: document, at: qrOffset) else {
                throw SigningError.storage("the stamped document of ICV \(row["icv"] as Int64) is damaged: no QR at offset \(qrOffset)")
            }
            qrCode = qr
        }
        if let offset: Int = row["extensions_offset"] {
            guard let der = row["certificate_der"] as Data?, let hash = InvoiceHash(base64: invoiceHash),
                let certificate = try? X509Certificate(der: Array(der)),
                let whole = CompactStamp.expand(document, offset: offset, certificate: certificate, invoiceHash: hash, signatureValue: signatureValue, signingTime: signingTime)
            else {
                throw SigningError.storage("the stamped document of ICV \(row["icv"] as Int64) cannot be rebuilt: its certificate is missing")
            }
            document = whole
        }
        return StampRecord(
            egsID: row["egs_id"], icv: row["icv"], uuid: row["uuid"], invoiceHash: invoiceHash, previousHash: row["previous_hash"],
            signingTime: signingTime, qrCode: qrCode, signatureValue: signatureValue,
            inputDigest: Array((row["input_digest"] as Data?) ?? Data()), document: document
        )
    }
}
