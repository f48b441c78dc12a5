import Foundation
import DurableStore
import GRDB
import GatewayContract
import ZATCACrypto

/// The gateway's own data: API keys, kept as SHA-256 hashes (`<data>/gateway/gateway.sqlite`).
final class GatewayStore: Sendable {
    let pool: DatabasePool

    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool.durable(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE api_key (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    prefix TEXT NOT NULL,
                    hash TEXT NOT NULL UNIQUE,
                    created_at REAL NOT NULL,
                    last_used_at REAL,
                    revoked_at REAL
                );
                """)
        }
        try migrator.migrate(pool)
    }

    static func hash(_ key: String) -> String {
        Hex.encode(SHA256Digest.hash(Array(key.utf8)))
    }

    /// A new key: `eik_` and 64 hex digits. Only its hash is stored.
    func create(name: String, at: Date) async throws -> CreatedAPIKey {
        let key = "eik_" + Hex.encode(KeyWrap.generateKey())
        let record = APIKeyRecord(id: "K-" + Hex.encode(KeyWrap.generateKey().prefix(4)).uppercased(), name: name, prefix: String(key.prefix(10)), createdAt: at, lastUsedAt: nil, revokedAt: nil)
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO api_key (id, name, prefix, hash, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [record.id, record.name, record.prefix, Self.hash(key), at.timeIntervalSince1970]
            )
        }
        return CreatedAPIKey(record: record, key: key)
    }

    /// The key's record when the key is known and not revoked; notes its use.
    func authenticate(_ key: String, at: Date) async throws -> APIKeyRecord? {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM api_key WHERE hash = ? AND revoked_at IS NULL", arguments: [Self.hash(key)]) else { return nil }
            try db.execute(sql: "UPDATE api_key SET last_used_at = ? WHERE id = ?", arguments: [at.timeIntervalSince1970, row["id"] as String])
            return Self.record(row)
        }
    }

    func list() async throws -> [APIKeyRecord] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM api_key ORDER BY created_at").map(Self.record) }
    }

    func revoke(_ id: String, at: Date) async throws -> APIKeyRecord? {
        try await pool.write { db in
            try db.execute(sql: "UPDATE api_key SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?", arguments: [at.timeIntervalSince1970, id])
            return try Row.fetchOne(db, sql: "SELECT * FROM api_key WHERE id = ?", arguments: [id]).map(Self.record)
        }
    }

    static func record(_ row: Row) -> APIKeyRecord {
        APIKeyRecord(
            id: row["id"], name: row["name"], prefix: row["prefix"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
            lastUsedAt: (row["last_used_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            revokedAt: (row["revoked_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        )
    }
}
