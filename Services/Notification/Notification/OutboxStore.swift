import Foundation
import DurableStore
import GRDB
import NotificationContract

/// The outbox (SQLite, WAL, fsync on commit): every message with its payload, status and next
/// attempt, and every attempt with its outcome. A message is written before `Enqueue` answers,
/// and it stays pending until an attempt succeeds or the last one fails.
final class OutboxStore: Sendable {
    let pool: DatabasePool

    /// A message and what it takes to deliver it.
    struct Stored: Sendable {
        var record: MessageRecord
        var email: EmailMessage?
        var webhook: WebhookMessage?
    }

    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool.durable(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE message (
                    id TEXT PRIMARY KEY NOT NULL,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    channel TEXT NOT NULL,
                    recipient TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    event TEXT,
                    payload BLOB NOT NULL,
                    status TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    next_attempt_at REAL,
                    last_error TEXT,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE INDEX message_due ON message (status, next_attempt_at);
                CREATE INDEX message_created ON message (created_at);
                CREATE TABLE attempt (
                    message_id TEXT NOT NULL REFERENCES message(id),
                    number INTEGER NOT NULL,
                    at REAL NOT NULL,
                    outcome TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    milliseconds INTEGER NOT NULL,
                    PRIMARY KEY (message_id, number)
                );
                """)
        }
        try migrator.migrate(pool)
    }

    /// Stores a message unless its key is known; returns the stored one and whether it was.
    func enqueue(key: String, email: EmailMessage?, webhook: WebhookMessage?, event: String?, at now: Date) async throws -> (Stored, replayed: Bool) {
        let payload = try JSONEncoder().encode(Payload(email: email, webhook: webhook))
        return try await pool.write { db in
            if let existing = try Self.fetch(db, key: key) { return (existing, true) }
            let id = UUID().uuidString.lowercased()
            let channel: Channel = email != nil ? .email : .webhook
            let recipient = email.map { $0.to.joined(separator: ", ") } ?? webhook?.endpoint ?? ""
            let subject = email?.subject ?? webhook?.event ?? ""
            try db.execute(
                sql: """
                    INSERT INTO message (id, idempotency_key, channel, recipient, subject, event, payload, status, attempts, next_attempt_at,
                        created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
                    """,
                arguments: [id, key, channel.rawValue, recipient, subject, event, payload, MessageStatus.pending.rawValue, now.timeIntervalSince1970,
                            now.timeIntervalSince1970, now.timeIntervalSince1970]
            )
            guard let stored = try Self.fetch(db, key: key) else { throw NotificationError.storage("message \(id) vanished") }
            return (stored, false)
        }
    }

    /// Pending messages due by `now`, oldest first, except those already in hand.
    /// A message whose stored payload cannot be read any more becomes a dead letter, so it cannot
    /// hold up the others.
    func due(at now: Date, excluding busy: Set<String>, limit: Int) async throws -> [Stored] {
        let (good, bad) = try await pool.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM message WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?",
                arguments: [MessageStatus.pending.rawValue, now.timeIntervalSince1970, limit + busy.count]
            )
            var good: [Stored] = []
            var bad: [(String, String)] = []
            for row in rows where !busy.contains(row["id"]) && good.count < limit {
                do { good.append(try Self.stored(row)) } catch { bad.append((row["id"], "\(error)")) }
            }
            return (good, bad)
        }
        for (id, reason) in bad {
            try await record(id: id, outcome: .dead("The stored message cannot be read: \(reason)"), at: now, milliseconds: 0)
        }
        return good
    }

    /// When the next pending message is due, if any.
    func nextDue() async throws -> Date? {
        try await pool.read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM message WHERE status = ?", arguments: [MessageStatus.pending.rawValue])
                .map(Date.init(timeIntervalSince1970:))
        }
    }

    enum Outcome: Sendable {
        case delivered(String)
        case retry(String, at: Date)
        case dead(String)
    }

    /// Records one attempt and its consequence for the message.
    func record(id: String, outcome: Outcome, at now: Date, milliseconds: Int) async throws {
        try await pool.write { db in
            let attempts = (try Int.fetchOne(db, sql: "SELECT attempts FROM message WHERE id = ?", arguments: [id]) ?? 0) + 1
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM attempt WHERE message_id = ?", arguments: [id]) ?? 0) + 1
            let (label, detail, status, next): (String, String, MessageStatus, Date?) =
                switch outcome {
                case .delivered(let detail): ("delivered", detail, .delivered, nil)
                case .retry(let detail, let at): ("retry", detail, .pending, at)
                case .dead(let detail): ("dead", detail, .dead, nil)
                }
            try db.execute(
                sql: "INSERT INTO attempt (message_id, number, at, outcome, detail, milliseconds) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, number, now.timeIntervalSince1970, label, detail, milliseconds]
            )
            try db.execute(
                sql: "UPDATE message SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?",
                arguments: [status.rawValue, attempts, next?.timeIntervalSince1970, label == "delivered" ? nil : detail, now.timeIntervalSince1970, id]
            )
        }
    }

    /// Back in line now (a dead letter, or a message waiting for its next attempt), with a fresh
    /// set of attempts; the earlier ones stay in its history.
    func retry(reference: String, at now: Date) async throws -> MessageRecord {
        try await pool.write { db in
            guard let stored = try Self.fetch(db, reference: reference) else { throw NotificationError.notFound("No message '\(reference)'.") }
            guard stored.record.status != .delivered else {
                throw NotificationError.failedPrecondition("Message \(stored.record.id) was delivered already; nothing to retry.")
            }
            try db.execute(
                sql: "UPDATE message SET status = ?, attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?",
                arguments: [MessageStatus.pending.rawValue, now.timeIntervalSince1970, now.timeIntervalSince1970, stored.record.id]
            )
            return try Self.fetch(db, reference: stored.record.id)!.record
        }
    }

    func detail(reference: String) async throws -> MessageDetail? {
        try await pool.read { db in
            guard let stored = try Self.fetch(db, reference: reference) else { return nil }
            let attempts = try Row.fetchAll(db, sql: "SELECT * FROM attempt WHERE message_id = ? ORDER BY number", arguments: [stored.record.id]).map { row in
                DeliveryAttempt(
                    number: row["number"], at: Date(timeIntervalSince1970: row["at"]), outcome: row["outcome"], detail: row["detail"], milliseconds: row["milliseconds"]
                )
            }
            return MessageDetail(message: stored.record, attempts: attempts)
        }
    }

    func list(_ request: ListMessagesRequest) async throws -> ListMessagesResponse {
        try await pool.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let status = request.status {
                conditions.append("status = ?")
                arguments.append(status.rawValue)
            }
            if let channel = request.channel {
                conditions.append("channel = ?")
                arguments.append(channel.rawValue)
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let limit = min(max(request.limit ?? 50, 1), 1_000)
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM message \(filter) ORDER BY created_at DESC, rowid DESC LIMIT \(limit)", arguments: StatementArguments(arguments)
            )
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM message GROUP BY status") {
                counts[row["status"]] = row["n"]
            }
            return ListMessagesResponse(messages: try rows.map { try Self.stored($0).record }, counts: counts)
        }
    }

    // MARK: Rows

    private struct Payload: Codable {
        var email: EmailMessage?
        var webhook: WebhookMessage?
    }

    private static func fetch(_ db: Database, key: String) throws -> Stored? {
        try Row.fetchOne(db, sql: "SELECT * FROM message WHERE idempotency_key = ?", arguments: [key]).map(stored)
    }

    private static func fetch(_ db: Database, reference: String) throws -> Stored? {
        try Row.fetchOne(db, sql: "SELECT * FROM message WHERE id = ? OR idempotency_key = ? LIMIT 1", arguments: [reference, reference]).map(stored)
    }

    private static func stored(_ row: Row) throws -> Stored {
        let payload = try JSONDecoder().decode(Payload.self, from: row["payload"] as Data)
        let next: Double? = row["next_attempt_at"]
        let record = MessageRecord(
            id: row["id"], idempotencyKey: row["idempotency_key"], channel: Channel(rawValue: row["channel"]) ?? .email, recipient: row["recipient"],
            subject: row["subject"], status: MessageStatus(rawValue: row["status"]) ?? .pending, attempts: row["attempts"],
            nextAttemptAt: next.map(Date.init(timeIntervalSince1970:)), lastError: row["last_error"],
            createdAt: Date(timeIntervalSince1970: row["created_at"]), updatedAt: Date(timeIntervalSince1970: row["updated_at"]), event: row["event"]
        )
        return Stored(record: record, email: payload.email, webhook: payload.webhook)
    }
}
