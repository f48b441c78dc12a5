import DurableStore
import Foundation
import GRDB
import Testing

@Suite("Durable databases")
struct DurableDatabaseTests {
    static func scratch() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("durable-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("A durable pool's writer syncs every commit (FULL), though GRDB's WAL setup asks for NORMAL")
    func writerIsFull() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }

        // The trap: asking in prepareDatabase is not enough.
        let plain = try DatabasePool(path: "\(directory)/plain.sqlite", configuration: configuration)
        #expect(try plain.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 1, "GRDB leaves a WAL writer at NORMAL")

        let durable = try DatabasePool.durable(path: "\(directory)/durable.sqlite", configuration: configuration)
        #expect(try durable.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
        #expect(try durable.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }
}
