import Foundation
import NIOCore
#if canImport(Glibc)
import Glibc
#endif
import NIOPosix
import NIOSSL

/// Why a delivery failed, and whether trying again later can help.
struct DeliveryFailure: Error, CustomStringConvertible {
    var description: String
    /// True when a later attempt cannot succeed (a refused address, a 4xx webhook answer).
    var permanent: Bool

    static func transient(_ text: String) -> DeliveryFailure { DeliveryFailure(description: text, permanent: false) }
    static func permanent(_ text: String) -> DeliveryFailure { DeliveryFailure(description: text, permanent: true) }
}

/// What went wrong connecting, in a few words: "connection refused", "no address for host".
func connectionProblem(_ error: NIOConnectionError) -> String {
    if let failure = error.connectionErrors.first {
        if let io = failure.error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return "connection refused (nothing listens on that port)"
            case ETIMEDOUT: return "the connection timed out"
            case EHOSTUNREACH, ENETUNREACH: return "the host is unreachable"
            default: return io.description
            }
        }
        return "\(failure.error)"
    }
    if let dnsError = error.dnsAAAAError ?? error.dnsAError { return "no address for \(error.host) (\(dnsError))" }
    return "could not connect to \(error.host):\(error.port)"
}

/// Sends one message per connection over SMTP (RFC 5321) on SwiftNIO: EHLO, STARTTLS when the
/// server offers it (or always, if required), AUTH PLAIN or LOGIN, MAIL, RCPT, DATA with
/// dot-stuffing, QUIT. The password is never logged nor put in an error.
struct SMTPClient: Sendable {
    enum StartTLS: String, Sendable {
        case auto, required, never
    }

    let endpoint: SMTPEndpoint
    let startTLS: StartTLS
    let timeout: Duration
    let tls: TLSConfiguration
    let heloName: String
    let group: any EventLoopGroup

    init(endpoint: SMTPEndpoint, startTLS: StartTLS, caFile: String?, timeout: Duration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.endpoint = endpoint
        self.startTLS = startTLS
        self.timeout = timeout
        self.group = group
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile { tls.additionalTrustRoots = [.file(caFile)] }
        self.tls = tls
        heloName = ProcessInfo.processInfo.hostName.isEmpty ? "localhost" : ProcessInfo.processInfo.hostName
    }

    /// Sends `data` (a whole MIME message) from `from` to `recipients`; returns the server's
    /// acceptance line (with its queue id).
    func send(from: String, recipients: [String], data: [UInt8]) async throws(DeliveryFailure) -> String {
        do {
            return try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask { try await self.converse(from: from, recipients: recipients, data: data) }
                group.addTask {
                    try await Task.sleep(for: self.timeout)
                    throw DeliveryFailure.transient("The SMTP server \(self.endpoint) did not finish within \(self.timeout).")
                }
                let result = try await group.next()!
                group.cancelAll()
                return result
            }
        } catch let failure as DeliveryFailure {
            throw failure
        } catch let error as NIOSSLError {
            throw .transient("TLS with \(endpoint) failed: \(error)")
        } catch let error as IOError {
            throw .transient("Cannot reach the SMTP server \(endpoint): \(error.description)")
        } catch let error as NIOConnectionError {
            throw .transient("Cannot reach the SMTP server \(endpoint): \(connectionProblem(error))")
        } catch {
            throw .transient("SMTP with \(endpoint) failed: \(error)")
        }
    }

    private func converse(from: String, recipients: [String], data: [UInt8]) async throws -> String {
        let endpoint = endpoint
        let tls = tls
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .connect(host: endpoint.host, port: endpoint.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if endpoint.implicitTLS {
                        let context = try NIOSSLContext(configuration: tls)
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: endpoint.serverName))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var session = Session(inbound: inbound.makeAsyncIterator(), outbound: outbound)
            try await session.expect(220, during: "the greeting")
            var capabilities = try await session.hello(heloName)
            var encrypted = endpoint.implicitTLS
            if !encrypted, startTLS != .never, capabilities.contains("STARTTLS") || startTLS == .required {
                guard capabilities.contains("STARTTLS") else {
                    throw DeliveryFailure.transient("The SMTP server \(endpoint) does not offer STARTTLS, which the configuration requires.")
                }
                try await session.command("STARTTLS", expect: 220)
                // Anything the server sent before TLS starts could be injected by a third party.
                guard session.pending.isEmpty else {
                    throw DeliveryFailure.transient("The SMTP server \(endpoint) sent data after agreeing to STARTTLS; refusing to go on.")
                }
                let context = try NIOSSLContext(configuration: tls)
                try await channel.channel.pipeline.addHandler(try NIOSSLClientHandler(context: context, serverHostname: endpoint.serverName), position: .first)
                encrypted = true
                capabilities = try await session.hello(heloName)
            }
            if let username = endpoint.username {
                guard encrypted || Self.isLoopback(endpoint.host) else {
                    throw DeliveryFailure.transient(
                        "Refusing to send the SMTP password to \(endpoint) without TLS: enable STARTTLS on the server or use smtps://."
                    )
                }
                let password = endpoint.password ?? ""
                guard capabilities.contains("AUTH"), !session.authMechanisms.isDisjoint(with: ["PLAIN", "LOGIN"]) else {
                    throw DeliveryFailure.transient("The SMTP server \(endpoint) offers neither AUTH PLAIN nor AUTH LOGIN; remove the user name from the URL or enable one.")
                }
                if session.authMechanisms.contains("PLAIN") {
                    let token = Data([0] + Array(username.utf8) + [0] + Array(password.utf8)).base64EncodedString()
                    try await session.command("AUTH PLAIN \(token)", expect: 235, shown: "AUTH PLAIN (credentials)")
                } else {
                    try await session.command("AUTH LOGIN", expect: 334)
                    try await session.command(Data(username.utf8).base64EncodedString(), expect: 334, shown: "(user name)")
                    try await session.command(Data(password.utf8).base64EncodedString(), expect: 235, shown: "(password)")
                }
            }
            let utf8 = !from.allSatisfy(\.isASCII) || recipients.contains { !$0.allSatisfy(\.isASCII) }
            if utf8, !capabilities.contains("SMTPUTF8") {
                throw DeliveryFailure.permanent("An address is not ASCII and the SMTP server \(endpoint) does not support SMTPUTF8.")
            }
            try await session.command("MAIL FROM:<\(from)>" + (utf8 ? " SMTPUTF8" : ""), expect: 250, permanentOn5xx: true)
            // A refused address (a colleague who left) must not stop the others from hearing.
            var refused: [String] = []
            for recipient in recipients {
                do {
                    try await session.command("RCPT TO:<\(recipient)>", expect: 250, alsoAccept: [251], permanentOn5xx: true)
                } catch let failure as DeliveryFailure where failure.permanent {
                    refused.append("\(recipient): \(failure.description)")
                }
            }
            guard refused.count < recipients.count else {
                throw DeliveryFailure.permanent("Every recipient was refused: " + refused.joined(separator: "; "))
            }
            try await session.command("DATA", expect: 354, permanentOn5xx: true)
            try await session.write(Self.dotStuffed(data))
            let accepted = try await session.expect(250, during: "the end of DATA", permanentOn5xx: true)
            try? await session.command("QUIT", expect: 221)
            return refused.isEmpty ? accepted : "\(accepted) (refused: \(refused.joined(separator: "; ")))"
        }
    }

    /// Lines starting with "." get another; the message ends with CRLF . CRLF.
    static func dotStuffed(_ data: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count + 64)
        var atLineStart = true
        for byte in data {
            if atLineStart && byte == UInt8(ascii: ".") { output.append(UInt8(ascii: ".")) }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !(output.count >= 2 && output[output.count - 2] == 13 && output[output.count - 1] == 10) { output += [13, 10] }
        output += Array(".\r\n".utf8)
        return output
    }

    /// Only `localhost` and real loopback IP literals (not a name that starts with "127.").
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { octet in UInt8(octet).map { String($0) == octet } ?? false }
    }

    /// One SMTP conversation: commands out, replies (possibly multi-line) in.
    private struct Session {
        var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        private(set) var pending: [UInt8] = []
        var authMechanisms: Set<String> = []

        init(inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
            self.inbound = inbound
            self.outbound = outbound
        }

        mutating func hello(_ name: String) async throws -> Set<String> {
            authMechanisms = []
            try await write(Array("EHLO \(name)\r\n".utf8))
            let (code, lines) = try await reply()
            guard code == 250 else { throw DeliveryFailure.transient("EHLO was refused: \(code) \(lines.joined(separator: " "))") }
            var capabilities: Set<String> = []
            for line in lines.dropFirst() {
                let words = line.uppercased().split(separator: " ").map(String.init)
                guard let keyword = words.first else { continue }
                capabilities.insert(keyword)
                if keyword == "AUTH" { authMechanisms = Set(words.dropFirst()) }
            }
            return capabilities
        }

        /// Sends a command; `shown` replaces it in errors (credentials are never shown).
        @discardableResult
        mutating func command(_ text: String, expect expected: Int, alsoAccept: Set<Int> = [], shown: String? = nil, permanentOn5xx: Bool = false) async throws -> String {
            try await write(Array("\(text)\r\n".utf8))
            let (code, lines) = try await reply()
            guard code == expected || alsoAccept.contains(code) else {
                let what = shown ?? text
                let message = "The SMTP server answered \(code) \(lines.joined(separator: " ")) to \(what)."
                throw permanentOn5xx && (500..<600).contains(code) ? DeliveryFailure.permanent(message) : DeliveryFailure.transient(message)
            }
            return "\(code) \(lines.joined(separator: " "))"
        }

        @discardableResult
        mutating func expect(_ expected: Int, during: String, permanentOn5xx: Bool = false) async throws -> String {
            let (code, lines) = try await reply()
            guard code == expected else {
                let message = "The SMTP server answered \(code) \(lines.joined(separator: " ")) at \(during)."
                throw permanentOn5xx && (500..<600).contains(code) ? DeliveryFailure.permanent(message) : DeliveryFailure.transient(message)
            }
            return "\(code) \(lines.joined(separator: " "))"
        }

        func write(_ bytes: [UInt8]) async throws {
            try await outbound.write(ByteBuffer(bytes: bytes))
        }

        /// Reads `ddd-text` lines up to the last `ddd text` line.
        mutating func reply() async throws -> (Int, [String]) {
            var lines: [String] = []
            while true {
                let line = try await readLine()
                guard line.count >= 3, let code = Int(line.prefix(3)) else {
                    throw DeliveryFailure.transient("The SMTP server sent something that is not a reply: \(line.prefix(80))")
                }
                lines.append(String(line.dropFirst(4)))
                if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] != "-" { return (code, lines) }
                guard lines.count < 1_000 else { throw DeliveryFailure.transient("The SMTP server's reply does not end.") }
            }
        }

        private mutating func readLine() async throws -> String {
            while true {
                if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    var line = Array(pending[..<newline])
                    pending.removeSubrange(...newline)
                    if line.last == 13 { line.removeLast() }
                    return String(decoding: line, as: UTF8.self)
                }
                guard pending.count < 64 * 1024 else { throw DeliveryFailure.transient("The SMTP server sent a line over 64 KiB.") }
                guard let buffer = try await inbound.next() else {
                    throw DeliveryFailure.transient("The SMTP server closed the connection.")
                }
                pending.append(contentsOf: buffer.readableBytesView)
            }
        }
    }
}
