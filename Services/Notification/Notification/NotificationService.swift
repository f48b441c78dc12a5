import Foundation
import GRDB
import Logging
public import ServiceRuntime

/// A durable outbox that delivers invoices and alerts by e-mail and webhooks.
///
/// The database is `<data>/notification/outbox.sqlite`; the configuration
/// `<data>/notification/config.json` (or `$EINVOICE_NOTIFICATION_CONFIG`), with the SMTP server
/// from `$EINVOICE_SMTP_URL` when set.
public enum NotificationService {
    public static func parts(_ context: ServiceContext) async throws -> ServiceParts {
        try await parts(context, environment: ProcessInfo.processInfo.environment)
    }

    public static func parts(_ context: ServiceContext, environment: [String: String]) async throws -> ServiceParts {
        let directory = (context.paths.dataDirectory as NSString).appendingPathComponent("notification")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let config = try NotificationConfig.load(dataDirectory: context.paths.dataDirectory, environment: environment)
        let store = try OutboxStore(path: (directory as NSString).appendingPathComponent("outbox.sqlite"))
        var smtp: SMTPClient?
        if let url = config.smtp?.url {
            let endpoint = try SMTPEndpoint(url: url)
            let mode = SMTPClient.StartTLS(rawValue: config.smtp?.starttls ?? "auto") ?? .auto
            smtp = SMTPClient(
                endpoint: endpoint, startTLS: mode, caFile: config.smtp?.caFile, timeout: .milliseconds(Int64((config.smtp?.timeoutSeconds ?? 30) * 1_000))
            )
            context.logger.info("notification.smtp", metadata: ["server": "\(endpoint)", "starttls": "\(mode.rawValue)"])
        } else {
            context.logger.notice("notification.smtp.none", metadata: ["hint": "set EINVOICE_SMTP_URL to send e-mail"])
        }
        let dispatcher = Dispatcher(store: store, config: config, smtp: smtp, webhooks: WebhookClient(), logger: context.logger)
        let handler = NotificationHandler(store: store, config: config, dispatcher: dispatcher, logger: context.logger)
        context.health.update(details: [
            "database": store.pool.path, "smtp": smtp.map { "\($0.endpoint)" } ?? "none", "webhooks": "\(config.webhooks?.count ?? 0)",
        ])
        return ServiceParts(rpcServices: [handler], background: [dispatcher])
    }
}
