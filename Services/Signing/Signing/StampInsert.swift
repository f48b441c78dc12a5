import Foundation
import GRDB
import GRDBSQLite

/// The committer's `INSERT INTO stamp`, bound straight through SQLite's C API.
///
/// GRDB's `execute(arguments:)` wraps every value in a `DatabaseValue` existential, builds
/// arrays of them and copies each blob into a `Data`; for 16 columns a stamp that came to about
/// a quarter of the committer thread's CPU. Here each value goes to `sqlite3_bind_*` as it is
/// (SQLite copies text and blobs once), on the statement GRDB prepared and caches.
struct StampInsert {
    static let sql = """
        INSERT INTO stamp (
            egs_id, icv, uuid, invoice_hash, previous_hash, signing_time, qr_code, signature_value, input_digest, document,
            stamped_at, extensions_offset, certificate_digest, document_size, dictionary_digest, qr_offset
        )
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Why SQLite refused one stamp's row (a constraint: the unit already has a row at its
    /// ICV), or nil when the row is in. Any other failure throws, failing the transaction.
    static func insert(_ stamp: SigningStore.StampRecord, stampedAt: Double, in db: Database) throws -> String? {
        let statement = try db.cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer {
            // Leave no bindings behind: the next use binds every column again anyway.
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        var binder = Binder(handle: handle)
        binder.text(stamp.egsID)
        binder.integer(stamp.icv)
        binder.text(stamp.uuid)
        binder.text(stamp.invoiceHash)
        binder.text(stamp.previousHash)
        binder.text(stamp.signingTime)
        // The QR is read back from the document when its offset is known.
        binder.text(stamp.qrOffset == nil ? stamp.qrCode : "")
        binder.text(stamp.signatureValue)
        binder.blob(stamp.inputDigest)
        binder.blob(stamp.document)
        binder.real(stampedAt)
        binder.integer(stamp.extensionsOffset.map(Int64.init))
        binder.text(stamp.certificate?.digest)
        binder.integer(stamp.documentSize.map(Int64.init))
        binder.text(stamp.dictionary?.digest)
        binder.integer(stamp.qrOffset.map(Int64.init))
        if let failed = binder.failure {
            throw DatabaseError(resultCode: ResultCode(rawValue: failed), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
        }
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_DONE:
            return nil
        case _ where code & 0xFF == SQLITE_CONSTRAINT:
            return "\(DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql))"
        default:
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
        }
    }

    /// Binds parameters 1, 2, 3… in turn; remembers the first failure.
    private struct Binder {
        let handle: OpaquePointer
        var index: Int32 = 0
        var failure: Int32?

        /// SQLite's `SQLITE_TRANSIENT`: it copies the value before the call returns.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        private mutating func record(_ code: Int32) {
            if code != SQLITE_OK, failure == nil { failure = code }
        }

        mutating func text(_ value: String?) {
            index += 1
            let (handle, index) = (handle, index)
            guard var value else { return record(sqlite3_bind_null(handle, index)) }
            record(value.withUTF8 { utf8 in
                // An empty buffer may have no address, which SQLite would take for NULL.
                utf8.isEmpty
                    ? sqlite3_bind_text(handle, index, "", 0, Self.transient)
                    : utf8.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(handle, index, $0.baseAddress, Int32(utf8.count), Self.transient) }
            })
        }

        mutating func blob(_ value: [UInt8]) {
            index += 1
            let (handle, index) = (handle, index)
            record(
                value.isEmpty
                    ? sqlite3_bind_zeroblob(handle, index, 0)
                    : value.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), Self.transient) }
            )
        }

        mutating func integer(_ value: Int64?) {
            index += 1
            record(value.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
        }

        mutating func real(_ value: Double) {
            index += 1
            record(sqlite3_bind_double(handle, index, value))
        }
    }
}
