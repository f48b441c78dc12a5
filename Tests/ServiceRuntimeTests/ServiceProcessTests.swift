import Foundation
import ServiceRuntime
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real executables, started as separate processes.
@Suite("Service executables", .serialized)
struct ServiceProcessTests {
    static let all = ServiceName.allCases

    private func start(_ services: [ServiceName], runtime: String, data: String, logs: String) async throws -> [ServiceName: ServiceProcess] {
        var processes: [ServiceName: ServiceProcess] = [:]
        for service in services {
            processes[service] = try ServiceProcess(
                service.executableName,
                environment: ["EINVOICE_RUNTIME_DIR": runtime, "EINVOICE_DATA_DIR": data, "EINVOICE_FATOORA_SIM_PORT": "0"],
                logDirectory: logs
            )
        }
        for service in services {
            try await waitForFile("\(runtime)/\(service.socketFileName)")
        }
        return processes
    }

    @Test("Every service serves health on DIR/<name>.sock (0660 in a 0750 directory) and einvoice status says so")
    func allServing() async throws {
        try await withDeploymentDirectories { runtime, data, logs in
            let processes = try await start(Self.all, runtime: runtime, data: data, logs: logs)
            #expect(fileMode(runtime) == 0o750)
            for service in Self.all {
                #expect(fileMode("\(runtime)/\(service.socketFileName)") == 0o660, "\(service)")
            }
            let (status, output) = try await runCLI(["status", "--runtime-dir", runtime, "--json"])
            #expect(status == 0, "\(output)")
            let report = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
            #expect(report?["all_serving"] as? Bool == true)
            let entries = report?["services"] as? [[String: Any]] ?? []
            #expect(entries.map { $0["service"] as? String } == Self.all.map(\.rawValue))
            for entry in entries {
                let pid = entry["pid"] as? Int
                #expect(pid == processes[ServiceName(rawValue: entry["service"] as! String)!].map { Int($0.process.processIdentifier) })
            }
        }
    }

    @Test("SIGTERM drains, removes the socket and exits 0")
    func sigterm() async throws {
        try await withDeploymentDirectories { runtime, data, logs in
            let processes = try await start(Self.all, runtime: runtime, data: data, logs: logs)
            for (service, process) in processes {
                process.signal(SIGTERM)
                let status = await process.waitForExit()
                #expect(status == 0, "\(service) exited with \(String(describing: status)):\n\(process.log)")
                #expect(!FileManager.default.fileExists(atPath: "\(runtime)/\(service.socketFileName)"), "\(service) left its socket")
                #expect(process.log.contains("Stopped"))
            }
        }
    }

    @Test("einvoice status exits 1 and says which service is down and why")
    func oneDown() async throws {
        try await withDeploymentDirectories { runtime, data, logs in
            let processes = try await start(Self.all, runtime: runtime, data: data, logs: logs)
            processes[.signing]!.signal(SIGKILL)
            _ = await processes[.signing]!.waitForExit()
            let (status, output) = try await runCLI(["status"], environment: ["EINVOICE_RUNTIME_DIR": runtime])
            #expect(status == 1)
            let signingLine = output.split(separator: "\n").first { $0.hasPrefix("signing") }
            #expect(signingLine?.contains("unreachable") == true)
            #expect(signingLine?.contains("Nothing is listening") == true, "\(output)")
            #expect(output.contains("\(ServiceName.allCases.count - 1) of \(ServiceName.allCases.count) services are serving"))

            // Restarted, it replaces the stale socket and status is healthy again.
            let restarted = try ServiceProcess(
                "signing-service", environment: ["EINVOICE_RUNTIME_DIR": runtime, "EINVOICE_DATA_DIR": data], logDirectory: logs
            )
            var healthy = false
            for _ in 0..<300 where !healthy {
                healthy = try await runCLI(["status", "--runtime-dir", runtime]).status == 0
                if !healthy { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(healthy, "\(restarted.log)")
            _ = processes
        }
    }

    @Test("A second instance on the same socket refuses to start and the first keeps serving")
    func secondInstance() async throws {
        try await withDeploymentDirectories { runtime, data, logs in
            let processes = try await start([.invoicing], runtime: runtime, data: data, logs: logs)
            let second = try ServiceProcess(
                "invoicing-service", environment: ["EINVOICE_RUNTIME_DIR": runtime, "EINVOICE_DATA_DIR": data], logDirectory: logs
            )
            let status = await second.waitForExit()
            #expect(status != 0)
            #expect(second.log.contains("another process is already serving"), "\(second.log)")
            let health = try await runCLI(["status", "--runtime-dir", runtime, "--json"])
            #expect(health.output.contains("\"invoicing\""))
            #expect(processes[.invoicing]!.process.isRunning)
        }
    }

    @Test("Bad flags and environment are refused with a clear message")
    func badConfiguration() async throws {
        try await withDeploymentDirectories { runtime, data, logs in
            let badLevel = try ServiceProcess("signing-service", arguments: ["--log-level", "loud", "--runtime-dir", runtime], environment: [:], logDirectory: logs)
            #expect(await badLevel.waitForExit() != 0)
            #expect(badLevel.log.contains("Unknown log level 'loud'"))
            let badUIDs = try ServiceProcess("signing-service", environment: ["EINVOICE_RUNTIME_DIR": runtime, "EINVOICE_ALLOWED_UIDS": "1000,bob"], logDirectory: logs)
            #expect(await badUIDs.waitForExit() != 0)
            #expect(badUIDs.log.contains("EINVOICE_ALLOWED_UIDS must be a comma-separated list"))
        }
    }
}
