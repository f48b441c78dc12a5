import Foundation
import GRDB
import Logging
public import ServiceRuntime

/// Invoices and notes: VAT, UBL 2.1 XML, ZATCA's business rules and the invoice store.
///
/// The database is `<data>/invoicing/invoices.sqlite`; stamps come from the signing service on
/// `<runtime>/signing.sock`. Invoices numbered while the signing service was away are stamped
/// by ``StampRecovery`` once it is back.
public enum InvoicingService {
    /// XML documents larger than this are refused by `Validate`.
    public static let maxDocumentSize = 16 << 20

    public static func parts(_ context: ServiceContext) async throws -> ServiceParts {
        let directory = (context.paths.dataDirectory as NSString).appendingPathComponent("invoicing")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let store = try InvoiceStore(path: (directory as NSString).appendingPathComponent("invoices.sqlite"))
        let signing = ServiceConnection(.signing, paths: context.paths)
        let registration = ServiceConnection(.registration, paths: context.paths)
        let submitter = Submitter(store: store, registration: registration.client, logger: context.logger)
        let handler = InvoicingHandler(
            store: store, stamper: SigningStamper(client: signing.client, timeout: .seconds(30)), submitter: submitter, logger: context.logger,
            maxDocumentSize: maxDocumentSize
        )
        let recovery = StampRecovery(handler: handler, logger: context.logger, interval: .seconds(2))
        let notification = ServiceConnection(.notification, paths: context.paths)
        let support = ServiceConnection(.support, paths: context.paths)
        let announcer = InvoiceAnnouncer(store: store, client: notification.client, support: support.client, logger: context.logger, interval: .seconds(2))
        context.health.update(details: ["database": store.pool.path])
        return ServiceParts(rpcServices: [handler], background: [signing, registration, submitter, recovery, notification, support, announcer])
    }
}
