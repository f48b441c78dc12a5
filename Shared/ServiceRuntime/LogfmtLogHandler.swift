import Foundation
public import Logging
import Synchronization

/// One line per event on standard error: time, level, service, message, then `key=value`
/// metadata, sorted. Values with spaces or quotes are quoted.
///
/// `2026-11-29T07:50:30.123Z info signing: Listening socket.path=/run/einvoice/signing.sock`
public struct LogfmtLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var line = "\(Self.timestamp()) \(event.level) \(label): \(event.message)"
        for key in merged.keys.sorted() {
            line += " \(key)=\(Self.quoted("\(merged[key]!)"))"
        }
        line += "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private static func timestamp() -> String {
        Date().formatted(timeFormat)
    }
}

enum LogLevelParser {
    static func parse(_ text: String) -> Logger.Level? {
        Logger.Level(rawValue: text.lowercased())
    }
}

extension LoggingSystem {
    /// Installs the logfmt handler once per process, at `level` (default: `$EINVOICE_LOG_LEVEL`
    /// or info).
    public static func bootstrapEInvoice(level: String?) {
        let name = level ?? ProcessInfo.processInfo.environment["EINVOICE_LOG_LEVEL"] ?? "info"
        let parsed = LogLevelParser.parse(name) ?? .info
        LoggingBootstrapOnce.run {
            LoggingSystem.bootstrap { LogfmtLogHandler(label: $0, level: parsed) }
        }
    }
}

private enum LoggingBootstrapOnce {
    private static let done = Mutex(false)

    static func run(_ body: () -> Void) {
        done.withLock { done in
            guard !done else { return }
            done = true
            body()
        }
    }
}
