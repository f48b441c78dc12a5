import ArgumentParser
import Notification
import ServiceRuntime

@main
struct NotificationServiceMain: ServiceMain {
    static let configuration = CommandConfiguration(
        commandName: "notification-service",
        abstract: "A durable outbox that delivers invoices and alerts by e-mail and webhooks."
    )
    static let service = ServiceName.notification

    @OptionGroup var options: ServiceOptions

    static func build(_ context: ServiceContext) async throws -> ServiceParts {
        try await NotificationService.parts(context)
    }
}
