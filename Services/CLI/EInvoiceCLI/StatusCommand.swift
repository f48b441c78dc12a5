import ArgumentParser
import Foundation
import GRPCCore
import GatewayContract
import HealthContract
import ServiceRuntime

/// `einvoice status`: the health of every service, as a table or JSON.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show whether every einvoice service is up and serving.",
        discussion: "Exits with status 0 only when every service answers that it is serving."
    )

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let report = common.throughGateway
            ? await StatusReport.viaGateway(paths: common.paths, timeout: common.timeoutDuration)
            : await StatusReport.collect(paths: common.paths, timeout: common.timeoutDuration)
        if common.json {
            print(try report.json())
        } else {
            print(report.table())
        }
        if !report.allServing { throw ExitCode(1) }
    }
}

/// The health of each service, as `einvoice status` shows it.
struct StatusReport: Codable, Sendable {
    struct Entry: Codable, Sendable {
        var service: String
        var status: String
        var pid: Int32?
        var version: String?
        var uptimeSeconds: Int?
        var socket: String
        var error: String?

        enum CodingKeys: String, CodingKey {
            case service, status, pid, version, socket, error
            case uptimeSeconds = "uptime_seconds"
        }
    }

    var runtimeDirectory: String
    var allServing: Bool
    var services: [Entry]
    /// The gateway's HTTP API, when the report came through the gateway.
    var httpURL: String?

    enum CodingKeys: String, CodingKey {
        case runtimeDirectory = "runtime_dir"
        case allServing = "all_serving"
        case services
        case httpURL = "http_url"
    }

    /// The gateway's view: it checks every service over its own connections.
    static func viaGateway(paths: RuntimePaths, timeout: Duration) async -> StatusReport {
        do {
            var options = CallOptions.defaults
            options.timeout = timeout
            let response = try await withServiceClient(.gateway, paths: paths) { try await Gateway.Client(wrapping: $0).status(options: options) }
            let entries = response.services.map { status in
                Entry(
                    service: status.service, status: status.status, pid: status.pid, version: status.version,
                    uptimeSeconds: status.startedAt.map { Int(Date().timeIntervalSince($0)) }, socket: status.socket, error: status.error
                )
            }
            return StatusReport(runtimeDirectory: paths.runtimeDirectory, allServing: entries.allSatisfy { $0.status == "serving" }, services: entries, httpURL: response.httpURL)
        } catch {
            return await collect(paths: paths, timeout: timeout)
        }
    }

    static func collect(paths: RuntimePaths, timeout: Duration) async -> StatusReport {
        let entries = await withTaskGroup(of: Entry.self) { group in
            for service in ServiceName.allCases {
                group.addTask { await check(service, paths: paths, timeout: timeout) }
            }
            var entries: [Entry] = []
            for await entry in group { entries.append(entry) }
            return entries
        }
        let ordered = ServiceName.allCases.compactMap { name in entries.first { $0.service == name.rawValue } }
        return StatusReport(runtimeDirectory: paths.runtimeDirectory, allServing: ordered.allSatisfy { $0.status == "serving" }, services: ordered)
    }

    private static func check(_ service: ServiceName, paths: RuntimePaths, timeout: Duration) async -> Entry {
        let probe = await HealthProbe.check(service, paths: paths, timeout: timeout)
        return Entry(
            service: service.rawValue, status: probe.status, pid: probe.response?.pid, version: probe.response?.version,
            uptimeSeconds: probe.response.map { Int(Date().timeIntervalSince($0.startedAt)) }, socket: paths.socketPath(for: service), error: probe.error
        )
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func table() -> String {
        var table = TextTable(["SERVICE", "STATUS", "PID", "UPTIME", "VERSION", "DETAIL"])
        for entry in services {
            table.append([
                entry.service,
                entry.status,
                entry.pid.map(String.init) ?? "-",
                entry.uptimeSeconds.map(Self.duration) ?? "-",
                entry.version ?? "-",
                entry.error ?? entry.socket,
            ])
        }
        let serving = services.filter { $0.status == "serving" }.count
        let summary = allServing
            ? "All \(services.count) services are serving (runtime directory \(runtimeDirectory)" + (httpURL.map { "; HTTP API \($0)" } ?? "") + ")."
            : "\(serving) of \(services.count) services are serving (runtime directory \(runtimeDirectory)). Start the missing ones with deploy/up, or check their logs."
        return table.render() + "\n\n" + summary
    }

    static func duration(_ seconds: Int) -> String {
        switch seconds {
        case ..<60: "\(seconds)s"
        case ..<3_600: "\(seconds / 60)m \(seconds % 60)s"
        case ..<86_400: "\(seconds / 3_600)h \(seconds % 3_600 / 60)m"
        default: "\(seconds / 86_400)d \(seconds % 86_400 / 3_600)h"
        }
    }
}
