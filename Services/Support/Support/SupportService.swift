import Foundation
import GRDB
import Logging
public import ServiceRuntime

/// The support desk: diagnosis in Arabic and English, tickets, business-hours SLA clocks.
///
/// The database is `<data>/support/tickets.sqlite`; the configuration (business hours,
/// holidays, targets) `<data>/support/config.json` or `$EINVOICE_SUPPORT_CONFIG`.
public enum SupportService {
    public static func parts(_ context: ServiceContext) async throws -> ServiceParts {
        try await parts(context, environment: ProcessInfo.processInfo.environment, slaInterval: .seconds(30))
    }

    public static func parts(_ context: ServiceContext, environment: [String: String], slaInterval: Duration) async throws -> ServiceParts {
        let directory = (context.paths.dataDirectory as NSString).appendingPathComponent("support")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let config = try SupportConfig.load(dataDirectory: context.paths.dataDirectory, environment: environment)
        let store = try TicketStore(path: (directory as NSString).appendingPathComponent("tickets.sqlite"), calendar: try config.businessCalendar(), config: config)
        let invoicing = ServiceConnection(.invoicing, paths: context.paths)
        let signing = ServiceConnection(.signing, paths: context.paths)
        let notification = ServiceConnection(.notification, paths: context.paths)
        let handler = SupportHandler(store: store, diagnoser: Diagnoser(invoicing: invoicing.client, signing: signing.client), logger: context.logger)
        let watch = SLAWatch(store: store, notification: notification.client, logger: context.logger, interval: slaInterval)
        context.health.update(details: ["database": store.pool.path, "time_zone": store.calendar.timeZone])
        return ServiceParts(rpcServices: [handler], background: [invoicing, signing, notification, watch])
    }
}
