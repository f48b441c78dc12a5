import Foundation
import GRPCCore
import NotificationContract
import ServiceRuntime
import TestSupport
import Testing
import UnixSocketTransport

#if canImport(Glibc)
import Glibc
#endif

/// The notification service as a real process, with real SMTP and HTTP peers started here.
@Suite("Notification service", .serialized)
struct NotificationProcessTests {
    struct Setup {
        var runtime: String
        var data: String
        var logs: String
        var environment: [String: String]

        func start() async throws -> ServiceProcess {
            let process = try ServiceProcess("notification-service", environment: environment, logDirectory: logs)
            // A socket file may be left by a killed predecessor: wait until a call is answered.
            let deadline = Date().addingTimeInterval(30)
            while (try? await client({ try await $0.list(ListMessagesRequest(limit: 1)) })) == nil {
                guard Date() < deadline, process.process.isRunning else { throw HarnessError("notification-service did not start: \(process.log)") }
                try await Task.sleep(for: .milliseconds(20))
            }
            return process
        }

        func client<T: Sendable>(_ body: (Notifications.Client<UnixSocketClientTransport>) async throws -> T) async throws -> T {
            try await withServiceClient(.notification, paths: RuntimePaths(runtimeDirectory: runtime, dataDirectory: data)) { try await body(Notifications.Client(wrapping: $0)) }
        }

        /// Waits until `check` holds for the outbox (or fails after `seconds`).
        func waitFor(_ what: String, seconds: Double = 30, _ check: (ListMessagesResponse) -> Bool) async throws -> ListMessagesResponse {
            let deadline = Date().addingTimeInterval(seconds)
            while true {
                let list = try await client { try await $0.list(ListMessagesRequest(limit: 1_000)) }
                if check(list) { return list }
                guard Date() < deadline else {
                    Issue.record(Comment(rawValue: "timed out waiting for \(what): \(list.counts)"))
                    return list
                }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    private func withSetup(config: [String: Any], smtp: String? = nil, _ body: (Setup) async throws -> Void) async throws {
        try await withDeploymentDirectories { runtime, data, logs in
            let configPath = "\(logs)/notification.json"
            try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: configPath))
            var environment = ["EINVOICE_RUNTIME_DIR": runtime, "EINVOICE_DATA_DIR": data, "EINVOICE_NOTIFICATION_CONFIG": configPath]
            if let smtp { environment["EINVOICE_SMTP_URL"] = smtp }
            try await body(Setup(runtime: runtime, data: data, logs: logs, environment: environment))
        }
    }

    nonisolated(unsafe) static let fast: [String: Any] = ["maxAttempts": 4, "baseDelaySeconds": 0.1, "maxDelaySeconds": 0.5, "concurrency": 4]

    private func mime(_ files: [String]) throws -> [[String: Any]] {
        let result = try run("python3", [Samples.repository.appendingPathComponent("Tests/Tools/mime_check.py").path] + files, includeStandardError: false)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]], "\(result.output)")
    }

    @Test("An invoice.ready event e-mails the buyer: valid MIME, the XML attached, an Arabic subject and file name; the password is never logged")
    func invoiceEmail() async throws {
        try await withDeploymentDirectories { _, _, scratch in
            let smtp = try await ToolServer("smtp_sink.py", ["--auth", "mailer:s3cret-pa55"], directory: scratch)
            try await withSetup(config: ["delivery": Self.fast, "smtp": ["from": "شركة توريد | Tech Supply <invoices@supply.example>"]], smtp: "smtp://mailer:s3cret-pa55@127.0.0.1:\(smtp.port)") { setup in
                let service = try await setup.start()
                let xml = Data("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><cbc:ID>INV-000042</cbc:ID><!-- حاسوب & قلم --></Invoice>\n.\n..leading dots\n".utf8)
                let event = Event(
                    kind: .invoiceReady, subject: "invoice-42", sellerName: "شركة توريد التكنولوجيا", sellerVAT: "399999999900003", invoiceNumber: "INV-000042",
                    total: "1150.00", currency: "SAR", buyerName: "مؤسسة النماذج", buyerEmail: "buyer@samples.example", buyerLanguage: "ar", xml: xml
                )
                let published = try await setup.client { try await $0.publish(PublishRequest(event: event)) }
                #expect(published.messages.count == 1)
                let again = try await setup.client { try await $0.publish(PublishRequest(event: event)) }
                #expect(again.messages.map(\.id) == published.messages.map(\.id), "publishing the same event twice queues nothing new")

                _ = try await setup.waitFor("delivery") { $0.counts["delivered"] == 1 }
                let emails = smtp.files(".eml")
                #expect(emails.count == 1)
                let parsed = try #require(try mime(emails).first)
                #expect(parsed["subject"] as? String == "فاتورة ضريبية INV-000042 من شركة توريد التكنولوجيا")
                #expect((parsed["defects"] as? [String])?.isEmpty == true, "\(parsed["defects"] ?? "")")
                #expect((parsed["from"] as? String)?.contains("invoices@supply.example") == true)
                #expect(parsed["idempotency_key"] as? String == "invoice.ready:invoice-42:email:buyer@samples.example")
                #expect((parsed["text"] as? String)?.contains("مرفق فاتورتكم الضريبية رقم INV-000042") == true)
                #expect((parsed["html"] as? String)?.contains("dir=\"rtl\"") == true)
                let attachment = try #require((parsed["attachments"] as? [[String: Any]])?.first)
                #expect(attachment["filename"] as? String == "فاتورة-INV-000042.xml")
                #expect(attachment["content_type"] as? String == "application/xml")
                #expect(attachment["sha256"] as? String == SHA256Hex.of(xml))
                let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: emails[0].replacingOccurrences(of: ".eml", with: ".json")))) as? [String: Any]
                #expect(envelope?["authenticated"] as? Bool == true)
                #expect(envelope?["rcpt_tos"] as? [String] == ["buyer@samples.example"])

                let shown = try await runCLI(["notifications", "show", published.messages[0].id], environment: setup.environment)
                #expect(shown.status == 0)
                #expect(shown.output.contains("delivered"))
                #expect(shown.output.contains("250 OK queued as 00001"))
                service.signal(SIGTERM)
                _ = await service.waitForExit()
                #expect(!service.log.contains("s3cret-pa55"), "the SMTP password never reaches a log")
                #expect(!shown.output.contains("s3cret-pa55"))
            }
        }
    }

    @Test("STARTTLS: the password goes only over TLS, checked against the configured CA; a server without TLS is refused")
    func startTLS() async throws {
        try await withDeploymentDirectories { _, _, scratch in
            let key = "\(scratch)/smtp-key.pem"
            let certificate = "\(scratch)/smtp-cert.pem"
            let made = try run("openssl", [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", certificate, "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
            ])
            #expect(made.status == 0, "\(made.output)")
            let smtp = try await ToolServer("smtp_sink.py", ["--auth", "mailer:tls-only-pw", "--tls-cert", certificate, "--tls-key", key], directory: scratch)
            let config: [String: Any] = ["delivery": Self.fast, "smtp": ["starttls": "required", "caFile": certificate, "from": "invoices@supply.example"]]
            try await withSetup(config: config, smtp: "smtp://mailer:tls-only-pw@localhost:\(smtp.port)") { setup in
                let service = try await setup.start()
                _ = try await setup.client {
                    try await $0.enqueue(EnqueueRequest(idempotencyKey: "tls-1", email: EmailMessage(to: ["ops@example.com"], subject: "مرحبا", text: "سلام")))
                }
                _ = try await setup.waitFor("delivery over TLS") { $0.counts["delivered"] == 1 }
                let envelope = try #require(smtp.files(".json").first)
                let facts = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: envelope))) as? [String: Any]
                #expect(facts?["tls"] as? Bool == true)
                #expect(facts?["authenticated"] as? Bool == true)
                service.signal(SIGTERM)
                _ = await service.waitForExit()
                #expect(!service.log.contains("tls-only-pw"))
            }
            // A plain server and a password for a non-loopback name: refused before AUTH.
            try FileManager.default.createDirectory(atPath: "\(scratch)/plain", withIntermediateDirectories: true)
            let plain = try await ToolServer("smtp_sink.py", [], directory: "\(scratch)/plain")
            let plainConfig: [String: Any] = ["delivery": Self.fast.merging(["maxAttempts": 1]) { $1 }, "smtp": ["starttls": "required"]]
            try await withSetup(config: plainConfig, smtp: "smtp://mailer:pw@localhost:\(plain.port)") { setup in
                let service = try await setup.start()
                _ = try await setup.client {
                    try await $0.enqueue(EnqueueRequest(idempotencyKey: "tls-2", email: EmailMessage(to: ["ops@example.com"], subject: "x", text: "y")))
                }
                let list = try await setup.waitFor("the refusal") { $0.counts["dead"] == 1 }
                #expect(list.messages.first?.lastError?.contains("does not offer STARTTLS, which the configuration requires") == true, "\(list.messages.first?.lastError ?? "")")
                #expect(plain.files(".eml").isEmpty)
                service.signal(SIGTERM)
                _ = await service.waitForExit()
            }
        }
    }

    @Test("Webhooks are signed (the receiver checks the HMAC), retried on 503, and a 400 is a dead letter at once")
    func webhooks() async throws {
        try await withDeploymentDirectories { _, _, scratch in
            let flaky = try await ToolServer("webhook_sink.py", ["--secret", "whsec-test-1", "--fail-first", "2"], directory: "\(scratch)")
            try FileManager.default.createDirectory(atPath: "\(scratch)/b", withIntermediateDirectories: true)
            let refusing = try await ToolServer("webhook_sink.py", ["--secret", "whsec-test-2", "--status", "400"], directory: "\(scratch)/b")
            let config: [String: Any] = [
                "delivery": Self.fast,
                "webhooks": [
                    ["name": "erp", "url": "http://127.0.0.1:\(flaky.port)/hooks/einvoice?tenant=7", "secret": "whsec-test-1", "events": ["invoice.rejected"]],
                    ["name": "old", "url": "http://127.0.0.1:\(refusing.port)/gone", "secret": "whsec-test-2"],
                ],
            ]
            try await withSetup(config: config) { setup in
                let service = try await setup.start()
                let event = Event(kind: .invoiceRejected, subject: "inv-7", sellerVAT: "399999999900003", invoiceNumber: "INV-000007", messages: ["BR-KSA-44: رقم ضريبي غير صحيح"])
                let published = try await setup.client { try await $0.publish(PublishRequest(event: event)) }
                #expect(Set(published.messages.map(\.recipient)) == ["erp", "old"])
                let list = try await setup.waitFor("both settled") { $0.counts["pending"] == nil && ($0.counts["delivered"] ?? 0) + ($0.counts["dead"] ?? 0) == 2 }
                let erp = try #require(list.messages.first { $0.recipient == "erp" })
                #expect(erp.status == .delivered)
                #expect(erp.attempts == 3)
                let old = try #require(list.messages.first { $0.recipient == "old" })
                #expect(old.status == .dead)
                #expect(old.attempts == 1)
                #expect(old.lastError?.contains("HTTP 400") == true)

                let received = try flaky.files(".json").map { try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: $0))) as! [String: Any] }
                #expect(received.count == 3)
                #expect(received.allSatisfy { $0["signature_valid"] as? Bool == true })
                let keys = Set(received.map { ($0["headers"] as? [String: String])?["Idempotency-Key"] ?? "" })
                #expect(keys == [erp.idempotencyKey], "every attempt carries the same key")
                #expect(received.first?["path"] as? String == "/hooks/einvoice?tenant=7")
                let body = try JSONSerialization.jsonObject(with: Data((received.last?["body"] as? String ?? "").utf8)) as? [String: Any]
                #expect(body?["invoice_number"] as? String == "INV-000007")
                #expect(body?["messages"] as? [String] == ["BR-KSA-44: رقم ضريبي غير صحيح"])

                let detail = try await setup.client { try await $0.get(GetMessageRequest(reference: erp.id)) }
                #expect(detail.attempts.map(\.outcome) == ["retry", "retry", "delivered"])
                let retried = try await runCLI(["notifications", "retry", String(old.id.prefix(8))], environment: setup.environment)
                #expect(retried.status == 0, "\(retried.output)")
                let retryDeadline = Date().addingTimeInterval(30)
                var history = try await setup.client { try await $0.get(GetMessageRequest(reference: old.id)) }
                while history.attempts.count < 2, Date() < retryDeadline {
                    try await Task.sleep(for: .milliseconds(100))
                    history = try await setup.client { try await $0.get(GetMessageRequest(reference: old.id)) }
                }
                #expect(history.attempts.map(\.number) == [1, 2], "the retry added an attempt; the first stays in the history")
                #expect(history.message.status == .dead)
                service.signal(SIGTERM)
                _ = await service.waitForExit()
                #expect(!service.log.contains("whsec-test"), "secrets never reach a log")
            }
        }
    }

    @Test("A webhook that does not answer within its timeout is retried, then a dead letter that says so")
    func webhookTimeout() async throws {
        try await withDeploymentDirectories { _, _, scratch in
            let slow = try await ToolServer("webhook_sink.py", ["--secret", "slow-secret", "--delay", "3"], directory: scratch)
            let config: [String: Any] = [
                "delivery": Self.fast.merging(["maxAttempts": 2]) { $1 },
                "webhooks": [["name": "slow", "url": "http://127.0.0.1:\(slow.port)/", "secret": "slow-secret", "timeoutSeconds": 0.3]],
            ]
            try await withSetup(config: config) { setup in
                let service = try await setup.start()
                _ = try await setup.client {
                    try await $0.enqueue(EnqueueRequest(idempotencyKey: "slow-1", webhook: WebhookMessage(endpoint: "slow", event: "invoice.ready", body: Data("{\"n\":1}".utf8))))
                }
                let list = try await setup.waitFor("the dead letter") { $0.counts["dead"] == 1 }
                let dead = try #require(list.messages.first)
                #expect(dead.attempts == 2)
                #expect(dead.lastError?.contains("No answer from http://127.0.0.1:\(slow.port)/ within") == true, "\(dead.lastError ?? "")")
                service.signal(SIGTERM)
                _ = await service.waitForExit()
            }
        }
    }

    @Test("kill -9 in the middle of a batch, then restart: every message is delivered, repeats carry the same key")
    func crashMidBatch() async throws {
        try await withDeploymentDirectories { _, _, scratch in
            // The sink accepts 5 messages, then holds every further one unanswered until released:
            // the kill always lands with messages in flight, however slow the machine.
            let smtp = try await ToolServer("smtp_sink.py", ["--delay", "0.05", "--hold-after", "5"], directory: scratch)
            try await withSetup(config: ["delivery": Self.fast.merging(["concurrency": 2]) { $1 }], smtp: "smtp://127.0.0.1:\(smtp.port)") { setup in
                var service = try await setup.start()
                let count = 40
                try await setup.client { client in
                    for index in 0..<count {
                        let email = EmailMessage(to: ["buyer\(index)@samples.example"], subject: "فاتورة رقم \(index) | Invoice \(index)", text: "نص \(index)")
                        _ = try await client.enqueue(EnqueueRequest(idempotencyKey: "batch-\(index)", email: email))
                    }
                }
                while smtp.files(".eml").count < 5 { try await Task.sleep(for: .milliseconds(20)) }
                service.signal(SIGKILL)
                _ = await service.waitForExit()
                let before = smtp.files(".eml").count
                #expect(before < count, "the kill came in the middle of the batch")

                FileManager.default.createFile(atPath: "\(smtp.output)/release", contents: Data())
                service = try await setup.start()
                _ = try await setup.waitFor("all delivered", seconds: 60) { $0.counts["delivered"] == count }
                let parsed = try mime(smtp.files(".eml"))
                let keys = parsed.compactMap { $0["idempotency_key"] as? String }
                #expect(Set(keys) == Set((0..<count).map { "batch-\($0)" }), "none lost")
                #expect(keys.count >= count)
                for key in Set(keys) where keys.filter({ $0 == key }).count > 1 {
                    let ids = Set(parsed.filter { $0["idempotency_key"] as? String == key }.compactMap { $0["message_id"] as? String })
                    #expect(ids.count == 1, "a repeat is the same message (same Message-ID) for \(key)")
                }
                service.signal(SIGTERM)
                _ = await service.waitForExit()
            }
        }
    }

    @Test("An unreachable SMTP server: retries, then a dead letter with the reason; a bad address is refused at enqueue")
    func unreachableAndInvalid() async throws {
        let closedPort: Int = {
            let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(probe, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(probe, $0, &length) } }
            close(probe)
            return Int(UInt16(bigEndian: address.sin_port))
        }()
        try await withSetup(config: ["delivery": Self.fast.merging(["maxAttempts": 3]) { $1 }], smtp: "smtp://127.0.0.1:\(closedPort)") { setup in
            let service = try await setup.start()
            let bad = await #expect(throws: RPCError.self) {
                try await setup.client { try await $0.enqueue(EnqueueRequest(idempotencyKey: "bad-1", email: EmailMessage(to: ["buyer at example"], subject: "x", text: "y"))) }
            }
            #expect(bad?.code == .invalidArgument)
            #expect(bad?.message.contains("'buyer at example' is not an e-mail address") == true)
            let emoji = await #expect(throws: RPCError.self) {
                try await setup.client { try await $0.enqueue(EnqueueRequest(idempotencyKey: "bad-2", email: EmailMessage(to: ["😀@example.com", ""], subject: "x", text: "y"))) }
            }
            #expect(emoji?.code == .invalidArgument)
            let noEndpoint = await #expect(throws: RPCError.self) {
                try await setup.client { try await $0.enqueue(EnqueueRequest(idempotencyKey: "bad-3", webhook: WebhookMessage(endpoint: "nowhere", event: "x", body: Data("{}".utf8)))) }
            }
            #expect(noEndpoint?.message.contains("No webhook endpoint named 'nowhere'") == true)

            let queued = try await setup.client {
                try await $0.enqueue(EnqueueRequest(idempotencyKey: "to-nowhere", email: EmailMessage(to: ["ops@example.com"], subject: "تنبيه | Alert", text: "…")))
            }
            let list = try await setup.waitFor("the dead letter") { $0.counts["dead"] == 1 }
            #expect(list.messages.count == 1, "the refused requests stored nothing")
            let dead = try #require(list.messages.first)
            #expect(dead.id == queued.message.id)
            #expect(dead.attempts == 3)
            #expect(dead.lastError?.contains("Cannot reach the SMTP server smtp://127.0.0.1:\(closedPort)") == true, "\(dead.lastError ?? "")")
            #expect(dead.lastError?.contains("gave up after 3 attempts") == true)

            let listed = try await runCLI(["notifications", "list", "--status", "dead"], environment: setup.environment)
            #expect(listed.status == 0)
            #expect(listed.output.contains("Cannot reach the SMTP server"))
            #expect(listed.output.contains("Outbox: 0 pending, 0 delivered, 1 dead."))
            let json = try await runCLI(["notifications", "show", "to-nowhere", "--json"], environment: setup.environment)
            let detail = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
            #expect((detail?["attempts"] as? [[String: Any]])?.count == 3)

            let health = try await runCLI(["status", "--json"], environment: setup.environment)
            #expect(health.output.contains("notification"))
            service.signal(SIGTERM)
            #expect(await service.waitForExit() == 0)
        }
    }
}

/// Lowercase hex SHA-256, through the `sha256sum` tool (an outside judge).
enum SHA256Hex {
    static func of(_ data: Data) -> String {
        let url = (try? temporaryFile("sha-\(UUID().uuidString.prefix(6))", Array(data))) ?? URL(fileURLWithPath: "/dev/null")
        return (try? run("sha256sum", [url.path]).output.split(separator: " ").first.map(String.init)) ?? ""
    }
}
