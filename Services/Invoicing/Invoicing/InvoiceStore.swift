import Foundation
import DurableStore
import GRDB
import InvoiceModel
import InvoicingContract

/// The invoicing service's SQLite database (WAL, fsync on commit): every invoice and note with its
/// exact XML bytes, its status history, per-seller numbering without gaps, and the idempotency
/// keys of the requests that created them.
final class InvoiceStore: Sendable {
    let pool: DatabasePool

    /// One invoice row.
    struct Stored: Sendable {
        var record: InvoiceRecord
        var draft: InvoiceDraft
        var warnings: [Finding]
        var originalID: String?
        var unsignedXML: [UInt8]?
        var stampedXML: [UInt8]?
        var clearedXML: [UInt8]?
    }

    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool.durable(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE invoice (
                    id TEXT PRIMARY KEY NOT NULL,
                    number TEXT,
                    kind TEXT NOT NULL,
                    subtype TEXT NOT NULL,
                    status TEXT NOT NULL,
                    seller_vat TEXT NOT NULL,
                    seller_name TEXT,
                    buyer_name TEXT,
                    buyer_vat TEXT,
                    issue_date TEXT NOT NULL,
                    issue_time TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    line_count INTEGER NOT NULL,
                    total_without_vat TEXT NOT NULL,
                    total_vat TEXT NOT NULL,
                    total_with_vat TEXT NOT NULL,
                    payable TEXT NOT NULL,
                    billing_reference TEXT,
                    original_id TEXT REFERENCES invoice(id),
                    egs_id TEXT,
                    icv INTEGER,
                    invoice_hash TEXT,
                    qr TEXT,
                    draft_json BLOB NOT NULL,
                    warnings_json BLOB NOT NULL,
                    unsigned_xml BLOB,
                    stamped_xml BLOB,
                    cleared_xml BLOB,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    UNIQUE (seller_vat, number)
                );
                CREATE INDEX invoice_seller_issued ON invoice (seller_vat, issue_date);
                CREATE INDEX invoice_status ON invoice (status);
                CREATE INDEX invoice_number ON invoice (number);
                CREATE INDEX invoice_created ON invoice (created_at);
                CREATE TABLE invoice_event (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    invoice_id TEXT NOT NULL REFERENCES invoice(id),
                    status TEXT NOT NULL,
                    at REAL NOT NULL,
                    source TEXT NOT NULL,
                    detail TEXT,
                    messages_json BLOB NOT NULL
                );
                CREATE INDEX invoice_event_invoice ON invoice_event (invoice_id);
                CREATE TABLE number_sequence (
                    seller_vat TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    last INTEGER NOT NULL,
                    PRIMARY KEY (seller_vat, kind)
                );
                CREATE TABLE idempotency (
                    key TEXT PRIMARY KEY NOT NULL,
                    request_digest TEXT NOT NULL,
                    invoice_id TEXT NOT NULL REFERENCES invoice(id),
                    created_at REAL NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2-notifications") { db in
            // When the notification service took each announcement (nil: not yet).
            try db.execute(sql: """
                ALTER TABLE invoice ADD COLUMN ready_notified_at REAL;
                ALTER TABLE invoice ADD COLUMN rejection_notified_at REAL;
                ALTER TABLE invoice ADD COLUMN deadline_notified_at REAL;
                """)
        }
        migrator.registerMigration("v3-support") { db in
            // When the support desk opened its ticket for a rejection or a deadline.
            try db.execute(sql: """
                ALTER TABLE invoice ADD COLUMN rejection_ticket_at REAL;
                ALTER TABLE invoice ADD COLUMN deadline_ticket_at REAL;
                """)
        }
        Self.migrateSubmissions(&migrator)
        try migrator.migrate(pool)
    }

    // MARK: Writing

    /// Checks an idempotency key: the invoice it created, nil if unused. A key reused for a
    /// different request is an error.
    static func replay(_ db: Database, key: String?, digest: String) throws -> String? {
        guard let key else { return nil }
        guard let row = try Row.fetchOne(db, sql: "SELECT request_digest, invoice_id FROM idempotency WHERE key = ?", arguments: [key]) else { return nil }
        let stored: String = row["request_digest"]
        guard stored == digest else {
            throw InvoicingError.conflict("Idempotency key '\(key)' was already used for a different request. Use a new key for a new invoice.")
        }
        return row["invoice_id"]
    }

    /// Stores a validated draft (no number), or returns the one an earlier identical request
    /// stored.
    func insertDraft(_ stored: Stored, idempotencyKey: String?, digest: String) async throws -> (Stored, replayed: Bool) {
        try await pool.write { db in
            if let existing = try Self.replay(db, key: idempotencyKey, digest: digest) {
                guard let found = try Self.fetch(db, id: existing) else { throw InvoicingError.storage("idempotency key points at a missing invoice") }
                return (found, true)
            }
            try Self.insert(db, stored)
            try Self.appendEvent(db, id: stored.record.id, StatusEvent(status: .draft, at: stored.record.createdAt, source: "invoicing"))
            if let idempotencyKey { try Self.remember(db, key: idempotencyKey, digest: digest, id: stored.record.id) }
            return (stored, false)
        }
    }

    /// Numbers and stores an invoice in one transaction: the next number of the seller's
    /// sequence for its kind (or the draft's own number, which must be unused), the unsigned XML,
    /// the history entry and the idempotency key. `render` writes the XML once the number is
    /// known. Returns the stored invoice, or the one an earlier identical request stored.
    func issue(
        _ stored: Stored, replacingDraft: Bool, idempotencyKey: String?, digest: String, render: @Sendable (String) -> (record: InvoiceRecord, xml: [UInt8])
    ) async throws -> (Stored, replayed: Bool) {
        try await pool.write { db in
            if let existing = try Self.replay(db, key: idempotencyKey, digest: digest) {
                guard let found = try Self.fetch(db, id: existing) else { throw InvoicingError.storage("idempotency key points at a missing invoice") }
                return (found, true)
            }
            var issued = stored
            let number: String
            if let own = stored.draft.number {
                if try Row.fetchOne(db, sql: "SELECT 1 FROM invoice WHERE seller_vat = ? AND number = ?", arguments: [stored.record.sellerVAT, own]) != nil {
                    throw InvoicingError.conflict("Seller \(stored.record.sellerVAT) already has an invoice numbered '\(own)'. Numbers are unique per seller: leave `number` out and einvoice assigns the next one.")
                }
                number = own
            } else {
                number = try Self.nextNumber(db, seller: stored.record.sellerVAT, kind: stored.record.kind)
            }
            let (record, xml) = render(number)
            issued.record = record
            issued.unsignedXML = xml
            if replacingDraft {
                try db.execute(
                    literal: """
                        UPDATE invoice SET number = \(number), status = \(InvoiceStatus.issued.rawValue), egs_id = \(record.egsID),
                        issue_date = \(record.issueDate), issue_time = \(record.issueTime), unsigned_xml = \(Data(xml)),
                        warnings_json = \(try Self.json(stored.warnings)), updated_at = \(record.updatedAt.timeIntervalSince1970)
                        WHERE id = \(record.id) AND status = \(InvoiceStatus.draft.rawValue)
                        """
                )
                guard db.changesCount == 1 else { throw InvoicingError.failedPrecondition("Invoice \(record.id) is no longer a draft; it was issued already.") }
            } else {
                if try Row.fetchOne(db, sql: "SELECT 1 FROM invoice WHERE id = ?", arguments: [record.id]) != nil {
                    throw InvoicingError.conflict("An invoice with UUID \(record.id) exists already. Every document needs its own UUID: leave `uuid` out and einvoice generates one.")
                }
                try Self.insert(db, issued)
            }
            try Self.appendEvent(db, id: record.id, StatusEvent(status: .issued, at: record.updatedAt, source: "invoicing", detail: "number \(number), EGS unit \(record.egsID ?? "-")"))
            if let idempotencyKey { try Self.remember(db, key: idempotencyKey, digest: digest, id: record.id) }
            return (issued, false)
        }
    }

    /// Records the stamp: the stamped XML and its chain values; issued → stamped.
    func recordStamp(id: String, icv: Int64, invoiceHash: String, qr: String, stampedXML: [UInt8], at: Date) async throws -> Stored {
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE invoice SET status = ?, icv = ?, invoice_hash = ?, qr = ?, stamped_xml = ?, updated_at = ?
                    WHERE id = ? AND status = ?
                    """,
                arguments: [InvoiceStatus.stamped.rawValue, icv, invoiceHash, qr, Data(stampedXML), at.timeIntervalSince1970, id, InvoiceStatus.issued.rawValue]
            )
            let changed = db.changesCount == 1
            if changed {
                try Self.appendEvent(db, id: id, StatusEvent(status: .stamped, at: at, source: "signing", detail: "ICV \(icv), hash \(invoiceHash)"))
            }
            guard let stored = try Self.fetch(db, id: id) else { throw InvoicingError.notFound("No invoice \(id).") }
            if changed { try Self.enqueueSubmission(db, stored, at: at) }
            return stored
        }
    }

    /// Records ZATCA's answer (cleared, reported or rejected) with its messages.
    func recordOutcome(_ request: RecordOutcomeRequest, at: Date) async throws -> Stored {
        try await pool.write { db in
            let stored = try Self.applyOutcome(db, request, at: at)
            // An outcome recorded from outside ends the queue's work on the invoice.
            try db.execute(
                sql: "UPDATE submission SET state = ?, updated_at = ? WHERE invoice_id = ? AND state IN ('pending', 'local')",
                arguments: [request.status == .rejected ? "rejected" : "done", at.timeIntervalSince1970, request.id]
            )
            return stored
        }
    }

    static func applyOutcome(_ db: Database, _ request: RecordOutcomeRequest, at: Date) throws -> Stored {
        guard let current = try Self.fetch(db, id: request.id) else { throw InvoicingError.notFound("No invoice \(request.id).") }
        guard current.record.status.allows(request.status) else {
            throw InvoicingError.failedPrecondition(
                "Invoice \(current.record.number ?? request.id) is \(current.record.status.rawValue); it cannot become \(request.status.rawValue)."
            )
        }
        try db.execute(
            sql: "UPDATE invoice SET status = ?, cleared_xml = COALESCE(?, cleared_xml), updated_at = ? WHERE id = ?",
            arguments: [request.status.rawValue, request.clearedXML, at.timeIntervalSince1970, request.id]
        )
        try Self.appendEvent(db, id: request.id, StatusEvent(status: request.status, at: at, source: request.source, detail: request.detail, messages: request.messages))
        guard let stored = try Self.fetch(db, id: request.id) else { throw InvoicingError.notFound("No invoice \(request.id).") }
        return stored
    }

    // MARK: Reading

    func invoice(id: String) async throws -> Stored? {
        try await pool.read { db in try Self.fetch(db, id: id) }
    }

    /// By id, or by number (within one seller when given).
    func invoice(reference: String, sellerVAT: String?) async throws -> Stored? {
        try await pool.read { db in
            if let byID = try Self.fetch(db, id: reference) { return byID }
            var sql = "SELECT id FROM invoice WHERE number = ?"
            var arguments: StatementArguments = [reference]
            if let sellerVAT {
                sql += " AND seller_vat = ?"
                arguments += [sellerVAT]
            }
            let ids = try String.fetchAll(db, sql: sql + " LIMIT 2", arguments: arguments)
            guard ids.count <= 1 else {
                throw InvoicingError.failedPrecondition("Several sellers have an invoice numbered '\(reference)'; say which seller (its VAT number).")
            }
            return try ids.first.flatMap { try Self.fetch(db, id: $0) }
        }
    }

    func history(id: String) async throws -> [StatusEvent] {
        try await pool.read { db in try Self.events(db, id: id) }
    }

    static func events(_ db: Database, id: String) throws -> [StatusEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM invoice_event WHERE invoice_id = ? ORDER BY sequence", arguments: [id]).map { row in
            StatusEvent(
                status: InvoiceStatus(rawValue: row["status"]) ?? .draft, at: Date(timeIntervalSince1970: row["at"]), source: row["source"],
                detail: row["detail"], messages: (try? JSONDecoder().decode([Finding].self, from: row["messages_json"] as Data)) ?? []
            )
        }
    }

    /// Invoices stuck between numbering and stamp (a crash, or the signing service was down):
    /// issued, and untouched since `before`, so a request still stamping its own invoice is left alone.
    func awaitingStamp(before: Date, limit: Int = 100) async throws -> [Stored] {
        try await pool.read { db in
            let ids = try String.fetchAll(
                db, sql: "SELECT id FROM invoice WHERE status = ? AND updated_at <= ? ORDER BY created_at LIMIT ?",
                arguments: [InvoiceStatus.issued.rawValue, before.timeIntervalSince1970, limit]
            )
            return try ids.compactMap { try Self.fetch(db, id: $0) }
        }
    }

    func search(_ request: SearchRequest) async throws -> (records: [InvoiceRecord], total: Int) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let seller = request.sellerVAT {
            conditions.append("seller_vat = ?")
            arguments += [seller]
        }
        if let buyer = request.buyer, !buyer.isEmpty {
            conditions.append("(buyer_name LIKE ? ESCAPE '\\' OR buyer_vat LIKE ? ESCAPE '\\')")
            let pattern = "%" + buyer.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
            arguments += [pattern, pattern]
        }
        if let from = request.fromDate {
            conditions.append("issue_date >= ?")
            arguments += [from]
        }
        if let to = request.toDate {
            conditions.append("issue_date <= ?")
            arguments += [to]
        }
        if let status = request.status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        }
        if let kind = request.kind {
            conditions.append("kind = ?")
            arguments += [kind.rawValue]
        }
        if let number = request.number {
            conditions.append("number = ?")
            arguments += [number]
        }
        if let id = request.id {
            conditions.append("id = ?")
            arguments += [id]
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let limit = min(max(request.limit ?? 50, 1), 1000)
        let offset = max(request.offset ?? 0, 0)
        let pageArguments = arguments
        return try await pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoice" + filter, arguments: pageArguments) ?? 0
            var page = pageArguments
            page += [limit, offset]
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(Self.summaryColumns) FROM invoice\(filter) ORDER BY created_at DESC, id LIMIT ? OFFSET ?", arguments: page
            )
            return (try rows.map(Self.record), total)
        }
    }

    // MARK: Rows

    static let summaryColumns = """
        id, number, kind, subtype, status, seller_vat, seller_name, buyer_name, buyer_vat, issue_date, issue_time, currency, line_count,
        total_without_vat, total_vat, total_with_vat, payable, billing_reference, egs_id, icv, invoice_hash, qr, created_at, updated_at
        """

    private static func insert(_ db: Database, _ stored: Stored) throws {
        let record = stored.record
        try db.execute(
            literal: """
                INSERT INTO invoice (id, number, kind, subtype, status, seller_vat, seller_name, buyer_name, buyer_vat, issue_date, issue_time,
                currency, line_count, total_without_vat, total_vat, total_with_vat, payable, billing_reference, original_id, egs_id, icv,
                invoice_hash, qr, draft_json, warnings_json, unsigned_xml, stamped_xml, cleared_xml, created_at, updated_at)
                VALUES (\(record.id), \(record.number), \(record.kind.rawValue), \(record.subtype.rawValue), \(record.status.rawValue),
                \(record.sellerVAT), \(record.sellerName), \(record.buyerName), \(record.buyerVAT), \(record.issueDate), \(record.issueTime),
                \(record.currency), \(record.lineCount), \(record.totalWithoutVAT.description), \(record.totalVAT.description),
                \(record.totalWithVAT.description), \(record.payable.description), \(record.billingReference), \(stored.originalID),
                \(record.egsID), \(record.icv), \(record.invoiceHash), \(record.qr), \(try json(stored.draft)), \(try json(stored.warnings)),
                \(stored.unsignedXML.map { Data($0) }), \(stored.stampedXML.map { Data($0) }), \(stored.clearedXML.map { Data($0) }),
                \(record.createdAt.timeIntervalSince1970), \(record.updatedAt.timeIntervalSince1970))
                """
        )
    }

    private static func remember(_ db: Database, key: String, digest: String, id: String) throws {
        try db.execute(
            sql: "INSERT INTO idempotency (key, request_digest, invoice_id, created_at) VALUES (?, ?, ?, ?)",
            arguments: [key, digest, id, Date().timeIntervalSince1970]
        )
    }

    private static func appendEvent(_ db: Database, id: String, _ event: StatusEvent) throws {
        try db.execute(
            sql: "INSERT INTO invoice_event (invoice_id, status, at, source, detail, messages_json) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, event.status.rawValue, event.at.timeIntervalSince1970, event.source, event.detail, try json(event.messages)]
        )
    }

    /// The next number of a seller's sequence for one kind of document: `INV-000001`, … No
    /// number is ever skipped: it is taken in the transaction that stores the invoice.
    private static func nextNumber(_ db: Database, seller: String, kind: DocumentKind) throws -> String {
        try db.execute(
            sql: "INSERT INTO number_sequence (seller_vat, kind, last) VALUES (?, ?, 1) ON CONFLICT (seller_vat, kind) DO UPDATE SET last = last + 1",
            arguments: [seller, kind.rawValue]
        )
        let value = try Int.fetchOne(db, sql: "SELECT last FROM number_sequence WHERE seller_vat = ? AND kind = ?", arguments: [seller, kind.rawValue]) ?? 1
        let digits = String(value)
        return kind.numberPrefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    static func fetch(_ db: Database, id: String) throws -> Stored? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM invoice WHERE id = ?", arguments: [id]) else { return nil }
        let decoder = JSONDecoder()
        return Stored(
            record: try record(row),
            draft: try decoder.decode(InvoiceDraft.self, from: row["draft_json"] as Data),
            warnings: (try? decoder.decode([Finding].self, from: row["warnings_json"] as Data)) ?? [],
            originalID: row["original_id"],
            unsignedXML: (row["unsigned_xml"] as Data?).map { Array($0) },
            stampedXML: (row["stamped_xml"] as Data?).map { Array($0) },
            clearedXML: (row["cleared_xml"] as Data?).map { Array($0) }
        )
    }

    private static func record(_ row: Row) throws -> InvoiceRecord {
        func decimal(_ column: String) throws -> ExactDecimal {
            let text: String = row[column]
            guard let value = ExactDecimal(text) else { throw InvoicingError.storage("column \(column) holds '\(text)', not a decimal") }
            return value
        }
        return InvoiceRecord(
            id: row["id"], number: row["number"], kind: DocumentKind(rawValue: row["kind"]) ?? .invoice,
            subtype: InvoiceSubtype(rawValue: row["subtype"]) ?? .standard, status: InvoiceStatus(rawValue: row["status"]) ?? .draft,
            sellerVAT: row["seller_vat"], sellerName: row["seller_name"], buyerName: row["buyer_name"], buyerVAT: row["buyer_vat"],
            issueDate: row["issue_date"], issueTime: row["issue_time"], currency: row["currency"], lineCount: row["line_count"],
            totalWithoutVAT: try decimal("total_without_vat"), totalVAT: try decimal("total_vat"), totalWithVAT: try decimal("total_with_vat"),
            payable: try decimal("payable"), billingReference: row["billing_reference"], egsID: row["egs_id"], icv: row["icv"],
            invoiceHash: row["invoice_hash"], qr: row["qr"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
            updatedAt: Date(timeIntervalSince1970: row["updated_at"])
        )
    }

    private static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }
}
