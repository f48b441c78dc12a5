public import ArgumentParser
import Foundation
import GRPCCore
public import NotificationContract
import ServiceRuntime
import UnixSocketTransport

/// `einvoice notifications …`: the outbox of e-mails and webhooks.
struct NotificationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notifications",
        abstract: "See what was sent to buyers and operators, what is waiting, and what failed; retry dead letters.",
        subcommands: [NotificationsList.self, NotificationsShow.self, NotificationsRetry.self]
    )
}

func withNotifications<T: Sendable>(_ common: CommonOptions, _ body: (Notifications.Client<UnixSocketClientTransport>) async throws -> T) async throws -> T {
    try await withServiceReportingErrors(.notification, common) { try await body(Notifications.Client(wrapping: $0)) }
}

/// Calls a service; its refusals become ``CLIError``s in the service's own words, without the
/// status code's name.
func withServiceReportingErrors<T: Sendable>(
    _ service: ServiceName, _ common: CommonOptions, _ body: (GRPCClient<UnixSocketClientTransport>) async throws -> T
) async throws -> T {
    do {
        return try await withServiceClient(socketPath: common.socketPath(for: service), body)
    } catch let error as RPCError {
        throw CLIError(error.message, code: error.code)
    }
}

struct NotificationsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List messages, newest first.")

    @OptionGroup var common: CommonOptions
    @Option(help: "pending, delivered or dead.") var status: MessageStatus?
    @Option(help: "email or webhook.") var channel: Channel?
    @Option(help: "At most this many (1–1000).") var limit: Int = 50

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000.") }
    }

    func run() async throws {
        var options = CallOptions.defaults
        options.timeout = common.timeoutDuration
        let response = try await withNotifications(common) { try await $0.list(ListMessagesRequest(status: status, channel: channel, limit: limit), options: options) }
        if common.json {
            try printJSON(response)
            return
        }
        let counts = MessageStatus.allCases.map { "\(response.counts[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        guard !response.messages.isEmpty else {
            print("No messages match (\(counts)).")
            return
        }
        var table = TextTable(["ID", "CHANNEL", "STATUS", "TRIES", "TO", "SUBJECT", "LAST ERROR"])
        for message in response.messages {
            table.append([
                String(message.id.prefix(8)), message.channel.rawValue, message.status.rawValue, String(message.attempts), String(message.recipient.prefix(40)),
                String(message.subject.prefix(48)), message.lastError.map { String($0.prefix(60)) } ?? "",
            ])
        }
        print(table.render())
        print("Outbox: \(counts).")
    }
}

struct NotificationsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a message and every delivery attempt.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The message id (or its first characters, as listed) or its idempotency key.") var reference: String

    func run() async throws {
        let detail = try await withNotifications(common) { client in
            try await client.get(GetMessageRequest(reference: try await resolve(reference, client, common)), options: callOptions(common))
        }
        if common.json {
            try printJSON(detail)
            return
        }
        let message = detail.message
        print("\(message.id)  \(message.channel.rawValue)  \(message.status.rawValue)")
        let rows: [(String, String?)] = [
            ("to", message.recipient), ("subject", message.subject), ("event", message.event), ("idempotency key", message.idempotencyKey),
            ("queued", message.createdAt.formatted(.iso8601)), ("next attempt", message.status == .pending ? message.nextAttemptAt?.formatted(.iso8601) : nil),
            ("last error", message.lastError),
        ]
        for case (let label, let value?) in rows {
            print("  \(label):" + String(repeating: " ", count: max(1, 17 - label.count)) + value)
        }
        guard !detail.attempts.isEmpty else {
            print("No attempt yet.")
            return
        }
        var table = TextTable(["#", "WHEN", "OUTCOME", "MS", "DETAIL"])
        for attempt in detail.attempts {
            table.append([String(attempt.number), attempt.at.formatted(.iso8601), attempt.outcome, String(attempt.milliseconds), attempt.detail])
        }
        print("Attempts:")
        print(table.render().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    }
}

struct NotificationsRetry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry", abstract: "Put a dead letter (or a waiting message) back in line now.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The message id (or its first characters) or its idempotency key.") var reference: String

    func run() async throws {
        let record = try await withNotifications(common) { client in
            try await client.retry(GetMessageRequest(reference: try await resolve(reference, client, common)), options: callOptions(common))
        }
        if common.json { try printJSON(record) } else { print("Message \(record.id) is back in line (\(record.attempts) attempt(s) so far).") }
    }
}

/// A listed id prefix (8 characters) names the one message that starts with it.
private func resolve(_ reference: String, _ client: Notifications.Client<UnixSocketClientTransport>, _ common: CommonOptions) async throws -> String {
    guard reference.count < 36, reference.allSatisfy({ $0.isHexDigit }) else { return reference }
    let candidates = try await client.list(ListMessagesRequest(limit: 1_000), options: callOptions(common)).messages.filter { $0.id.hasPrefix(reference) }
    if candidates.count == 1 { return candidates[0].id }
    if candidates.count > 1 { throw CLIError("'\(reference)' starts \(candidates.count) message ids; give more characters.") }
    return reference
}

extension MessageStatus: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}
