import Foundation
import TestSupport
import Testing

/// `einvoice load sign` against the real signing-service executable.
@Suite("Load test command", .serialized)
struct LoadCLITests {
    private func report(_ output: String) throws -> [String: Any] {
        let start = try #require(output.firstIndex(of: "{"), "no JSON in: \(output)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output[start...].utf8)) as? [String: Any], "not a JSON object: \(output)")
    }

    @Test("Unary, streamed and paced runs: JSON figures, no errors, and every stamp on its unit's chain")
    func loadSign() async throws {
        try await withDeploymentDirectories { runtime, data, logs in
            let environment = ["EINVOICE_RUNTIME_DIR": runtime, "EINVOICE_DATA_DIR": data]
            let signing = try ServiceProcess("signing-service", environment: environment, logDirectory: logs)
            defer { signing.signal(SIGKILL) }
            try await waitForFile("\(runtime)/signing.sock")

            var stamped = 0
            for (extra, offered) in [
                ([String](), nil), (["--stream"], nil), (["--stream", "--batch", "1"], nil), (["--stream", "--rate", "150"], 150.0), (["--rate", "150"], 150.0),
            ] as [([String], Double?)] {
                let run = try await runCLI(["load", "sign", "--egs-count", "3", "--concurrency", "4", "--duration", "1.5", "--json"] + extra, environment: environment)
                #expect(run.status == 0, "\(extra): \(run.output)")
                let figures = try report(run.output)
                let count = try #require(figures["stamped"] as? Int)
                #expect(count > 0)
                #expect(figures["errors"] as? Int == 0, "\(extra): \(figures["first_error"] ?? "")")
                #expect(figures["mode"] as? String == (extra.contains("--stream") ? "stream" : "unary"))
                // Documents per stream message: 4 unless --batch says otherwise; none for unary calls.
                #expect(figures["batch"] as? Int == (extra.contains("--stream") ? (extra.contains("--batch") ? 1 : 4) : nil))
                #expect((figures["invoices_per_second"] as? Double ?? 0) > 0)
                #expect((figures["p99_ms"] as? Double ?? 0) >= (figures["p50_ms"] as? Double ?? .infinity))
                #expect((figures["server_peak_memory_mb"] as? Double ?? 0) > 0)
                if let offered {
                    #expect(figures["offered_per_second"] as? Double == offered)
                    let rate = figures["invoices_per_second"] as? Double ?? 0
                    #expect(rate <= offered * 1.15, "a paced run stays at its rate: \(rate)/s")
                    // Every invoice of the schedule is accounted for: stamped, failed, or never
                    // sent (a loaded machine may fall behind); a unary caller may drop at most the
                    // one it took as the run ended.
                    let notSent = try #require(figures["not_sent"] as? Int, "\(run.output)")
                    let accounted = count + (figures["errors"] as? Int ?? 0) + notSent
                    #expect(abs(accounted - Int(offered * 1.5)) <= 4, "\(count) stamped and \(notSent) not sent of \(Int(offered * 1.5)) scheduled")
                } else {
                    #expect(figures["offered_per_second"] == nil)
                    #expect(figures["not_sent"] == nil)
                }
                stamped += count
            }

            // Every stamp the runs counted is on a chain: the units' ICVs add up to them.
            let listed = try await runCLI(["keys", "list", "--json"], environment: environment)
            let units = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]], "\(listed.output)")
            let loadUnits = units.filter { ($0["egsID"] as? String)?.hasPrefix("load-") == true }
            #expect(loadUnits.count == 3)
            #expect(loadUnits.reduce(0) { $0 + ($1["lastICV"] as? Int ?? 0) } == stamped)
        }
    }

    @Test("Under --json a failure is a JSON error on standard output as well, and the exit status is not 0")
    func jsonErrors() async throws {
        let einvoice = try Executables.url("einvoice").path
        for arguments in ["keys list", "verify /etc/hostname", "load sign --egs-count 0"] {
            // Standard output alone: the message on standard error stays out of the JSON.
            let run = try await Shell.run("/bin/sh", ["-c", "\(einvoice) \(arguments) --runtime-dir /tmp/einvoice-nowhere --json 2>/dev/null"], environment: [:])
            #expect(run.status != 0, "\(arguments)")
            let object = (try? JSONSerialization.jsonObject(with: Data(run.output.utf8))) as? [String: Any]
            let error = object?["error"] as? [String: Any]
            #expect((error?["message"] as? String)?.isEmpty == false, "\(arguments): \(run.output)")
        }
    }

    @Test("Bad options are refused with the option named")
    func badOptions() async throws {
        for (arguments, message) in [
            (["--rate", "0"], "--rate must be above 0"), (["--egs-count", "0"], "--egs-count must be 1 to 1000"),
            (["--duration=-1"], "--duration must be positive"), (["--stream", "--batch", "257"], "--batch must be 1 to 256"),
        ] {
            let run = try await runCLI(["load", "sign", "--runtime-dir", "/tmp/einvoice-nowhere"] + arguments)
            #expect(run.status != 0)
            #expect(run.output.contains(message), "\(run.output)")
        }
    }
}
