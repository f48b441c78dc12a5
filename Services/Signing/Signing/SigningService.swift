import Foundation
import GRDB
import Logging
public import ServiceRuntime

/// Key custody, the ZATCA cryptographic stamp, QR codes, the invoice chain and verification.
///
/// Keys are generated here, sealed with AES-256-GCM under the key-encryption key in
/// `<data>/signing/kek` (0600), and never leave the process; the database is
/// `<data>/signing/signing.sqlite`.
public enum SigningService {
    /// Documents larger than this are refused.
    public static let maxDocumentSize = 10 << 20

    public static func parts(_ context: ServiceContext) async throws -> ServiceParts {
        try await parts(context, certificateWatch: .seconds(3_600))
    }

    /// `certificateWatch`: how often certificates are checked for expiry within 30 days.
    public static func parts(_ context: ServiceContext, certificateWatch: Duration) async throws -> ServiceParts {
        let directory = (context.paths.dataDirectory as NSString).appendingPathComponent("signing")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let lock = try DataDirectoryLock(directory: directory)
        if let unsupported = lock.unsupported {
            context.logger.warning("\(unsupported): run only one signing service on this data directory at a time")
        }
        do {
            let kek = try KeyEncryptionKey.loadOrCreate(at: (directory as NSString).appendingPathComponent("kek"))
            let store = try SigningStore(path: (directory as NSString).appendingPathComponent("signing.sqlite"))
            let committer = StampCommitter(store: store, logger: context.logger)
            let registry = UnitRegistry(store: store, committer: committer, kek: kek)
            let handler = SigningHandler(store: store, registry: registry, kek: kek, logger: context.logger, maxDocumentSize: maxDocumentSize)
            context.health.update(details: ["units": "\(try await store.units().count)", "database": store.pool.path])
            let notification = ServiceConnection(.notification, paths: context.paths)
            let watch = CertificateWatch(store: store, client: notification.client, logger: context.logger, interval: certificateWatch)
            let checkpointer = WALCheckpointer(path: store.pool.path, logger: context.logger, writerThreshold: { store.setWriterCheckpointFrames($0) })
            // Held by the service group until every service has finished (the committer's
            // last transaction included), however the group ends.
            return ServiceParts(rpcServices: [handler], background: [lock, committer, checkpointer, notification, watch])
        } catch {
            lock.release()
            throw error
        }
    }
}
