import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Registration, onboarding and submission with the real executables: fatoora-sim as the
/// platform, signing, invoicing, notification and registration over their sockets, the CLI as
/// the operator.
@Suite("Registration and the Fatoora platform", .serialized)
struct RegistrationProcessTests {
    static let vat = "399999999900003"

    /// All the processes of one deployment, restartable one by one.
    final class Deployment: @unchecked Sendable {
        let runtime: String
        let data: String
        let logs: String
        let environment: [String: String]
        var processes: [String: ServiceProcess] = [:]
        static let names = ["fatoora-sim", "signing-service", "invoicing-service", "notification-service", "registration-service"]

        init(runtime: String, data: String, logs: String, extra: [String: String] = [:]) {
            self.runtime = runtime
            self.data = data
            self.logs = logs
            environment = [
                "EINVOICE_RUNTIME_DIR": runtime, "EINVOICE_DATA_DIR": data, "EINVOICE_FATOORA_SIM_PORT": "0",
                "EINVOICE_ZATCA_XSD": Samples.root.appendingPathComponent("xsd/maindoc/UBL-Invoice-2.1.xsd").path,
            ].merging(extra) { $1 }
        }

        func start() async throws {
            for name in Self.names { try startOne(name) }
            try await waitForFile("\(runtime)/fatoora-sim.port")
            for name in ["signing", "invoicing", "notification", "registration"] { try await waitForFile("\(runtime)/\(name).sock") }
        }

        func startOne(_ name: String) throws {
            processes[name] = try ServiceProcess(name, environment: environment, logDirectory: logs)
        }

        /// kill -9, then a new process of the same executable.
        func restart(_ name: String) async throws {
            processes[name]?.signal(SIGKILL)
            _ = await processes[name]?.waitForExit()
            if name == "fatoora-sim" { try? FileManager.default.removeItem(atPath: "\(runtime)/fatoora-sim.port") }
            try startOne(name)
            if name == "fatoora-sim" { try await waitForFile("\(runtime)/fatoora-sim.port") }
        }

        func stop() {
            for process in processes.values { process.signal(SIGKILL) }
        }

        func cli(_ arguments: [String]) async throws -> (status: Int32, output: String) {
            try await runCLI(arguments, environment: environment)
        }

        /// `--otp-file` and a file holding `code` (an OTP is never given on the command line).
        func otp(_ code: String) throws -> [String] {
            let path = NSTemporaryDirectory() + "einvoice-otp-\(UUID().uuidString)"
            try code.write(toFile: path, atomically: true, encoding: .utf8)
            return ["--otp-file", path]
        }

        /// The CLI's `--json` answer as an object.
        func json(_ arguments: [String]) async throws -> [String: Any] {
            let result = try await cli(arguments + ["--json"])
            #expect(result.status == 0, "\(arguments): \(result.output)")
            return (try? JSONSerialization.jsonObject(with: Data(result.output.utf8))) as? [String: Any] ?? [:]
        }

        /// One call to fatoora-sim's own control paths.
        func platform(_ method: String, _ path: String, body: [String: Any]? = nil) async throws -> [String: Any] {
            let port = try String(contentsOfFile: "\(runtime)/fatoora-sim.port", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = method
            request.timeoutInterval = 5
            if let body { request.httpBody = try JSONSerialization.data(withJSONObject: body) }
            let (data, _) = try await URLSession.shared.data(for: request)
            return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        }

        /// Polls a unit until `done` holds for it (or the time is up).
        func waitForUnit(_ egsID: String, timeout: Duration = .seconds(90), _ done: ([String: Any]) -> Bool) async throws -> [String: Any] {
            let deadline = ContinuousClock.now + timeout
            var last: [String: Any] = [:]
            while ContinuousClock.now < deadline {
                let result = try await cli(["egs", "show", egsID, "--json"])
                if result.status == 0, let unit = (try? JSONSerialization.jsonObject(with: Data(result.output.utf8))) as? [String: Any] {
                    last = unit
                    if done(unit) { return unit }
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("unit \(egsID) did not get there in time; last seen: \(last)")
            return last
        }

        var logText: String { processes.values.map(\.log).joined(separator: "\n") }
    }

    static func withDeployment(extra: [String: String] = [:], _ body: (Deployment) async throws -> Void) async throws {
        try await withDeploymentDirectories { runtime, data, logs in
            let deployment = Deployment(runtime: runtime, data: data, logs: logs, extra: extra)
            defer { deployment.stop() }
            try await deployment.start()
            try await body(deployment)
        }
    }

    static let taxpayer = [
        "taxpayer", "add", "--vat", vat, "--name-ar", "شركة توريد التكنولوجيا بأقصى سرعة المحدودة", "--name-en", "Maximum Speed Tech Supply LTD", "--crn",
        "1010010000", "--street", "الامير سلطان | Prince Sultan", "--building", "2322", "--district", "المربع | Al-Murabba", "--city", "الرياض | Riyadh",
        "--postal-code", "23333", "--industry", "Supply",
    ]

    static func addUnit(_ egsID: String, serial: String, types: String = "1100") -> [String] {
        ["egs", "add", "--egs", egsID, "--vat", vat, "--serial", "1-einvoice|2-1.0|3-\(serial)", "--name", "POS \(egsID)", "--branch", "Riyadh", "--invoice-types", types]
    }

    @Test("Invalid registration input is refused with the field and the rule, and nothing is stored")
    func invalidInput() async throws {
        try await Self.withDeployment { deployment in
            let cases: [([String], [String])] = [
                (["taxpayer", "add", "--vat", "39999999990000", "--name-ar", "شركة", "--crn", "1010010000", "--street", "s", "--building", "2322", "--district", "d", "--city", "c", "--postal-code", "23333"], ["vatNumber", "REG-VAT-01"]),
                (["taxpayer", "add", "--vat", "399999999900003", "--name-ar", "شركة", "--crn", "1010010000", "--street", "s", "--building", "2322", "--district", "d", "--city", "c", "--postal-code", "2333"], ["address.postalCode", "REG-ADDR-02"]),
                (["taxpayer", "add", "--vat", "399999999900003", "--name-ar", "شركة", "--crn", "1010010000", "--street", "s", "--building", "23", "--district", "d", "--city", "c", "--postal-code", "23333"], ["address.buildingNumber", "REG-ADDR-01"]),
                (["taxpayer", "add", "--vat", "399999999900003", "--name-ar", "شركة", "--vat-group", "--crn", "1010010000", "--street", "s", "--building", "2322", "--district", "d", "--city", "c", "--postal-code", "23333"], ["REG-VAT-02", "groupTIN"]),
                (["taxpayer", "add", "--vat", "399999999900003", "--name-ar", " ", "--crn", "10100", "--street", "s", "--building", "2322", "--district", "d", "--city", "c", "--postal-code", "23333"], ["nameAR", "REG-NAME-01", "sellerID.value", "REG-ID-01"]),
            ]
            for (arguments, expected) in cases {
                let result = try await deployment.cli(arguments)
                #expect(result.status != 0, "\(arguments)")
                for text in expected { #expect(result.output.contains(text), "\(text) in: \(result.output)") }
            }
            let none = try await deployment.json(["taxpayer", "list"])["taxpayers"] as? [Any]
            #expect(none?.isEmpty ?? true, "nothing was stored")

            // A valid taxpayer with Arabic and emoji in its English name, then bad units.
            var arabic = Self.taxpayer
            arabic[arabic.firstIndex(of: "Maximum Speed Tech Supply LTD")!] = "Maximum Speed 🚀 Supply"
            #expect(try await deployment.cli(arabic).status == 0)
            let units: [([String], [String])] = [
                (["egs", "add", "--egs", "U1", "--vat", Self.vat, "--serial", "einvoice-1.0-0001", "--name", "POS", "--branch", "Riyadh"], ["serial", "REG-EGS-02"]),
                (["egs", "add", "--egs", "U1", "--vat", Self.vat, "--serial", "1-a|2-b|3-c", "--name", String(repeating: "ن", count: 65), "--branch", "Riyadh"], ["name", "REG-CSR-01", "64"]),
                (["egs", "add", "--egs", "U1", "--vat", Self.vat, "--serial", "1-a|2-b|3-c", "--name", "POS", "--branch", "Riyadh", "--invoice-types", "1111"], ["invoiceTypes", "REG-EGS-03"]),
                (["egs", "add", "--egs", "U 1/..", "--vat", Self.vat, "--serial", "1-a|2-b|3-c", "--name", "POS", "--branch", "Riyadh"], ["egsID", "REG-EGS-01"]),
                (["egs", "add", "--egs", "U1", "--vat", "300000000000003", "--serial", "1-a|2-b|3-c", "--name", "POS", "--branch", "Riyadh"], ["vatNumber", "no taxpayer"]),
                (["buyer", "add", "--seller-vat", Self.vat, "--name", "مشتري", "--email", "a@b", "--phone", "12"], ["REG-BUY-01", "REG-BUY-02", "REG-BUY-03"]),
            ]
            for (arguments, expected) in units {
                let result = try await deployment.cli(arguments)
                #expect(result.status != 0, "\(arguments)")
                for text in expected { #expect(result.output.contains(text), "\(text) in: \(result.output)") }
            }
            let noUnits = try await deployment.json(["egs", "list"])["units"] as? [Any]
            #expect(noUnits?.isEmpty ?? true)
            // An OTP that is not 6 digits never reaches the platform, and is not echoed.
            #expect(try await deployment.cli(Self.addUnit("U1", serial: "1")).status == 0)
            let badOTP = try await deployment.cli(["egs", "onboard", "U1"] + deployment.otp("12ab"))
            #expect(badOTP.status != 0)
            #expect(badOTP.output.contains("REG-OTP-01") && !badOTP.output.contains("12ab"), "\(badOTP.output)")
            // Nor is one taken from the command line, where every user of the machine sees it.
            let literal = try await deployment.cli(["egs", "onboard", "U1", "--otp", "123345"])
            #expect(literal.status != 0)
            #expect(literal.output.contains("visible to every user") && !literal.output.contains("123345"), "\(literal.output)")
            // An empty one is none at all (a paused onboarding resumes without it).
            let empty = try await deployment.cli(["egs", "onboard", "U1"] + deployment.otp("\n"))
            #expect(empty.status != 0)
            #expect(empty.output.contains("OTP needed") && !empty.output.contains("REG-OTP-01"), "\(empty.output)")
            #expect(try await deployment.cli(["buyer", "add", "--seller-vat", Self.vat, "--name", "مؤسسة 🌴 النخيل", "--vat", "399999999800003", "--email", "buyer@example.sa"]).status == 0)
            let buyers = try await deployment.json(["buyer", "list"])["buyers"] as? [[String: Any]] ?? []
            #expect(buyers.first?["name"] as? String == "مؤسسة 🌴 النخيل")
        }
    }

    @Test("A unit onboarded to a production CSID; invoices cleared and reported through 500s, 429s, timeouts, dropped connections and duplicates, none lost or sent as two documents")
    func onboardAndSubmit() async throws {
        try await Self.withDeployment(extra: ["EINVOICE_FATOORA_TIMEOUT": "1"]) { deployment in
            #expect(try await deployment.cli(Self.taxpayer).status == 0)
            #expect(try await deployment.cli(Self.addUnit("EGS-1", serial: "0001")).status == 0)

            // Without an OTP, and with a wrong one, onboarding stops at the compliance CSID.
            let noOTP = try await deployment.cli(["egs", "onboard", "EGS-1"])
            #expect(noOTP.status != 0)
            #expect(noOTP.output.contains("OTP"), "\(noOTP.output)")
            let wrongOTP = try await deployment.cli(["egs", "onboard", "EGS-1"] + deployment.otp("999999"))
            #expect(wrongOTP.status != 0)
            #expect(wrongOTP.output.contains("Invalid-OTP") && !wrongOTP.output.contains("999999"), "\(wrongOTP.output)")
            #expect(try await deployment.json(["egs", "show", "EGS-1"])["state"] as? String == "key-created")

            let unit = try await deployment.json(["egs", "onboard", "EGS-1"] + deployment.otp("123345"))
            #expect(unit["state"] as? String == "onboarded")
            #expect(unit["certificateKind"] as? String == "production")
            #expect((unit["complianceChecks"] as? [String])?.count == 6)
            let listed = try #require((try await deployment.json(["egs", "list"])["units"] as? [[String: Any]])?.first)
            #expect(listed["state"] as? String == "onboarded")
            #expect(listed["certificateKind"] as? String == "production")
            #expect(listed["certificateExpiry"] as? String != nil)
            let keys = try await deployment.cli(["keys", "list"])
            #expect(keys.output.contains("production"), "signing stamps with the production CSID: \(keys.output)")

            // Faults on the next platform calls; the invoicing service gives up on a call after 1 s.
            _ = try await deployment.platform(
                "POST", "/__sim/faults", body: ["next": ["500", "429", "drop", "slow:2500", "duplicate", "503", "drop", "429", "slow:2500", "500", "duplicate", "502"]]
            )
            let examples = Samples.repository.appendingPathComponent("protocols/Invoicing/examples")
            var issued: [String] = []
            for index in 0..<6 {
                for example in ["standard-invoice.json", "simplified-invoice.json"] {
                    let result = try await deployment.cli(["invoice", "issue", examples.appendingPathComponent(example).path, "--egs", "EGS-1", "--idempotency-key", "\(example)-\(index)", "--json"])
                    #expect(result.status == 0, "\(result.output)")
                    let object = (try? JSONSerialization.jsonObject(with: Data(result.output.utf8))) as? [String: Any]
                    if let id = (object?["invoice"] as? [String: Any])?["id"] as? String { issued.append(id) }
                }
            }
            // A document the platform refuses: the seller's VAT number is not the certificate's.
            var foreign = try JSONSerialization.jsonObject(with: Data(contentsOf: examples.appendingPathComponent("standard-invoice.json"))) as! [String: Any]
            var seller = foreign["seller"] as! [String: Any]
            seller["vatNumber"] = "300000000000003"
            foreign["seller"] = seller
            let foreignPath = "\(deployment.logs)/foreign.json"
            try JSONSerialization.data(withJSONObject: foreign).write(to: URL(fileURLWithPath: foreignPath))
            let refused = try await deployment.json(["invoice", "issue", foreignPath, "--egs", "EGS-1"])
            let refusedID = try #require((refused["invoice"] as? [String: Any])?["id"] as? String)
            #expect(issued.count == 12)

            // The queue drains: every invoice ends cleared, reported or rejected.
            let deadline = ContinuousClock.now + .seconds(90)
            var queue: [String: Any] = [:]
            repeat {
                queue = try await deployment.json(["submissions", "list", "--limit", "100"])
                if ((queue["counts"] as? [String: Int])?["pending"] ?? 0) == 0 { break }
                try await Task.sleep(for: .milliseconds(300))
            } while ContinuousClock.now < deadline
            let counts = queue["counts"] as? [String: Int] ?? [:]
            #expect(counts["pending"] ?? 0 == 0, "\(queue)")
            #expect(counts["done"] == 12, "\(counts)")
            #expect(counts["rejected"] == 1, "\(counts)")

            var hashes: [String: String] = [:]
            for id in issued {
                let detail = try await deployment.json(["invoice", "show", id])
                let record = try #require(detail["invoice"] as? [String: Any])
                let subtype = record["subtype"] as? String
                #expect(record["status"] as? String == (subtype == "standard" ? "cleared" : "reported"), "\(id): \(record["status"] ?? "")")
                if subtype == "standard" { #expect(detail["clearedXML"] as? String != nil, "the cleared XML is kept") }
                hashes[id] = record["invoiceHash"] as? String
            }
            let rejected = try await deployment.json(["invoice", "show", refusedID])
            #expect((rejected["invoice"] as? [String: Any])?["status"] as? String == "rejected")
            let last = (rejected["history"] as? [[String: Any]])?.last
            let reasons = (last?["messages"] as? [[String: Any]] ?? []).compactMap { $0["message_en"] as? String }
            #expect(reasons.contains { $0.contains("vat number") }, "the platform's reasons are kept: \(last ?? [:])")

            // What the platform holds: each invoice once, with the hash einvoice stamped.
            let accepted = (try await deployment.platform("GET", "/__sim/accepted")["accepted"] as? [[String: Any]] ?? [])
                .filter { ["clearance", "reporting"].contains($0["endpoint"] as? String) }
            var seen: [String: Int] = [:]
            for item in accepted {
                let uuid = item["uuid"] as? String ?? ""
                seen[uuid, default: 0] += 1
                #expect(hashes[uuid] == item["invoiceHash"] as? String, "\(uuid) was accepted with another hash")
            }
            #expect(Set(seen.keys) == Set(issued), "accepted \(seen.keys.sorted()) vs issued \(issued.sorted())")
            #expect(seen.values.allSatisfy { $0 == 1 }, "\(seen)")
            let faults = try await deployment.platform("GET", "/__sim/faults")
            #expect((faults["pending"] as? [Any])?.isEmpty == true, "every injected fault was met: \(faults)")
            #expect(deployment.logText.contains("fatoora.retry"), "the faults were retried")
            let retry = try await deployment.cli(["submissions", "retry", issued[0]])
            #expect(retry.status != 0 && retry.output.contains("nothing to retry"), "\(retry.output)")

            // Renewal: a new production CSID, installed for signing; the unit keeps reporting.
            let renewed = try await deployment.json(["egs", "renew", "EGS-1"] + deployment.otp("123456"))
            #expect(renewed["state"] as? String == "onboarded")
            #expect(renewed["certificateSerial"] as? String != unit["certificateSerial"] as? String, "a new certificate")
            let after = try await deployment.json(["invoice", "issue", examples.appendingPathComponent("simplified-invoice.json").path, "--egs", "EGS-1"])
            let afterID = try #require((after["invoice"] as? [String: Any])?["id"] as? String)
            var afterStatus = ""
            for _ in 0..<100 where afterStatus != "reported" {
                afterStatus = (try await deployment.json(["invoice", "show", afterID])["invoice"] as? [String: Any])?["status"] as? String ?? ""
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(afterStatus == "reported", "reported with the renewed CSID")
            #expect(!deployment.logText.contains("123345") && !deployment.logText.contains("123456"), "the OTP is not logged")
        }
    }

    @Test("Killing any service in the middle of onboarding, then starting it again, resumes the flow", arguments: ["registration-service", "signing-service", "invoicing-service", "fatoora-sim"])
    func killMidOnboarding(_ victim: String) async throws {
        try await Self.withDeployment { deployment in
            #expect(try await deployment.cli(Self.taxpayer).status == 0)
            let egsID = "EGS-\(victim.prefix(4))"
            #expect(try await deployment.cli(Self.addUnit(egsID, serial: String(victim.prefix(4)))).status == 0)
            // Slow compliance checks leave time to kill mid-way.
            _ = try await deployment.platform("POST", "/__sim/faults", body: ["next": ["slow:400", "slow:1500", "slow:1500", "slow:1500"]])
            let arguments = ["egs", "onboard", egsID] + (try deployment.otp("123345"))
            let onboarding = Task { try await deployment.cli(arguments) }
            _ = try await deployment.waitForUnit(egsID, timeout: .seconds(30)) { $0["state"] as? String == "compliance-csid" }
            try await Task.sleep(for: .milliseconds(200))
            try await deployment.restart(victim)
            let first = try await onboarding.value
            let unit = try await deployment.waitForUnit(egsID) { $0["state"] as? String == "onboarded" }
            #expect(unit["state"] as? String == "onboarded", "first attempt said: \(first.output)")
            #expect(unit["certificateKind"] as? String == "production")
            let steps = (unit["steps"] as? [[String: Any]] ?? []).compactMap { $0["step"] as? String }
            #expect(steps.contains("install-production"), "\(steps)")

            // The unit works: a simplified invoice is stamped and reported.
            let examples = Samples.repository.appendingPathComponent("protocols/Invoicing/examples")
            let issued = try await deployment.json(["invoice", "issue", examples.appendingPathComponent("simplified-invoice.json").path, "--egs", egsID])
            let id = try #require((issued["invoice"] as? [String: Any])?["id"] as? String)
            let deadline = ContinuousClock.now + .seconds(30)
            var status = ""
            while ContinuousClock.now < deadline {
                status = (try await deployment.json(["invoice", "show", id])["invoice"] as? [String: Any])?["status"] as? String ?? ""
                if status == "reported" { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(status == "reported")
        }
    }
}
