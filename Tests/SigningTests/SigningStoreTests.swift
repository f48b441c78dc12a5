import Foundation
import GRDB
import Testing
import ZATCAStamp

@testable import Signing

@Suite("Signing store")
struct SigningStoreTests {
    private static func stamp(_ unit: String, _ icv: Int64, uuid: String = UUID().uuidString, previous: String, hash: String) -> SigningStore.StampRecord {
        SigningStore.StampRecord(
            egsID: unit, icv: icv, uuid: uuid, invoiceHash: hash, previousHash: previous, signingTime: "2026-11-29T10:00:00",
            qrCode: "QR\(icv)", signatureValue: "sig", inputDigest: [UInt8](repeating: UInt8(icv & 0xff), count: 32),
            document: Array("<Invoice>\(icv) فاتورة 🧾</Invoice>".utf8)
        )
    }

    private static func hash(_ n: Int) -> String { Data(repeating: UInt8(n), count: 32).base64EncodedString() }

    @Test("A batch commits what continues each chain, refuses the rest with a reason, and leaves each unit at its last accepted stamp")
    func batchOutcomes() async throws {
        let directory = "/tmp/einvoice-store-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SigningStore(path: "\(directory)/signing.sqlite")
        for unit in ["a", "b"] {
            try await store.insertUnit(.init(egsID: unit, createdAt: Date(), sealedKey: [1], lastICV: 0, lastHash: InvoiceHash.genesisPIH))
        }
        let genesis = InvoiceHash.genesisPIH
        let outcomes = try store.commitNow([
            Self.stamp("a", 1, uuid: "same", previous: genesis, hash: Self.hash(1)),
            Self.stamp("b", 1, previous: genesis, hash: Self.hash(11)),
            Self.stamp("a", 2, previous: Self.hash(1), hash: Self.hash(2)),
            Self.stamp("a", 4, previous: Self.hash(2), hash: Self.hash(4)),        // skips ICV 3
            Self.stamp("b", 2, previous: Self.hash(99), hash: Self.hash(12)),      // wrong PIH
            Self.stamp("a", 3, uuid: "same", previous: Self.hash(2), hash: Self.hash(3)),  // a UUID a already used
            Self.stamp("ghost", 1, previous: genesis, hash: Self.hash(21)),
        ])
        #expect(outcomes[0] == nil && outcomes[1] == nil && outcomes[2] == nil)
        #expect(outcomes[3]?.contains("ICV 4 does not follow") == true, "\(String(describing: outcomes[3]))")
        #expect(outcomes[4]?.contains("ICV 2 does not follow") == true)
        #expect(outcomes[5]?.contains("UNIQUE") == true, "\(String(describing: outcomes[5]))")
        #expect(outcomes[6]?.contains("does not exist") == true)
        #expect(try store.unitNow("a").map { [$0.lastICV] } == [2])
        #expect(try store.unitNow("a")?.lastHash == Self.hash(2))
        #expect(try store.unitNow("b").map { [$0.lastICV] } == [1])

        // The next batch continues from there, and what was stored reads back whole.
        #expect(try store.commitNow([Self.stamp("a", 3, previous: Self.hash(2), hash: Self.hash(3))]) == [nil])
        let stored = try await store.stamps(egsID: "a")
        #expect(stored.map(\.icv) == [1, 2, 3])
        #expect(stored.map(\.previousHash) == [genesis, Self.hash(1), Self.hash(2)])
        #expect(String(decoding: stored[1].document, as: UTF8.self) == "<Invoice>2 فاتورة 🧾</Invoice>")
        #expect(stored[2].qrCode == "QR3")
    }

    @Test("Stamps written before documents had a dictionary (whole QR column, plain LZ4 or no compression) still read back")
    func olderRows() async throws {
        let directory = "/tmp/einvoice-store-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SigningStore(path: "\(directory)/signing.sqlite")
        try await store.insertUnit(.init(egsID: "old", createdAt: Date(), sealedKey: [1], lastICV: 2, lastHash: Self.hash(2)))
        let plain = Array("<Invoice>قديم | old 📜</Invoice>".utf8)
        let compressed = Array(String(repeating: "<cbc:Note>ملاحظة</cbc:Note>", count: 50).utf8)
        try await store.pool.write { db in
            for (icv, document, size) in [(1, plain, nil), (2, DocumentCompression.compress(compressed), Optional(compressed.count))] {
                try db.execute(sql: """
                    INSERT INTO stamp (egs_id, icv, uuid, invoice_hash, previous_hash, signing_time, qr_code, signature_value, input_digest, document, stamped_at, document_size)
                    VALUES ('old', ?, ?, ?, ?, '2025-01-01T00:00:00', ?, 'sig', x'00', ?, 0, ?)
                    """, arguments: [icv, "uuid-\(icv)", Self.hash(icv), Self.hash(icv - 1), "QR-old-\(icv)", Data(document), size])
            }
        }
        let stored = try await store.stamps(egsID: "old")
        #expect(stored.map(\.document) == [plain, compressed])
        #expect(stored.map(\.qrCode) == ["QR-old-1", "QR-old-2"])
        #expect(try await store.latestDictionary(egsID: "old") == nil)
        #expect(try store.stampNow(egsID: "old", uuid: "uuid-2")?.document == compressed)
    }
}
