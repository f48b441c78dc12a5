import Foundation

/// How the notification service reaches people: the SMTP server, the operators' addresses, the
/// webhook endpoints and the retry policy.
///
/// Read from `<data>/notification/config.json` (or `$EINVOICE_NOTIFICATION_CONFIG`); the SMTP
/// URL may come from `$EINVOICE_SMTP_URL` instead, e.g. `smtp://user:pass@host:587`
/// (`smtps://` for TLS from the first byte). Every field has a default, so no file is needed.
struct NotificationConfig: Codable, Sendable {
    struct SMTP: Codable, Sendable {
        /// `smtp://[user[:password]@]host[:port]` or `smtps://…`.
        var url: String?
        /// The sender: `einvoice <noreply@example.com>` or a bare address.
        var from: String?
        /// `auto` (STARTTLS when the server offers it), `required`, or `never`.
        var starttls: String?
        /// A PEM file of CA certificates to trust besides the system's (a private mail relay).
        var caFile: String?
        var timeoutSeconds: Double?
    }

    struct Webhook: Codable, Sendable {
        var name: String
        var url: String
        /// The HMAC-SHA256 key; never logged.
        var secret: String
        /// Events it receives (`invoice.ready`, …); absent: all.
        var events: [String]?
        var timeoutSeconds: Double?
    }

    struct Delivery: Codable, Sendable {
        var maxAttempts: Int?
        var baseDelaySeconds: Double?
        var maxDelaySeconds: Double?
        var concurrency: Int?
    }

    var smtp: SMTP?
    /// Who hears of rejections, deadlines, certificates and onboarding.
    var operators: [String]?
    var webhooks: [Webhook]?
    var delivery: Delivery?

    var maxAttempts: Int { max(1, delivery?.maxAttempts ?? 8) }
    var baseDelay: Double { max(0.05, delivery?.baseDelaySeconds ?? 5) }
    var maxDelay: Double { max(baseDelay, delivery?.maxDelaySeconds ?? 3_600) }
    var concurrency: Int { min(max(1, delivery?.concurrency ?? 4), 64) }

    /// The configuration for a data directory and an environment.
    static func load(dataDirectory: String, environment: [String: String]) throws -> NotificationConfig {
        let path = environment["EINVOICE_NOTIFICATION_CONFIG"] ?? (dataDirectory as NSString).appendingPathComponent("notification/config.json")
        var config = NotificationConfig()
        if FileManager.default.fileExists(atPath: path) {
            do {
                config = try JSONDecoder().decode(NotificationConfig.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw ConfigError("\(path) is not a valid notification configuration: \(error)")
            }
        }
        if let url = environment["EINVOICE_SMTP_URL"], !url.isEmpty {
            config.smtp = SMTP(url: url, from: config.smtp?.from, starttls: config.smtp?.starttls, caFile: config.smtp?.caFile, timeoutSeconds: config.smtp?.timeoutSeconds)
        }
        if let raw = config.smtp?.url { _ = try SMTPEndpoint(url: raw) }
        for webhook in config.webhooks ?? [] {
            guard let url = URL(string: webhook.url), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ConfigError("Webhook \(webhook.name): \(webhook.url) is not an http(s) URL.")
            }
            guard !webhook.secret.isEmpty else { throw ConfigError("Webhook \(webhook.name) has no secret.") }
        }
        for address in config.operators ?? [] where !EmailAddress.isValid(address) {
            throw ConfigError("Operator address \(address) is not an e-mail address.")
        }
        return config
    }
}

struct ConfigError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Where and how to reach the SMTP server. `description` never shows the password.
struct SMTPEndpoint: Sendable, CustomStringConvertible {
    var host: String
    var port: Int
    var implicitTLS: Bool
    var username: String?
    var password: String?

    init(url raw: String) throws {
        guard let components = URLComponents(string: raw), let scheme = components.scheme?.lowercased(), ["smtp", "smtps"].contains(scheme),
            let host = components.host, !host.isEmpty
        else {
            throw ConfigError("The SMTP URL must look like smtp://user:password@host:587 or smtps://host:465.")
        }
        self.host = host
        implicitTLS = scheme == "smtps"
        port = components.port ?? (implicitTLS ? 465 : 25)
        username = components.user?.removingPercentEncoding ?? components.user
        password = components.password?.removingPercentEncoding ?? components.password
    }

    /// The name for SNI and certificate checks; nil for an IP address (SNI cannot carry one).
    var serverName: String? {
        let isIP = host.allSatisfy { $0.isNumber || $0 == "." } || host.contains(":")
        return isIP ? nil : host
    }

    var description: String {
        "\(implicitTLS ? "smtps" : "smtp")://\(username.map { "\($0)@" } ?? "")\(host):\(port)"
    }
}

/// Addresses as mail servers accept them: `local@domain` with a dot in the domain (or
/// `localhost`), no spaces or control characters; an internationalized local part is allowed.
enum EmailAddress {
    static func isValid(_ address: String) -> Bool {
        guard address.utf8.count <= 254, let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty else { return false }
        let forbidden = CharacterSet.whitespacesAndNewlines.union(.controlCharacters).union(CharacterSet(charactersIn: "<>()[],;:\\\"@"))
        guard local.unicodeScalars.allSatisfy({ !forbidden.contains($0) }), !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            return false
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 || domain == "localhost" else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" }
        }
    }

    /// The bare address of `Name <address>` or of a bare address.
    static func bare(_ text: String) -> String {
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            return String(text[text.index(after: open)..<close])
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
