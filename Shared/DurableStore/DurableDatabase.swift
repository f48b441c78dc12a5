public import GRDB

extension DatabasePool {
    /// A WAL database whose commits are on disk when they return (`synchronous = FULL` on the
    /// writer): what every einvoice store opens.
    ///
    /// GRDB's WAL setup runs after `Configuration.prepareDatabase` and sets `synchronous =
    /// NORMAL`, which syncs the log only at checkpoints: a pool opened the usual way can lose
    /// committed transactions to a power failure, whatever `prepareDatabase` asked for.
    public static func durable(path: String, configuration: Configuration = Configuration()) throws -> DatabasePool {
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return pool
    }
}
