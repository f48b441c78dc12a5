import GRDB

/// The signing database's schema, migration by migration (a database keeps the record of the
/// ones it has had, and never runs one twice).
extension SigningStore {
    /// The schema, migration by migration.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
        try db.execute(sql: """
            CREATE TABLE unit (
                egs_id TEXT PRIMARY KEY NOT NULL,
                created_at REAL NOT NULL,
                sealed_key BLOB NOT NULL,
                csr_pem TEXT,
                certificate_der BLOB,
                certificate_kind TEXT,
                last_icv INTEGER NOT NULL DEFAULT 0,
                last_hash TEXT NOT NULL
            );
            CREATE TABLE stamp (
                egs_id TEXT NOT NULL REFERENCES unit(egs_id),
                icv INTEGER NOT NULL,
                uuid TEXT NOT NULL,
                invoice_hash TEXT NOT NULL,
                previous_hash TEXT NOT NULL,
                signing_time TEXT NOT NULL,
                qr_code TEXT NOT NULL,
                signature_value TEXT NOT NULL,
                input_digest BLOB NOT NULL,
                document BLOB NOT NULL,
                stamped_at REAL NOT NULL,
                PRIMARY KEY (egs_id, icv),
                UNIQUE (egs_id, uuid)
            );
            """)
    }
    migrator.registerMigration("v2: documents stored without their XAdES block") { db in
        try db.execute(sql: """
            CREATE TABLE certificate (
                digest TEXT PRIMARY KEY NOT NULL,
                der BLOB NOT NULL
            );
            ALTER TABLE stamp ADD COLUMN extensions_offset INTEGER;
            ALTER TABLE stamp ADD COLUMN certificate_digest TEXT REFERENCES certificate(digest);
            """)
    }
    migrator.registerMigration("v3: documents compressed") { db in
        // Set: the document is an LZ4 block of a document of this many bytes.
        try db.execute(sql: "ALTER TABLE stamp ADD COLUMN document_size INTEGER")
    }
    migrator.registerMigration("v4: documents compressed against a dictionary, QR read from the document") { db in
        try db.execute(sql: """
            CREATE TABLE dictionary (
                digest TEXT PRIMARY KEY NOT NULL,
                bytes BLOB NOT NULL
            );
            ALTER TABLE stamp ADD COLUMN dictionary_digest TEXT REFERENCES dictionary(digest);
            ALTER TABLE stamp ADD COLUMN qr_offset INTEGER;
            """)
    }
    // Immediate checks: nothing here breaks a foreign key, and the deferred default re-checks
    // every key of the stamp table (about a second for 200,000 stamps).
    migrator.registerMigration("v5: chain heads in a table of their own", foreignKeyChecks: .immediate) { db in
        // Every commit moves its units' heads. In the unit rows (with their sealed keys, CSRs
        // and certificates, several pages for 8 units) that rewrote about 3.4 pages a commit;
        // here, one.
        try db.execute(sql: """
            CREATE TABLE chain_head (
                egs_id TEXT PRIMARY KEY NOT NULL REFERENCES unit(egs_id),
                last_icv INTEGER NOT NULL,
                last_hash TEXT NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO chain_head (egs_id, last_icv, last_hash) SELECT egs_id, last_icv, last_hash FROM unit;
            ALTER TABLE unit DROP COLUMN last_icv;
            ALTER TABLE unit DROP COLUMN last_hash;
            """)
    }
    migrator.registerMigration("v6: the UUID index trails the chain", foreignKeyChecks: .immediate) { db in
        // The stamp table again, without its UNIQUE (egs_id, uuid) (SQLite cannot drop one):
        // each stamp's row put a random page of that index into its commit. UUIDs go into
        // `stamp_uuid` later, in chunks (`indexUUIDs`); `indexed_icv` is each unit's last ICV
        // there. The rows keep their rowids, so their order on disk stays the same.
        try db.execute(sql: """
            CREATE TABLE stamp_v6 (
                egs_id TEXT NOT NULL REFERENCES unit(egs_id),
                icv INTEGER NOT NULL,
                uuid TEXT NOT NULL,
                invoice_hash TEXT NOT NULL,
                previous_hash TEXT NOT NULL,
                signing_time TEXT NOT NULL,
                qr_code TEXT NOT NULL,
                signature_value TEXT NOT NULL,
                input_digest BLOB NOT NULL,
                document BLOB NOT NULL,
                stamped_at REAL NOT NULL,
                extensions_offset INTEGER,
                certificate_digest TEXT REFERENCES certificate(digest),
                document_size INTEGER,
                dictionary_digest TEXT REFERENCES dictionary(digest),
                qr_offset INTEGER,
                PRIMARY KEY (egs_id, icv)
            );
            INSERT INTO stamp_v6 (
                rowid, egs_id, icv, uuid, invoice_hash, previous_hash, signing_time, qr_code, signature_value, input_digest,
                document, stamped_at, extensions_offset, certificate_digest, document_size, dictionary_digest, qr_offset
            )
            SELECT
                rowid, egs_id, icv, uuid, invoice_hash, previous_hash, signing_time, qr_code, signature_value, input_digest,
                document, stamped_at, extensions_offset, certificate_digest, document_size, dictionary_digest, qr_offset
            FROM stamp;
            DROP TABLE stamp;
            ALTER TABLE stamp_v6 RENAME TO stamp;
            CREATE TABLE stamp_uuid (
                egs_id TEXT NOT NULL,
                uuid TEXT NOT NULL,
                icv INTEGER NOT NULL,
                PRIMARY KEY (egs_id, uuid)
            ) WITHOUT ROWID;
            INSERT INTO stamp_uuid (egs_id, uuid, icv) SELECT egs_id, uuid, icv FROM stamp ORDER BY egs_id, uuid;
            ALTER TABLE chain_head ADD COLUMN indexed_icv INTEGER NOT NULL DEFAULT 0;
            UPDATE chain_head SET indexed_icv = last_icv;
            """)
    }
        return migrator
    }()
}
