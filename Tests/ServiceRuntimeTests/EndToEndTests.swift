import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The whole platform as an operator runs it: every executable under supervisord (the
/// configuration deploy/up uses), the CLI through the gateway, the HTTP API, the invoice page in
/// a real browser, e-mail to a real SMTP server, and services killed mid-flow.
@Suite("End to end under supervisord", .serialized)
struct EndToEndTests {
    static let vat = "399999999900003"

    struct HTTP {
        let base: String
        var key: String?

        func call(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> (status: Int, data: Data, type: String) {
            var request = URLRequest(url: URL(string: base + path)!)
            request.httpMethod = method
            request.timeoutInterval = 60
            if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            if let body {
                request.httpBody = body
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = response as? HTTPURLResponse
            return (http?.statusCode ?? 0, data, http?.value(forHTTPHeaderField: "Content-Type") ?? "")
        }

        func json(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> (Int, [String: Any]) {
            let (status, data, _) = try await call(method, path, body: body, headers: headers)
            return (status, (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
        }
    }

    @Test("Onboarding, a cleared standard invoice, a reported simplified one, a credit note, e-mail, the HTTP API and the page, and services killed by kill -9 and restarted by the supervisor with nothing lost")
    func platform() async throws {
        try await withDeploymentDirectories { runtime, data, logs in
            let smtp = try await ToolServer("smtp_sink.py", [], directory: logs)
            let state = "\(logs)/supervisor"
            try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
            let environment = [
                "EINVOICE_RUNTIME_DIR": runtime, "EINVOICE_DATA_DIR": data, "EINVOICE_SMTP_URL": "smtp://127.0.0.1:\(smtp.port)",
                "EINVOICE_HTTP_PORT": "0", "EINVOICE_FATOORA_SIM_PORT": "0",
            ]
            let bin = try Executables.url("gateway").deletingLastPathComponent().path
            let config = "\(state)/supervisord.conf"
            let rendered = try await Shell.run(Samples.repository.appendingPathComponent("deploy/render-supervisor-config").path, [bin, logs, state], environment: environment)
            try rendered.output.write(toFile: config, atomically: true, encoding: .utf8)
            // In the foreground (-n) as a child of the test: Foundation's Process never sees a
            // daemonizing program end.
            let supervisor = try Shell.background("/usr/bin/supervisord", ["-n", "-c", config], environment: environment, log: "\(logs)/supervisord.out")
            defer {
                _ = try? Shell.runBlocking("/usr/bin/supervisorctl", ["-c", config, "shutdown"])
                supervisor.waitUntilExit()
            }
            let cli: ([String]) async throws -> (status: Int32, output: String) = { try await runCLI($0, environment: environment) }
            func json(_ arguments: [String]) async throws -> [String: Any] {
                let result = try await cli(arguments + ["--json"])
                #expect(result.status == 0, "\(arguments): \(result.output)")
                return (try? JSONSerialization.jsonObject(with: Data(result.output.utf8))) as? [String: Any] ?? [:]
            }
            func waitHealthy(_ timeout: Duration = .seconds(60)) async throws -> Duration {
                let clock = ContinuousClock()
                let start = clock.now
                while clock.now - start < timeout {
                    if try await cli(["status"]).status == 0 { return clock.now - start }
                    try await Task.sleep(for: .milliseconds(100))
                }
                Issue.record("not healthy within \(timeout): \(try await cli(["status"]).output)")
                return timeout
            }
            _ = try await waitHealthy()
            let status = try await json(["status"])
            #expect(status["all_serving"] as? Bool == true)
            let httpURL = try #require(status["http_url"] as? String, "the status came through the gateway: \(status)")

            // Onboarding through the gateway.
            #expect(try await cli(RegistrationProcessTests.taxpayer).status == 0)
            #expect(try await cli(RegistrationProcessTests.addUnit("E2E-1", serial: "e2e")).status == 0)
            let otpFile = "\(state)/otp"
            try "123345\n".write(toFile: otpFile, atomically: true, encoding: .utf8)
            let unit = try await json(["egs", "onboard", "E2E-1", "--otp-file", otpFile, "--timeout", "120"])
            #expect(unit["state"] as? String == "onboarded")
            #expect(try await cli(["buyer", "add", "--seller-vat", Self.vat, "--name", "شركة نماذج فاتورة المحدودة", "--vat", "399999999800003", "--email", "buyer@example.sa"]).status == 0)

            // A standard invoice (cleared), a simplified one (reported), a credit note (cleared).
            let today = String(ISO8601DateFormatter.string(from: Date().addingTimeInterval(3 * 3_600), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate]))
            let standardJSON = try String(contentsOf: Samples.repository.appendingPathComponent("deploy/demo/standard-invoice.json"), encoding: .utf8)
                .replacingOccurrences(of: "__TODAY__", with: today)
            let standardPath = "\(logs)/standard.json"
            try standardJSON.write(toFile: standardPath, atomically: true, encoding: .utf8)
            let standard = try await json(["invoice", "issue", standardPath, "--egs", "E2E-1", "--idempotency-key", "e2e-standard"])
            let standardRecord = try #require(standard["invoice"] as? [String: Any])
            #expect(standardRecord["status"] as? String == "cleared", "\(standardRecord)")
            let simplified = try await json(["invoice", "issue", Samples.repository.appendingPathComponent("deploy/demo/simplified-invoice.json").path, "--egs", "E2E-1"])
            let simplifiedID = try #require((simplified["invoice"] as? [String: Any])?["id"] as? String)
            let note = try await cli(["invoice", "note", "INV-000001", "--kind", "credit", "--reason", "بضاعة مرتجعة | returned goods", "--egs", "E2E-1", "--idempotency-key", "e2e-note"])
            #expect(note.status == 0, "\(note.output)")
            #expect(note.output.contains("cleared"), "\(note.output)")
            try await eventually("the simplified invoice is reported") {
                (try await json(["invoice", "show", simplifiedID])["invoice"] as? [String: Any])?["status"] as? String == "reported"
            }

            // The buyer's e-mail, with the cleared XML attached, reached the SMTP server.
            try await eventually("the buyer's e-mail is delivered") {
                smtp.files(".json").contains { (try? String(contentsOfFile: $0, encoding: .utf8))?.contains("buyer@example.sa") == true }
            }

            // The HTTP API: a key, an invoice issued twice with one idempotency key, its JSON, XML and QR.
            let created = try await json(["apikey", "create", "--name", "erp"])
            let key = try #require(created["key"] as? String)
            let anonymous = HTTP(base: httpURL)
            let http = HTTP(base: httpURL, key: key)
            #expect(try await anonymous.call("GET", "v1/invoices").status == 401)
            #expect(try await HTTP(base: httpURL, key: "eik_wrong").call("GET", "v1/invoices").status == 401)
            let draft = try Data(contentsOf: Samples.repository.appendingPathComponent("deploy/demo/simplified-invoice.json"))
            let (first, firstBody) = try await http.json("POST", "v1/invoices?egs=E2E-1", body: draft, headers: ["Idempotency-Key": "pos-1-sale-42"])
            #expect(first == 201, "\(firstBody)")
            let (again, againBody) = try await http.json("POST", "v1/invoices?egs=E2E-1", body: draft, headers: ["Idempotency-Key": "pos-1-sale-42"])
            #expect(again == 200)
            let apiID = try #require((firstBody["invoice"] as? [String: Any])?["id"] as? String)
            #expect((againBody["invoice"] as? [String: Any])?["id"] as? String == apiID, "a retried request never makes a second invoice")
            var traced = URLRequest(url: URL(string: httpURL + "v1/invoices/\(apiID)")!)
            traced.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
            traced.setValue("till-7-req-99", forHTTPHeaderField: "X-Request-ID")
            let (_, tracedResponse) = try await URLSession.shared.data(for: traced)
            #expect((tracedResponse as? HTTPURLResponse)?.value(forHTTPHeaderField: "X-Request-ID") == "till-7-req-99", "the request ID comes back")
            let (shownStatus, shown) = try await http.json("GET", "v1/invoices/\(apiID)")
            #expect(shownStatus == 200 && (shown["invoice"] as? [String: Any])?["id"] as? String == apiID)
            let xml = try await http.call("GET", "v1/invoices/\(apiID)/xml")
            #expect(xml.status == 200 && xml.type.hasPrefix("application/xml") && String(decoding: xml.data, as: UTF8.self).contains(apiID))
            let png = try await http.call("GET", "v1/invoices/\(apiID)/qr.png")
            #expect(png.status == 200 && png.data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            // A rule broken: 422 with the rule IDs; a body over the limit: 413; not JSON: 400.
            var broken = try JSONSerialization.jsonObject(with: draft) as! [String: Any]
            var seller = broken["seller"] as! [String: Any]
            seller["vatNumber"] = "12345"
            broken["seller"] = seller
            let (refused, refusedBody) = try await http.json("POST", "v1/invoices?egs=E2E-1", body: try JSONSerialization.data(withJSONObject: broken))
            #expect(refused == 422, "\(refusedBody)")
            let findings = ((refusedBody["error"] as? [String: Any])?["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
            #expect(findings.contains("BR-KSA-39") || findings.contains("BR-KSA-40"), "\(refusedBody)")
            #expect(try await http.call("POST", "v1/invoices?egs=E2E-1", body: Data(count: 5 << 20)).status == 413)
            #expect(try await http.call("POST", "v1/invoices?egs=E2E-1", body: Data("{\"kind\": ".utf8)).status == 400)
            let (_, list) = try await http.json("GET", "v1/invoices?status=cleared")
            #expect((list["invoices"] as? [Any])?.count == 2, "the standard invoice and the credit note: \(list)")
            let openapi = try await anonymous.call("GET", "openapi.json")
            #expect(openapi.status == 200)
            try openapi.data.write(to: URL(fileURLWithPath: "\(logs)/openapi.json"))
            let validated = try await Shell.run("/usr/bin/env", ["python3", "-c", "import json,sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1]))); print('valid')", "\(logs)/openapi.json"], environment: [:])
            #expect(validated.output.contains("valid"), "openapi-spec-validator: \(validated.output)")
            let metrics = String(decoding: try await anonymous.call("GET", "metrics").data, as: UTF8.self)
            #expect(metrics.contains("einvoice_gateway_rpc_total{method=\"einvoice.invoicing.v1.Invoicing/Issue\",code=\"ok\"}"), "\(metrics.prefix(600))")
            #expect(metrics.contains("einvoice_service_up{service=\"signing\"} 1"))

            // The page: bilingual, with its QR code; the link's token opens it, a wrong one does not.
            let link = try await cli(["invoice", "link", "INV-000001"])
            let url = link.output.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(link.status == 0 && url.contains("?t="), "\(link.output)")
            let (pageStatus, pageData) = try await { () async throws -> (Int, Data) in
                let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
                return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
            }()
            let page = String(decoding: pageData, as: UTF8.self)
            #expect(pageStatus == 200)
            #expect(page.contains("dir=\"rtl\"") && page.contains("فاتورة ضريبية") && page.contains("Tax invoice") && page.contains("data:image/png;base64,"))
            #expect(try await anonymous.call("GET", "invoices/\(standardRecord["id"] as? String ?? "")?t=0000").status == 401)
            let screenshot = "\(logs)/invoice-page.png"
            let chromium = try await Shell.run(
                "/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1100,1500", "--screenshot=\(screenshot)", url],
                environment: [:]
            )
            let shot = (try? Data(contentsOf: URL(fileURLWithPath: screenshot))) ?? Data()
            #expect(shot.starts(with: [0x89, 0x50, 0x4E, 0x47]) && shot.count > 20_000, "chromium: \(chromium.output)")
            // The QR code on the rendered page scans (zbarimg) to the invoice's own TLV.
            let scanned = try await Shell.run("/usr/bin/zbarimg", ["-q", "--raw", screenshot], environment: [:])
            #expect(scanned.output.contains(standardRecord["qr"] as? String ?? "-"), "zbarimg read: \(scanned.output.prefix(200))")
            if let keep = ProcessInfo.processInfo.environment["EINVOICE_SCREENSHOT_OUT"] { try? shot.write(to: URL(fileURLWithPath: keep)) }

            // kill -9 in the middle of a stream of POS sales: the supervisor restarts the service,
            // the client resends with the same idempotency keys, and every sale is one invoice.
            let sales = Task { () -> [String] in
                var ids: [String] = []
                for sale in 0..<12 {
                    for attempt in 0..<80 {
                        let result = try? await http.json("POST", "v1/invoices?egs=E2E-1", body: draft, headers: ["Idempotency-Key": "pos-1-sale-\(100 + sale)"])
                        if let result, [200, 201].contains(result.0), let id = (result.1["invoice"] as? [String: Any])?["id"] as? String {
                            ids.append(id)
                            break
                        }
                        _ = attempt
                        try await Task.sleep(for: .milliseconds(250))
                    }
                    try await Task.sleep(for: .milliseconds(150))  // a till's pace, so the kill lands mid-stream
                }
                return ids
            }
            try await Task.sleep(for: .milliseconds(600))
            let invoicingPID = try #require(Self.pid(of: "invoicing-service", config: config))
            kill(invoicingPID, SIGKILL)
            let ids = try await sales.value
            #expect(ids.count == 12 && Set(ids).count == 12, "12 sales, 12 invoices: \(ids.count)")
            try await eventually("every sale is reported") {
                // While a service restarts the CLI may fail; only a listing with nothing pending ends the wait.
                let result = try await cli(["submissions", "list", "--limit", "200", "--json"])
                guard result.status == 0, let queue = (try? JSONSerialization.jsonObject(with: Data(result.output.utf8))) as? [String: Any],
                    let counts = queue["counts"] as? [String: Int]
                else { return false }
                return (counts["pending"] ?? 0) == 0
            }
            for id in ids {
                #expect((try await json(["invoice", "show", id])["invoice"] as? [String: Any])?["status"] as? String == "reported")
            }
            #expect(Self.pid(of: "invoicing-service", config: config) != invoicingPID, "the supervisor started a new invoicing service")

            // `einvoice status` is healthy again within seconds of a kill -9.
            let signingPID = try #require(Self.pid(of: "signing-service", config: config))
            kill(signingPID, SIGKILL)
            let recovered = try await waitHealthy(.seconds(30))
            #expect(recovered < .seconds(15), "healthy again after \(recovered)")
            print("einvoice status healthy again \(recovered) after kill -9 of signing-service")
        }
    }

    static func pid(of program: String, config: String) -> Int32? {
        guard let result = try? Shell.runBlocking("/usr/bin/supervisorctl", ["-c", config, "pid", program]) else { return nil }
        return Int32(result.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Polls `condition` until it holds (or records a failure after `timeout`).
func eventually(_ what: String, timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(200))
    }
    Issue.record("\(what): not within \(timeout)")
}
