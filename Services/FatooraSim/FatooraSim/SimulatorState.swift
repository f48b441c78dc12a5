import Foundation
import DurableStore
import GRDB
import ZATCACrypto

/// What the simulated platform remembers (SQLite): its test CA, the CSIDs it issued, the
/// documents it accepted (for duplicates) and each unit's last accepted hash (for the PIH).
final class SimulatorState: Sendable {
    let pool: DatabasePool
    let caKey: SigningKey
    let caCertificate: X509Certificate

    struct CSID: Sendable {
        var requestID: String
        var token: String
        var secret: String
        var certificate: X509Certificate
        /// `compliance` or `production`.
        var kind: String
        var complianceRequestID: String?
    }

    init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool.durable(path: (directory as NSString).appendingPathComponent("fatoora-sim.sqlite"), configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE ca (id INTEGER PRIMARY KEY CHECK (id = 1), key BLOB NOT NULL, certificate BLOB NOT NULL);
                CREATE TABLE csid (
                    request_id TEXT PRIMARY KEY NOT NULL, token TEXT NOT NULL UNIQUE, secret TEXT NOT NULL, certificate BLOB NOT NULL,
                    kind TEXT NOT NULL, compliance_request_id TEXT, csr TEXT NOT NULL, created_at REAL NOT NULL
                );
                CREATE TABLE compliance_check (request_id TEXT NOT NULL, step TEXT NOT NULL, PRIMARY KEY (request_id, step));
                CREATE TABLE accepted (
                    uuid TEXT NOT NULL, invoice_hash TEXT NOT NULL, endpoint TEXT NOT NULL, response BLOB NOT NULL, created_at REAL NOT NULL,
                    PRIMARY KEY (uuid, invoice_hash)
                );
                CREATE TABLE chain (unit TEXT PRIMARY KEY NOT NULL, last_hash TEXT NOT NULL);
                """)
        }
        try migrator.migrate(pool)
        if let row = try pool.read({ db in try Row.fetchOne(db, sql: "SELECT key, certificate FROM ca WHERE id = 1") }) {
            caKey = try SigningKey(rawRepresentation: Array(row["key"] as Data))
            caCertificate = try X509Certificate(der: Array(row["certificate"] as Data))
        } else {
            let key = try SigningKey.generate()
            let subject = CSRRequest(
                commonName: "einvoice fatoora-sim test CA", organizationName: "einvoice simulator (not ZATCA)", organizationUnit: "Test CA", country: "SA",
                serialNumber: "1-fatoora-sim|2-ca|3-1", vatNumber: "300000000000003", invoiceTypes: "1100", registeredAddress: "Riyadh",
                businessCategory: "Testing", environment: .simulation
            )
            let certificate = try SelfSignedCertificate.make(key: key, subject: subject, validity: 3_650, isCertificateAuthority: true)
            try pool.write { db in
                try db.execute(sql: "INSERT INTO ca (id, key, certificate) VALUES (1, ?, ?)", arguments: [Data(key.rawRepresentation), Data(certificate.der)])
            }
            caKey = key
            caCertificate = certificate
        }
    }

    func issue(csrPEM: String, kind: String, complianceRequestID: String?, days: Int) throws -> CSID {
        let certificate = try CertificateAuthority.issue(csrPEM: csrPEM, caKey: caKey, caCertificate: caCertificate, serial: nil, validity: days, copyExtensionsFromCSR: true)
        return try store(certificate: certificate, kind: kind, complianceRequestID: complianceRequestID, csrPEM: csrPEM)
    }

    func csr(requestID: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT csr FROM csid WHERE request_id = ?", arguments: [requestID]) }
    }

    private func store(certificate: X509Certificate, kind: String, complianceRequestID: String?, csrPEM: String) throws -> CSID {
        let requestID = String(UInt64.random(in: 1_000_000_000_000...9_999_999_999_999))
        // ZATCA's binarySecurityToken is base64 of the base64 DER text.
        let token = Data(certificate.base64.utf8).base64EncodedString()
        let secret = (0..<32).map { _ in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".randomElement()! }.map(String.init).joined()
        try pool.write { db in
            try db.execute(
                sql: "INSERT INTO csid (request_id, token, secret, certificate, kind, compliance_request_id, csr, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [requestID, token, secret, Data(certificate.der), kind, complianceRequestID, csrPEM, Date().timeIntervalSince1970]
            )
        }
        return CSID(requestID: requestID, token: token, secret: secret, certificate: certificate, kind: kind, complianceRequestID: complianceRequestID)
    }

    /// The CSID whose token and secret are in an `Authorization: Basic` header.
    func csid(authorization: String?) throws -> CSID? {
        guard let authorization, authorization.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(authorization.dropFirst(6)).trimmingCharacters(in: .whitespaces)).map({ String(decoding: $0, as: UTF8.self) }),
            let colon = decoded.firstIndex(of: ":")
        else { return nil }
        let token = String(decoded[..<colon])
        let secret = String(decoded[decoded.index(after: colon)...])
        return try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM csid WHERE token = ? AND secret = ?", arguments: [token, secret]) else { return nil }
            return try Self.csid(row)
        }
    }

    func csid(requestID: String) throws -> CSID? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM csid WHERE request_id = ?", arguments: [requestID]).map(Self.csid) }
    }

    private static func csid(_ row: Row) throws -> CSID {
        CSID(
            requestID: row["request_id"], token: row["token"], secret: row["secret"], certificate: try X509Certificate(der: Array(row["certificate"] as Data)),
            kind: row["kind"], complianceRequestID: row["compliance_request_id"]
        )
    }

    func recordComplianceStep(_ requestID: String, step: String) throws {
        try pool.write { db in try db.execute(sql: "INSERT OR IGNORE INTO compliance_check (request_id, step) VALUES (?, ?)", arguments: [requestID, step]) }
    }

    func complianceSteps(_ requestID: String) throws -> Set<String> {
        Set(try pool.read { db in try String.fetchAll(db, sql: "SELECT step FROM compliance_check WHERE request_id = ?", arguments: [requestID]) })
    }

    func accepted(uuid: String, hash: String) throws -> (endpoint: String, response: Data)? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT endpoint, response FROM accepted WHERE uuid = ? AND invoice_hash = ?", arguments: [uuid, hash]).map { ($0["endpoint"], $0["response"]) }
        }
    }

    /// Every accepted document, oldest first.
    func acceptedDocuments() throws -> [(uuid: String, hash: String, endpoint: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT uuid, invoice_hash, endpoint FROM accepted ORDER BY created_at").map { ($0["uuid"], $0["invoice_hash"], $0["endpoint"]) }
        }
    }

    func accept(uuid: String, hash: String, endpoint: String, response: Data) throws {
        try pool.write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO accepted (uuid, invoice_hash, endpoint, response, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [uuid, hash, endpoint, response, Date().timeIntervalSince1970]
            )
        }
    }

    /// The hash of the last document the unit submitted, whatever the answer (a rejected
    /// document still moved the unit's chain).
    func advanceChain(unit: String, hash: String) throws {
        try pool.write { db in try db.execute(sql: "INSERT OR REPLACE INTO chain (unit, last_hash) VALUES (?, ?)", arguments: [unit, hash]) }
    }

    func lastHash(unit: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT last_hash FROM chain WHERE unit = ?", arguments: [unit]) }
    }
}
