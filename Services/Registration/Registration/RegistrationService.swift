import Foundation
import FatooraClient
import GRDB
import Logging
public import ServiceRuntime
import ZATCACrypto

/// Taxpayers, EGS units, buyers and onboarding with ZATCA.
///
/// The database is `<data>/registration/registration.sqlite`; CSID secrets are sealed under the
/// key in `<data>/registration/kek` (0600). Onboarding talks to signing, invoicing and
/// notification over their sockets and to the Fatoora platform over HTTP (``PlatformDirectory``).
public enum RegistrationService {
    public static func parts(_ context: ServiceContext) async throws -> ServiceParts {
        let directory = (context.paths.dataDirectory as NSString).appendingPathComponent("registration")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let store = try RegistrationStore(path: (directory as NSString).appendingPathComponent("registration.sqlite"))
        let key = try SecretFile.loadOrCreate(at: (directory as NSString).appendingPathComponent("kek"), byteCount: 32, generate: KeyWrap.generateKey)
        let platforms = try PlatformDirectory.load(
            runtimeDirectory: context.paths.runtimeDirectory, dataDirectory: context.paths.dataDirectory, environment: ProcessInfo.processInfo.environment
        )
        let signing = ServiceConnection(.signing, paths: context.paths)
        let invoicing = ServiceConnection(.invoicing, paths: context.paths)
        let notification = ServiceConnection(.notification, paths: context.paths)
        let onboarder = Onboarder(
            store: store, directory: platforms, secrets: CSIDSecrets(key: key), signing: signing.client, invoicing: invoicing.client,
            notification: notification.client, retry: FatooraRetry(maxAttempts: 4).configured(from: ProcessInfo.processInfo.environment), logger: context.logger
        )
        let handler = RegistrationHandler(store: store, onboarder: onboarder, logger: context.logger, clock: { Date() })
        let resumer = OnboardingResumer(onboarder: onboarder, logger: context.logger, interval: .seconds(2))
        context.health.update(details: ["database": store.pool.path])
        return ServiceParts(rpcServices: [handler], background: [signing, invoicing, notification, resumer])
    }
}
