import Foundation
import DurableStore
import GRDB
import RegistrationContract

/// Registration's SQLite database (WAL, fsync on commit): taxpayers, units with their onboarding
/// state and CSIDs (secrets sealed with the service's key-encryption key), the onboarding log,
/// the compliance documents as sent, and buyers.
final class RegistrationStore: Sendable {
    let pool: DatabasePool

    /// A unit's row: what was registered and how far onboarding got.
    struct UnitRow: Sendable {
        var request: AddUnitRequest
        var industry: String
        var location: String
        var state: OnboardingState
        var lastError: String?
        /// Stopped by a refusal that needs an operator: not resumed by itself.
        var halted = false
        var csrPEM: String?
        var complianceRequestID: String?
        var complianceToken: String?
        var complianceSecret: [UInt8]?
        var productionToken: String?
        var productionSecret: [UInt8]?
        var certificateKind: String?
        var certificateSerial: String?
        var certificateExpiry: Date?
        var createdAt: Date
        var updatedAt: Date
    }

    /// A compliance document of a unit: the stamped bytes (kept so a resumed onboarding sends the
    /// same document) and whether the platform passed it.
    struct ComplianceDocument: Sendable {
        var name: String
        var stampedXML: [UInt8]
        var invoiceHash: String
        var uuid: String
        var passed: Bool
    }

    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool.durable(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE taxpayer (
                    vat_number TEXT PRIMARY KEY NOT NULL,
                    json BLOB NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE TABLE unit (
                    egs_id TEXT PRIMARY KEY NOT NULL,
                    vat_number TEXT NOT NULL REFERENCES taxpayer(vat_number),
                    request_json BLOB NOT NULL,
                    industry TEXT NOT NULL,
                    location TEXT NOT NULL,
                    state TEXT NOT NULL,
                    last_error TEXT,
                    halted INTEGER NOT NULL DEFAULT 0,
                    csr_pem TEXT,
                    compliance_request_id TEXT,
                    compliance_token TEXT,
                    compliance_secret BLOB,
                    production_token TEXT,
                    production_secret BLOB,
                    certificate_kind TEXT,
                    certificate_serial TEXT,
                    certificate_expiry REAL,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE INDEX unit_vat ON unit (vat_number);
                CREATE TABLE onboarding_step (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    egs_id TEXT NOT NULL REFERENCES unit(egs_id),
                    step TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    at REAL NOT NULL,
                    detail TEXT
                );
                CREATE INDEX onboarding_step_unit ON onboarding_step (egs_id);
                CREATE TABLE compliance_document (
                    egs_id TEXT NOT NULL REFERENCES unit(egs_id),
                    name TEXT NOT NULL,
                    stamped_xml BLOB NOT NULL,
                    invoice_hash TEXT NOT NULL,
                    uuid TEXT NOT NULL,
                    passed INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (egs_id, name)
                );
                CREATE TABLE buyer (
                    id TEXT PRIMARY KEY NOT NULL,
                    seller_vat TEXT NOT NULL,
                    vat_number TEXT,
                    name TEXT NOT NULL,
                    json BLOB NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE UNIQUE INDEX buyer_seller_vat ON buyer (seller_vat, vat_number) WHERE vat_number IS NOT NULL;
                """)
        }
        try migrator.migrate(pool)
    }

    // MARK: Taxpayers

    /// Adds a taxpayer; false when one with that VAT number exists.
    func insert(_ taxpayer: Taxpayer) async throws -> Bool {
        try await pool.write { db in
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM taxpayer WHERE vat_number = ?", arguments: [taxpayer.vatNumber]) == nil else { return false }
            try db.execute(
                sql: "INSERT INTO taxpayer (vat_number, json, created_at) VALUES (?, ?, ?)",
                arguments: [taxpayer.vatNumber, try Self.json(taxpayer), (taxpayer.createdAt ?? Date()).timeIntervalSince1970]
            )
            return true
        }
    }

    func taxpayer(_ vatNumber: String) async throws -> Taxpayer? {
        try await pool.read { db in
            try Data.fetchOne(db, sql: "SELECT json FROM taxpayer WHERE vat_number = ?", arguments: [vatNumber]).map { try JSONDecoder().decode(Taxpayer.self, from: $0) }
        }
    }

    func taxpayers(limit: Int) async throws -> [Taxpayer] {
        try await pool.read { db in
            try Data.fetchAll(db, sql: "SELECT json FROM taxpayer ORDER BY created_at, vat_number LIMIT ?", arguments: [limit]).map {
                try JSONDecoder().decode(Taxpayer.self, from: $0)
            }
        }
    }

    // MARK: Units

    func insert(_ row: UnitRow) async throws -> Bool {
        try await pool.write { db in
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM unit WHERE egs_id = ?", arguments: [row.request.egsID]) == nil else { return false }
            try db.execute(
                sql: """
                    INSERT INTO unit (egs_id, vat_number, request_json, industry, location, state, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    row.request.egsID, row.request.vatNumber, try Self.json(row.request), row.industry, row.location, row.state.rawValue,
                    row.createdAt.timeIntervalSince1970, row.updatedAt.timeIntervalSince1970,
                ]
            )
            try Self.log(db, row.request.egsID, step: "registered", outcome: "done", at: row.createdAt, detail: nil)
            return true
        }
    }

    func unit(_ egsID: String) async throws -> UnitRow? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM unit WHERE egs_id = ?", arguments: [egsID]).map(Self.unitRow) }
    }

    func units(vatNumber: String?, limit: Int) async throws -> [UnitRow] {
        try await pool.read { db in
            if let vatNumber {
                return try Row.fetchAll(db, sql: "SELECT * FROM unit WHERE vat_number = ? ORDER BY created_at LIMIT ?", arguments: [vatNumber, limit]).map(Self.unitRow)
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM unit ORDER BY created_at LIMIT ?", arguments: [limit]).map(Self.unitRow)
        }
    }

    /// Units whose onboarding can go on without an operator: past the OTP, not finished.
    func resumable() async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT egs_id FROM unit WHERE state IN (?, ?, ?) AND halted = 0 ORDER BY updated_at",
                arguments: [OnboardingState.complianceCSID.rawValue, OnboardingState.complianceChecked.rawValue, OnboardingState.productionCSID.rawValue]
            )
        }
    }

    /// Applies `change` to a unit's row and logs the step, in one transaction.
    func update(_ egsID: String, step: String, outcome: String, detail: String?, at: Date, _ change: @Sendable (inout UnitRow) -> Void) async throws -> UnitRow {
        try await pool.write { db in
            guard var row = try Row.fetchOne(db, sql: "SELECT * FROM unit WHERE egs_id = ?", arguments: [egsID]).map(Self.unitRow) else {
                throw RegistrationError.notFound("No EGS unit '\(egsID)'.")
            }
            change(&row)
            row.updatedAt = at
            try db.execute(
                sql: """
                    UPDATE unit SET state = ?, last_error = ?, halted = ?, csr_pem = ?, compliance_request_id = ?, compliance_token = ?, compliance_secret = ?,
                    production_token = ?, production_secret = ?, certificate_kind = ?, certificate_serial = ?, certificate_expiry = ?, updated_at = ?
                    WHERE egs_id = ?
                    """,
                arguments: [
                    row.state.rawValue, row.lastError, row.halted, row.csrPEM, row.complianceRequestID, row.complianceToken, row.complianceSecret.map { Data($0) },
                    row.productionToken, row.productionSecret.map { Data($0) }, row.certificateKind, row.certificateSerial,
                    row.certificateExpiry?.timeIntervalSince1970, at.timeIntervalSince1970, egsID,
                ]
            )
            try Self.log(db, egsID, step: step, outcome: outcome, at: at, detail: detail)
            return row
        }
    }

    func steps(_ egsID: String) async throws -> [OnboardingStep] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT step, outcome, at, detail FROM onboarding_step WHERE egs_id = ? ORDER BY sequence", arguments: [egsID]).map {
                OnboardingStep(step: $0["step"], outcome: $0["outcome"], at: Date(timeIntervalSince1970: $0["at"]), detail: $0["detail"])
            }
        }
    }

    // MARK: Compliance documents

    func complianceDocuments(_ egsID: String) async throws -> [ComplianceDocument] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM compliance_document WHERE egs_id = ?", arguments: [egsID]).map {
                ComplianceDocument(
                    name: $0["name"], stampedXML: Array(($0["stamped_xml"] as Data?) ?? Data()), invoiceHash: $0["invoice_hash"], uuid: $0["uuid"],
                    passed: $0["passed"]
                )
            }
        }
    }

    func save(_ document: ComplianceDocument, egsID: String) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO compliance_document (egs_id, name, stamped_xml, invoice_hash, uuid, passed) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (egs_id, name) DO UPDATE SET passed = excluded.passed
                    """,
                arguments: [egsID, document.name, Data(document.stampedXML), document.invoiceHash, document.uuid, document.passed]
            )
        }
    }

    /// Forgets a unit's compliance documents (a new compliance CSID starts its checks afresh).
    func clearComplianceDocuments(_ egsID: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM compliance_document WHERE egs_id = ?", arguments: [egsID]) }
    }

    // MARK: Buyers

    /// Adds a buyer, or returns the one this seller already has with that VAT number.
    func insert(_ buyer: Buyer) async throws -> (Buyer, inserted: Bool) {
        try await pool.write { db in
            if let vat = buyer.vatNumber,
                let existing = try Data.fetchOne(db, sql: "SELECT json FROM buyer WHERE seller_vat = ? AND vat_number = ?", arguments: [buyer.sellerVAT, vat])
            {
                return (try JSONDecoder().decode(Buyer.self, from: existing), false)
            }
            try db.execute(
                sql: "INSERT INTO buyer (id, seller_vat, vat_number, name, json, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [buyer.id, buyer.sellerVAT, buyer.vatNumber, buyer.name, try Self.json(buyer), (buyer.createdAt ?? Date()).timeIntervalSince1970]
            )
            return (buyer, true)
        }
    }

    func buyer(_ reference: String) async throws -> Buyer? {
        try await pool.read { db in
            try Data.fetchOne(db, sql: "SELECT json FROM buyer WHERE id = ? OR vat_number = ? ORDER BY id = ? DESC LIMIT 1", arguments: [reference, reference, reference])
                .map { try JSONDecoder().decode(Buyer.self, from: $0) }
        }
    }

    func buyers(sellerVAT: String?, limit: Int) async throws -> [Buyer] {
        try await pool.read { db in
            let rows: [Data] =
                if let sellerVAT {
                    try Data.fetchAll(db, sql: "SELECT json FROM buyer WHERE seller_vat = ? ORDER BY created_at LIMIT ?", arguments: [sellerVAT, limit])
                } else {
                    try Data.fetchAll(db, sql: "SELECT json FROM buyer ORDER BY created_at LIMIT ?", arguments: [limit])
                }
            return try rows.map { try JSONDecoder().decode(Buyer.self, from: $0) }
        }
    }

    // MARK: Helpers

    private static func log(_ db: Database, _ egsID: String, step: String, outcome: String, at: Date, detail: String?) throws {
        try db.execute(
            sql: "INSERT INTO onboarding_step (egs_id, step, outcome, at, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [egsID, step, outcome, at.timeIntervalSince1970, detail]
        )
    }

    private static func unitRow(_ row: Row) throws -> UnitRow {
        UnitRow(
            request: try JSONDecoder().decode(AddUnitRequest.self, from: row["request_json"] as Data), industry: row["industry"], location: row["location"],
            state: OnboardingState(rawValue: row["state"]) ?? .registered, lastError: row["last_error"], halted: row["halted"], csrPEM: row["csr_pem"],
            complianceRequestID: row["compliance_request_id"], complianceToken: row["compliance_token"],
            complianceSecret: (row["compliance_secret"] as Data?).map(Array.init), productionToken: row["production_token"],
            productionSecret: (row["production_secret"] as Data?).map(Array.init), certificateKind: row["certificate_kind"],
            certificateSerial: row["certificate_serial"], certificateExpiry: (row["certificate_expiry"] as Double?).map(Date.init(timeIntervalSince1970:)),
            createdAt: Date(timeIntervalSince1970: row["created_at"]), updatedAt: Date(timeIntervalSince1970: row["updated_at"])
        )
    }

    private static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }
}
