import Foundation
import GRDB
import InvoicingContract

/// What the notification service and the support desk still have to hear about each invoice.
extension InvoiceStore {
    /// Which announcement an invoice is waiting for.
    enum Announcement: String, Sendable, CaseIterable {
        /// Ready for its buyer: cleared or reported, or (simplified) stamped.
        case ready = "ready_notified_at"
        /// ZATCA rejected it.
        case rejection = "rejection_notified_at"
        /// Simplified and still unreported: a candidate for the 20-hour warning.
        case deadline = "deadline_notified_at"
        /// The support desk's ticket for a rejection, and for a deadline.
        case rejectionTicket = "rejection_ticket_at"
        case deadlineTicket = "deadline_ticket_at"
    }

    /// Invoices that still need `announcement`, oldest first, with their history.
    func awaiting(_ announcement: Announcement, limit: Int = 50) async throws -> [(Stored, [StatusEvent])] {
        let condition: String =
            switch announcement {
            case .ready: "(status IN ('cleared', 'reported') OR (subtype = 'simplified' AND status = 'stamped'))"
            case .rejection, .rejectionTicket: "status = 'rejected'"
            case .deadline, .deadlineTicket: "subtype = 'simplified' AND status = 'stamped'"
            }
        return try await pool.read { db in
            let ids = try String.fetchAll(
                db, sql: "SELECT id FROM invoice WHERE \(condition) AND \(announcement.rawValue) IS NULL ORDER BY created_at LIMIT ?", arguments: [limit]
            )
            return try ids.compactMap { id in
                guard let stored = try Self.fetch(db, id: id) else { return nil }
                return (stored, try Self.events(db, id: id))
            }
        }
    }

    func markAnnounced(_ announcement: Announcement, id: String, at: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE invoice SET \(announcement.rawValue) = ? WHERE id = ?", arguments: [at.timeIntervalSince1970, id])
        }
    }
}
