import Foundation
import GRDB
import InvoiceModel
import InvoicingContract

/// The durable submission queue: every stamped invoice is owed to the platform (clearance for
/// standard documents, reporting for simplified ones) until it is cleared, reported or rejected.
/// The row is written in the same transaction as the stamp, and the outcome in the same
/// transaction as the invoice's new status, so a crash never loses or repeats a decision.
extension InvoiceStore {
    static func migrateSubmissions(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-submissions") { db in
            try db.execute(sql: """
                CREATE TABLE submission (
                    invoice_id TEXT PRIMARY KEY NOT NULL REFERENCES invoice(id),
                    egs_id TEXT NOT NULL,
                    endpoint TEXT NOT NULL,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at REAL NOT NULL,
                    last_status INTEGER,
                    last_error TEXT,
                    deadline_at REAL,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE INDEX submission_due ON submission (state, next_attempt_at);
                INSERT INTO submission (invoice_id, egs_id, endpoint, state, next_attempt_at, created_at, updated_at)
                    SELECT id, egs_id, CASE subtype WHEN 'standard' THEN 'clearance' ELSE 'reporting' END, 'pending', updated_at, updated_at, updated_at
                    FROM invoice WHERE status = 'stamped' AND egs_id IS NOT NULL;
                """)
        }
    }

    /// Puts a freshly stamped invoice in the queue (inside the stamp's transaction).
    static func enqueueSubmission(_ db: Database, _ stored: Stored, at: Date) throws {
        guard let egsID = stored.record.egsID else { return }
        let endpoint: SubmissionEndpointName = stored.record.subtype == .standard ? .clearance : .reporting
        let deadline = endpoint == .reporting ? InvoiceAnnouncer.issuedAt(stored.record).map { $0.addingTimeInterval(24 * 3_600) } : nil
        try db.execute(
            sql: """
                INSERT INTO submission (invoice_id, egs_id, endpoint, state, next_attempt_at, deadline_at, created_at, updated_at)
                VALUES (?, ?, ?, 'pending', ?, ?, ?, ?) ON CONFLICT (invoice_id) DO NOTHING
                """,
            arguments: [
                stored.record.id, egsID, endpoint.rawValue, at.timeIntervalSince1970, deadline?.timeIntervalSince1970, at.timeIntervalSince1970,
                at.timeIntervalSince1970,
            ]
        )
    }

    /// Pending submissions due by `now`, oldest first.
    func dueSubmissions(now: Date, limit: Int = 50) async throws -> [SubmissionRecord] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "\(Self.submissionSelect) WHERE s.state = 'pending' AND s.next_attempt_at <= ? ORDER BY s.next_attempt_at LIMIT ?",
                arguments: [now.timeIntervalSince1970, limit]
            ).map(Self.submissionRecord)
        }
    }

    func submission(invoiceID: String) async throws -> SubmissionRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "\(Self.submissionSelect) WHERE s.invoice_id = ?", arguments: [invoiceID]).map(Self.submissionRecord)
        }
    }

    func submissions(_ request: SubmissionsRequest) async throws -> (records: [SubmissionRecord], counts: [String: Int]) {
        try await pool.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let state = request.state {
                conditions.append("s.state = ?")
                arguments += [state.rawValue]
            }
            if let egsID = request.egsID {
                conditions.append("s.egs_id = ?")
                arguments += [egsID]
            }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            arguments += [min(max(request.limit ?? 100, 1), 10_000)]
            let records = try Row.fetchAll(db, sql: "\(Self.submissionSelect)\(filter) ORDER BY s.created_at DESC LIMIT ?", arguments: arguments).map(Self.submissionRecord)
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM submission GROUP BY state") { counts[row["state"]] = row["n"] }
            return (records, counts)
        }
    }

    /// Leaves a submission pending for another attempt at `next`, noting why.
    func deferSubmission(invoiceID: String, attempts: Int, next: Date, status: Int?, error: String, at: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE submission SET attempts = attempts + ?, next_attempt_at = ?, last_status = ?, last_error = ?, updated_at = ? WHERE invoice_id = ? AND state = 'pending'",
                arguments: [attempts, next.timeIntervalSince1970, status, error, at.timeIntervalSince1970, invoiceID]
            )
        }
    }

    /// Sends a standard document to reporting instead (the platform answered 303).
    func switchToReporting(invoiceID: String, at: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE submission SET endpoint = 'reporting', last_status = 303, last_error = 'clearance is switched off: reported instead', updated_at = ? WHERE invoice_id = ?",
                arguments: [at.timeIntervalSince1970, invoiceID]
            )
        }
    }

    /// Ends a submission without the platform: the unit has no production CSID, so the
    /// invoice stays stamped here.
    func keepLocal(invoiceID: String, reason: String, at: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE submission SET state = 'local', last_error = ?, updated_at = ? WHERE invoice_id = ? AND state = 'pending'",
                arguments: [reason, at.timeIntervalSince1970, invoiceID]
            )
        }
    }

    /// The platform's final answer: the invoice's new status and the submission's end, together.
    func finishSubmission(_ outcome: RecordOutcomeRequest, attempts: Int, httpStatus: Int, at: Date) async throws -> Stored {
        try await pool.write { db in
            let stored = try Self.applyOutcome(db, outcome, at: at)
            try db.execute(
                sql: "UPDATE submission SET state = ?, attempts = attempts + ?, last_status = ?, last_error = ?, updated_at = ? WHERE invoice_id = ?",
                arguments: [
                    outcome.status == .rejected ? SubmissionState.rejected.rawValue : SubmissionState.done.rawValue, attempts, httpStatus,
                    outcome.status == .rejected ? outcome.detail : nil, at.timeIntervalSince1970, outcome.id,
                ]
            )
            return stored
        }
    }

    /// Puts a submission back in the queue now (an operator's retry).
    func retrySubmission(invoiceID: String, at: Date) async throws -> SubmissionRecord {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "\(Self.submissionSelect) WHERE s.invoice_id = ?", arguments: [invoiceID]).map(Self.submissionRecord) else {
                throw InvoicingError.notFound("Invoice \(invoiceID) has no submission: it is not stamped yet.")
            }
            switch row.state {
            case .done: throw InvoicingError.failedPrecondition("Invoice \(row.number ?? invoiceID) is already \(row.invoiceStatus.rawValue); there is nothing to retry.")
            case .rejected:
                throw InvoicingError.failedPrecondition(
                    "ZATCA rejected invoice \(row.number ?? invoiceID); sending the same document again cannot change that. Issue a corrected invoice (or a credit note)."
                )
            case .pending, .local: break
            }
            try db.execute(
                sql: "UPDATE submission SET state = 'pending', next_attempt_at = ?, updated_at = ? WHERE invoice_id = ?",
                arguments: [at.timeIntervalSince1970, at.timeIntervalSince1970, invoiceID]
            )
            guard let updated = try Row.fetchOne(db, sql: "\(Self.submissionSelect) WHERE s.invoice_id = ?", arguments: [invoiceID]).map(Self.submissionRecord) else {
                throw InvoicingError.storage("submission \(invoiceID) vanished")
            }
            return updated
        }
    }

    static let submissionSelect = """
        SELECT s.*, i.number, i.kind, i.subtype, i.status AS invoice_status, i.seller_vat FROM submission s JOIN invoice i ON i.id = s.invoice_id
        """

    static func submissionRecord(_ row: Row) throws -> SubmissionRecord {
        SubmissionRecord(
            invoiceID: row["invoice_id"], number: row["number"], kind: DocumentKind(rawValue: row["kind"]) ?? .invoice,
            subtype: InvoiceSubtype(rawValue: row["subtype"]) ?? .simplified, sellerVAT: row["seller_vat"], egsID: row["egs_id"],
            endpoint: SubmissionEndpointName(rawValue: row["endpoint"]) ?? .reporting, state: SubmissionState(rawValue: row["state"]) ?? .pending,
            invoiceStatus: InvoiceStatus(rawValue: row["invoice_status"]) ?? .stamped, attempts: row["attempts"],
            nextAttemptAt: Date(timeIntervalSince1970: row["next_attempt_at"]), lastStatus: row["last_status"], lastError: row["last_error"],
            deadlineAt: (row["deadline_at"] as Double?).map(Date.init(timeIntervalSince1970:)), createdAt: Date(timeIntervalSince1970: row["created_at"]),
            updatedAt: Date(timeIntervalSince1970: row["updated_at"])
        )
    }
}
