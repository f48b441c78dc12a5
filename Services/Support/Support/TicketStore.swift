import Foundation
import DurableStore
import GRDB
import SupportContract

/// Tickets, their notes and SLA clocks (SQLite, WAL, fsync on commit).
final class TicketStore: Sendable {
    let pool: DatabasePool
    let calendar: BusinessCalendar
    let config: SupportConfig

    init(path: String, calendar: BusinessCalendar, config: SupportConfig) throws {
        self.calendar = calendar
        self.config = config
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool.durable(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE ticket (
                    number INTEGER PRIMARY KEY AUTOINCREMENT,
                    subject TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    priority TEXT NOT NULL,
                    status TEXT NOT NULL,
                    assignee TEXT,
                    taxpayer_vat TEXT,
                    buyer TEXT,
                    invoices_json BLOB NOT NULL,
                    source_key TEXT UNIQUE,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    first_response_at REAL,
                    resolved_at REAL,
                    first_due REAL NOT NULL,
                    resolution_due REAL NOT NULL,
                    paused_since REAL,
                    paused_business REAL NOT NULL DEFAULT 0,
                    warned_first INTEGER NOT NULL DEFAULT 0,
                    warned_resolution INTEGER NOT NULL DEFAULT 0,
                    diagnosis_json BLOB
                );
                CREATE INDEX ticket_status ON ticket (status);
                CREATE TABLE ticket_invoice (
                    ticket_number INTEGER NOT NULL REFERENCES ticket(number),
                    invoice TEXT NOT NULL
                );
                CREATE INDEX ticket_invoice_invoice ON ticket_invoice (invoice);
                CREATE TABLE ticket_note (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_number INTEGER NOT NULL REFERENCES ticket(number),
                    at REAL NOT NULL,
                    author TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX ticket_note_ticket ON ticket_note (ticket_number);
                """)
        }
        try migrator.migrate(pool)
    }

    struct NewTicket: Sendable {
        var subject: String
        var channel: TicketChannel
        var priority: TicketPriority
        var taxpayerVAT: String?
        var buyer: String?
        var invoices: [String]
        var author: String
        var description: String?
        var sourceKey: String?
        var diagnosis: Diagnosis?
    }

    /// Opens a ticket (or returns the one already opened for `sourceKey`).
    func open(_ new: NewTicket, at now: Date) async throws -> (TicketDetail, existing: Bool) {
        let target = config.target(new.priority)
        let firstDue = calendar.adding(target.firstResponseHours * 3_600, to: now)
        let resolutionDue = calendar.adding(target.resolutionHours * 3_600, to: now)
        let diagnosis = try new.diagnosis.map { try JSONEncoder().encode($0) }
        return try await pool.write { db in
            if let key = new.sourceKey, let number = try Int.fetchOne(db, sql: "SELECT number FROM ticket WHERE source_key = ?", arguments: [key]) {
                return (try Self.detail(db, number: number, now: now)!, true)
            }
            try db.execute(
                sql: """
                    INSERT INTO ticket (subject, channel, priority, status, taxpayer_vat, buyer, invoices_json, source_key, created_at, updated_at,
                        first_due, resolution_due, diagnosis_json)
                    VALUES (?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    new.subject, new.channel.rawValue, new.priority.rawValue, new.taxpayerVAT, new.buyer, try JSONEncoder().encode(new.invoices), new.sourceKey,
                    now.timeIntervalSince1970, now.timeIntervalSince1970, firstDue.timeIntervalSince1970, resolutionDue.timeIntervalSince1970, diagnosis,
                ]
            )
            let number = Int(db.lastInsertedRowID)
            for invoice in new.invoices {
                try db.execute(sql: "INSERT INTO ticket_invoice (ticket_number, invoice) VALUES (?, ?)", arguments: [number, invoice])
            }
            let opened = "Opened by \(new.author) via \(new.channel.rawValue), priority \(new.priority.rawValue)."
            try Self.note(db, number, at: now, author: new.author, kind: "system", text: opened)
            if let description = new.description, !description.isEmpty {
                try Self.note(db, number, at: now, author: new.author, kind: "note", text: description)
            }
            return (try Self.detail(db, number: number, now: now)!, false)
        }
    }

    /// Adds a note; the first note by a person (not `system`) is the first response.
    func addNote(_ number: Int, author: String, text: String, at now: Date) async throws -> TicketDetail {
        try await pool.write { db in
            try Self.requireTicket(db, number)
            try Self.note(db, number, at: now, author: author, kind: "note", text: text)
            try Self.responded(db, number, author: author, at: now)
            return try Self.detail(db, number: number, now: now)!
        }
    }

    func assign(_ number: Int, to assignee: String, author: String, at now: Date) async throws -> TicketDetail {
        try await pool.write { db in
            try Self.requireTicket(db, number)
            try db.execute(sql: "UPDATE ticket SET assignee = ?, updated_at = ? WHERE number = ?", arguments: [assignee, now.timeIntervalSince1970, number])
            try Self.note(db, number, at: now, author: author, kind: "assignment", text: "Assigned to \(assignee).")
            return try Self.detail(db, number: number, now: now)!
        }
    }

    /// Moves a ticket; waiting on the customer stops the resolution clock until it moves on.
    func setStatus(_ number: Int, to status: TicketStatus, author: String, note: String?, at now: Date) async throws -> TicketDetail {
        try await pool.write { [calendar, config] db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM ticket WHERE number = ?", arguments: [number]) else {
                throw SupportError.notFound("No ticket \(TicketStore.display(number)).")
            }
            let current = TicketStatus(rawValue: row["status"]) ?? .new
            guard Self.allowed(from: current, to: status) else {
                throw SupportError.failedPrecondition("Ticket \(Self.display(number)) is \(current.rawValue); it cannot become \(status.rawValue).")
            }
            var pausedBusiness: Double = row["paused_business"]
            let pausedSince: Double? = row["paused_since"]
            if let pausedSince, status != .waitingOnCustomer {
                pausedBusiness += calendar.businessTime(from: Date(timeIntervalSince1970: pausedSince), to: now)
            }
            // A reopened ticket does not count the time it sat resolved, and warns again.
            let reopened = current == .resolved && status == .inProgress
            if reopened, let resolvedAt = row["resolved_at"] as Double? {
                pausedBusiness += calendar.businessTime(from: Date(timeIntervalSince1970: resolvedAt), to: now)
            }
            let created = Date(timeIntervalSince1970: row["created_at"])
            let priority = TicketPriority(rawValue: row["priority"]) ?? .normal
            let resolutionDue = calendar.adding(config.target(priority).resolutionHours * 3_600 + pausedBusiness, to: created)
            let newPausedSince: Double? = status == .waitingOnCustomer ? (pausedSince ?? now.timeIntervalSince1970) : nil
            let resolvedAt: Double? = status == .resolved || status == .closed ? ((row["resolved_at"] as Double?) ?? now.timeIntervalSince1970) : nil
            try db.execute(
                sql: """
                    UPDATE ticket SET status = ?, paused_since = ?, paused_business = ?, resolution_due = ?, resolved_at = ?, updated_at = ?,
                    warned_resolution = CASE WHEN ? THEN 0 ELSE warned_resolution END
                    WHERE number = ?
                    """,
                arguments: [
                    status.rawValue, newPausedSince, pausedBusiness, resolutionDue.timeIntervalSince1970, resolvedAt, now.timeIntervalSince1970, reopened, number,
                ]
            )
            try Self.note(db, number, at: now, author: author, kind: "status", text: "\(current.rawValue) → \(status.rawValue)" + (note.map { ": \($0)" } ?? ""))
            try Self.responded(db, number, author: author, at: now)
            return try Self.detail(db, number: number, now: now)!
        }
    }

    static func allowed(from: TicketStatus, to: TicketStatus) -> Bool {
        switch (from, to) {
        case (.closed, _): false
        case (.resolved, .inProgress), (.resolved, .closed): true
        case (.resolved, _): false
        case (_, .new): false
        default: from != to
        }
    }

    func detail(_ number: Int, at now: Date) async throws -> TicketDetail? {
        try await pool.read { db in try Self.detail(db, number: number, now: now) }
    }

    func list(_ request: ListTicketsRequest, at now: Date) async throws -> [TicketRecord] {
        try await pool.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let status = request.status {
                conditions.append("status = ?")
                arguments.append(status.rawValue)
            }
            if request.openOnly { conditions.append("status IN ('new', 'in-progress', 'waiting-on-customer')") }
            if let assignee = request.assignee {
                conditions.append("assignee = ?")
                arguments.append(assignee)
            }
            if let invoice = request.invoice {
                conditions.append("number IN (SELECT ticket_number FROM ticket_invoice WHERE invoice = ?)")
                arguments.append(invoice)
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let limit = min(max(request.limit ?? 50, 1), 1_000)
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM ticket \(filter) ORDER BY number DESC LIMIT \(limit)", arguments: StatementArguments(arguments))
            return try rows.map { try Self.record($0, now: now) }
        }
    }

    /// Open tickets whose first response or resolution is due within `lead` and not yet warned.
    func nearingBreach(at now: Date, lead: TimeInterval) async throws -> [(TicketRecord, firstResponse: Bool)] {
        try await pool.read { db in
            let horizon = now.addingTimeInterval(lead).timeIntervalSince1970
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM ticket WHERE status IN ('new', 'in-progress', 'waiting-on-customer') AND
                    ((first_response_at IS NULL AND warned_first = 0 AND first_due <= ?) OR
                     (paused_since IS NULL AND warned_resolution = 0 AND resolution_due <= ?))
                    """,
                arguments: [horizon, horizon]
            )
            return try rows.map { row in
                let record = try Self.record(row, now: now)
                let first = (row["first_response_at"] as Double?) == nil && (row["warned_first"] as Int) == 0 && (row["first_due"] as Double) <= horizon
                return (record, first)
            }
        }
    }

    func markWarned(_ number: Int, firstResponse: Bool, text: String, at now: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE ticket SET \(firstResponse ? "warned_first" : "warned_resolution") = 1 WHERE number = ?", arguments: [number])
            try Self.note(db, number, at: now, author: "system", kind: "system", text: text)
        }
    }

    // MARK: Rows

    static func display(_ number: Int) -> String {
        let digits = String(number)
        return "T-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// `T-000042`, `t-42` or `42`.
    static func number(_ reference: String) -> Int? {
        var text = reference.uppercased()
        if text.hasPrefix("T-") { text.removeFirst(2) }
        return Int(text).flatMap { $0 > 0 ? $0 : nil }
    }

    private static func requireTicket(_ db: Database, _ number: Int) throws {
        guard try Int.fetchOne(db, sql: "SELECT number FROM ticket WHERE number = ?", arguments: [number]) != nil else {
            throw SupportError.notFound("No ticket \(display(number)).")
        }
    }

    private static func note(_ db: Database, _ number: Int, at: Date, author: String, kind: String, text: String) throws {
        try db.execute(
            sql: "INSERT INTO ticket_note (ticket_number, at, author, kind, text) VALUES (?, ?, ?, ?, ?)",
            arguments: [number, at.timeIntervalSince1970, author, kind, text]
        )
        try db.execute(sql: "UPDATE ticket SET updated_at = ? WHERE number = ?", arguments: [at.timeIntervalSince1970, number])
    }

    private static func responded(_ db: Database, _ number: Int, author: String, at: Date) throws {
        guard author != "system" else { return }
        try db.execute(
            sql: "UPDATE ticket SET first_response_at = COALESCE(first_response_at, ?), status = CASE WHEN status = 'new' THEN 'in-progress' ELSE status END WHERE number = ?",
            arguments: [at.timeIntervalSince1970, number]
        )
    }

    private static func detail(_ db: Database, number: Int, now: Date) throws -> TicketDetail? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM ticket WHERE number = ?", arguments: [number]) else { return nil }
        let notes = try Row.fetchAll(db, sql: "SELECT * FROM ticket_note WHERE ticket_number = ? ORDER BY sequence", arguments: [number]).map { note in
            TicketNote(at: Date(timeIntervalSince1970: note["at"]), author: note["author"], kind: note["kind"], text: note["text"])
        }
        let diagnosis = (row["diagnosis_json"] as Data?).flatMap { try? JSONDecoder().decode(Diagnosis.self, from: $0) }
        return TicketDetail(ticket: try record(row, now: now), notes: notes, diagnosis: diagnosis)
    }

    private static func record(_ row: Row, now: Date) throws -> TicketRecord {
        func date(_ column: String) -> Date? { (row[column] as Double?).map(Date.init(timeIntervalSince1970:)) }
        let firstDue = Date(timeIntervalSince1970: row["first_due"])
        let resolutionDue = Date(timeIntervalSince1970: row["resolution_due"])
        let firstResponse = date("first_response_at")
        let resolved = date("resolved_at")
        // While paused, the resolution clock is judged at the moment it stopped.
        let resolutionClock = resolved ?? date("paused_since") ?? now
        return TicketRecord(
            id: display(row["number"]), subject: row["subject"], channel: TicketChannel(rawValue: row["channel"]) ?? .portal,
            priority: TicketPriority(rawValue: row["priority"]) ?? .normal, status: TicketStatus(rawValue: row["status"]) ?? .new, assignee: row["assignee"],
            taxpayerVAT: row["taxpayer_vat"], buyer: row["buyer"], invoices: (try? JSONDecoder().decode([String].self, from: row["invoices_json"] as Data)) ?? [],
            createdAt: Date(timeIntervalSince1970: row["created_at"]), updatedAt: Date(timeIntervalSince1970: row["updated_at"]), firstResponseAt: firstResponse,
            resolvedAt: resolved, firstResponseDue: firstDue, resolutionDue: resolutionDue, firstResponseBreached: (firstResponse ?? now) > firstDue,
            resolutionBreached: resolutionClock > resolutionDue
        )
    }
}

enum SupportError: Error, CustomStringConvertible {
    case invalidRequest(String)
    case notFound(String)
    case failedPrecondition(String)

    var description: String {
        switch self {
        case .invalidRequest(let message), .notFound(let message), .failedPrecondition(let message): message
        }
    }
}
