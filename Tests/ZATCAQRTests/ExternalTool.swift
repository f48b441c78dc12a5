import Foundation
import Testing

/// Runs command-line tools (pngcheck, zbarimg, rsvg-convert) that verify generated images
/// independently of this module's own code.
struct ExternalTool {
    /// The result of one run: exit status and standard output (standard error is discarded,
    /// since zbarimg prints harmless D-Bus warnings there).
    struct Run {
        var status: Int32
        var output: String
    }

    let url: URL

    /// The tool named `name` from `PATH` (or the usual system directories), or `nil` if absent.
    init?(_ name: String) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        let candidates = directories.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            return nil
        }
        url = found
    }

    /// The tool `name`; if it is missing, records a warning saying what went unchecked and
    /// cancels (skips) the current test, so a machine without the tool does not fail the run.
    static func require(_ name: String, purpose: String, package: String) throws -> ExternalTool {
        guard let tool = ExternalTool(name) else {
            let reason: Comment = "\(name) is not installed (apt-get install \(package)), so \(purpose) was not checked"
            Issue.record(reason, severity: .warning)
            try Test.cancel(reason)
        }
        return tool
    }

    /// Runs the tool with `arguments` and waits for it to finish.
    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}

/// A file in a fresh temporary directory, removed again by `remove()`.
struct TemporaryFile {
    let url: URL

    init(named name: String, contents: [UInt8]) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("zatcaqr-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent(name)
        try Data(contents).write(to: url)
    }

    var path: String { url.path }

    func remove() {
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }
}

/// Reads a QR code from an image file with zbarimg and returns the decoded text, trailing newline removed.
func zbarDecode(path: String) throws -> String? {
    let zbarimg = try ExternalTool.require("zbarimg", purpose: "that the image scans", package: "zbar-tools")
    let run = try zbarimg.run(["--raw", "-q", path])
    guard run.status == 0 else { return nil }
    var text = run.output
    if text.hasSuffix("\n") { text.removeLast() }
    return text
}

/// Shared sample data.
enum Samples {
    /// The QR payload of the ZATCA SDK's `Simplified_Invoice.xml` sample.
    static let zatcaQR = """
        AW/YtNix2YPYqSDYqtmI2LHZitivINin2YTYqtmD2YbZiNmE2YjYrNmK2Kcg2KjYo9mC2LXZiSDYs9ix2LnYqSDYp9mE2YXYrdiv2YjY\
        r9ipIHwgTWF4aW11bSBTcGVlZCBUZWNoIFN1cHBseSBMVEQCDzM5OTk5OTk5OTkwMDAwMwMTMjAyMi0wOS0wN1QxMjoyMToyOAQENC42\
        MAUEMC42MAYsQ3k5V3BydTBHYWlVNGI2MDR1emFsVHE0djdkL1BHc3p4azJTR0JmL3BZcz0HYE1FVUNJUUNGbFUydFNKUXZXeEM5dmV3\
        bStwZndLVzV5a2pteXY0cThNbUlLSjNsRlNnSWdXVVNxWVdpRXBuaTR6VmxsRmtwTWpFU2xHaitqUU5HbVRGU0RXaEx3TUw4PQhYMFYw\
        EAYHKoZIzj0CAQYFK4EEAAoDQgAEoWCKa0Sa9FIErTOv0uAkC1VIKXxU9nPpx2vlf4yhMejy8c02XJblDq7tPydo8mq0ahOMmNo8gwni\
        7Xt1KT9UeAlHMEUCIQCxYp8K0W+2VPqqf9LCqX+6wcaRPZhc+eGodFiEjXtKrAIgOnbHPCbRc6ra8OIQzsoXPx+DQinO3P3yr4HRt4JL\
        dSE=
        """

    /// The sample's seller name: Arabic and Latin, 111 UTF-8 bytes.
    static let sellerName = "شركة توريد التكنولوجيا بأقصى سرعة المحدودة | Maximum Speed Tech Supply LTD"
}
