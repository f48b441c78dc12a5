public import ArgumentParser
import Foundation
import GRPCCore
public import GatewayContract
import ServiceRuntime
import UnixSocketTransport

func withGateway<T: Sendable>(_ common: CommonOptions, _ body: (Gateway.Client<UnixSocketClientTransport>) async throws -> T) async throws -> T {
    guard UnixSocketProbe.isListening(common.paths.socketPath(for: .gateway)) else {
        throw CLIError("The gateway is not running (\(common.paths.socketPath(for: .gateway))). Start everything with deploy/up.")
    }
    return try await withServiceReportingErrors(.gateway, common) { try await body(Gateway.Client(wrapping: $0)) }
}

/// `einvoice apikey …`: keys for the HTTP API.
struct APIKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apikey", abstract: "Create, list and revoke the HTTP API's keys (only their hashes are stored).",
        subcommands: [APIKeyCreate.self, APIKeyList.self, APIKeyRevoke.self]
    )
}

struct APIKeyCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a key; it is printed once.")

    @OptionGroup var common: CommonOptions
    @Option(help: "Who uses it (erp, pos-riyadh).") var name: String

    func run() async throws {
        let created = try await withGateway(common) { try await $0.createAPIKey(CreateAPIKeyRequest(name: name), options: callOptions(common)) }
        if common.json { return try printJSON(created) }
        print(created.key)
        FileHandle.standardError.write(Data("API key \(created.record.id) for \(created.record.name). Keep it now: it is not shown again. Use it as Authorization: Bearer <key>.\n".utf8))
    }
}

struct APIKeyList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List keys (their first characters, never the keys).")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let list = try await withGateway(common) { try await $0.listAPIKeys(options: callOptions(common)) }
        if common.json { return try printJSON(list) }
        guard !list.keys.isEmpty else { return print("No API keys yet (einvoice apikey create --name NAME).") }
        var table = TextTable(["ID", "NAME", "PREFIX", "CREATED", "LAST USED", "REVOKED"])
        for key in list.keys {
            table.append([
                key.id, key.name, key.prefix + "…", key.createdAt.formatted(.iso8601), key.lastUsedAt?.formatted(.iso8601) ?? "-", key.revokedAt?.formatted(.iso8601) ?? "-",
            ])
        }
        print(table.render())
    }
}

struct APIKeyRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a key at once.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The key's id (K-…).") var id: String

    func run() async throws {
        let record = try await withGateway(common) { try await $0.revokeAPIKey(id, options: callOptions(common)) }
        if common.json { return try printJSON(record) }
        print("API key \(record.id) (\(record.name)) is revoked.")
    }
}

struct InvoiceLinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "link", abstract: "The address of an invoice's page (Arabic and English, with its QR code), to open or send to its buyer.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "Number (INV-000042) or id.") var reference: String
    @Option(help: "The seller's VAT number, when several sellers share the store.") var seller: String?

    func run() async throws {
        let link = try await withGateway(common) { try await $0.invoiceLink(InvoiceLinkRequest(reference: reference, sellerVAT: seller), options: callOptions(common)) }
        if common.json { return try printJSON(link) }
        print(link.url)
    }
}
