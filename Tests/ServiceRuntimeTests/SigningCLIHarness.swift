import Foundation
import TestSupport
import Testing

/// The real `signing-service` executable, started with `--runtime-dir` and `--data-dir`, and an
/// `einvoice` runner that names the runtime directory with `--runtime-dir` on every command.
///
/// The CLI's environment points `EINVOICE_RUNTIME_DIR` at a directory where nothing listens, so a
/// command that ignored `--runtime-dir` would fail.
struct SigningDeployment {
    let runtime: String
    let data: String
    /// Scratch space for the test's files (and the service's log).
    let files: String
    let service: ServiceProcess

    /// The SDK's test key and certificate, and the genesis PIH (`vectors/zatca-sdk/certs`).
    static var sdkKeyPath: String { Samples.root.appendingPathComponent("certs/ec-secp256k1-priv-key.pem").path }
    static var sdkCertificatePath: String { Samples.root.appendingPathComponent("certs/cert.pem").path }
    static var verifier: String { Samples.repository.appendingPathComponent("Tests/Tools/zatca_verify.py").path }

    /// `arguments`: more of the service's own flags (`--log-level trace`).
    static func with(arguments: [String] = [], _ body: (SigningDeployment) async throws -> Void) async throws {
        try await withDeploymentDirectories { runtime, data, logs in
            let service = try ServiceProcess(
                "signing-service", arguments: ["--runtime-dir", runtime, "--data-dir", data] + arguments, environment: [:], logDirectory: logs
            )
            defer { service.signal(SIGKILL) }
            try await waitForFile("\(runtime)/signing.sock")
            try await body(SigningDeployment(runtime: runtime, data: data, files: logs, service: service))
        }
    }

    /// `einvoice ARGUMENTS --runtime-dir RUNTIME`: exit status and standard output and error together.
    func cli(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await runCLI(arguments + ["--runtime-dir", runtime], environment: Self.cliEnvironment)
    }

    /// The same, with standard output and standard error apart.
    func cliSeparated(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        let errors = "\(files)/stderr-\(UUID().uuidString.prefix(6))"
        let quoted = ([try Executables.url("einvoice").path] + arguments + ["--runtime-dir", runtime]).map { "'\($0.replacingOccurrences(of: "'", with: "'\\''"))'" }
        let run = try await Shell.run("/bin/sh", ["-c", quoted.joined(separator: " ") + " 2>'\(errors)'"], environment: Self.cliEnvironment)
        return (run.status, run.output, (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")
    }

    /// Where a command that ignored `--runtime-dir` would look, and find nothing.
    static let cliEnvironment = ["EINVOICE_RUNTIME_DIR": "/tmp/einvoice-nowhere", "EINVOICE_DIRECT": "1"]

    /// Imports the SDK key and certificate as `unit`.
    func importSDKUnit(_ unit: String) async throws {
        let imported = try await cli(["keys", "import", "--egs", unit, "--key", Self.sdkKeyPath, "--cert", Self.sdkCertificatePath])
        #expect(imported.status == 0, "\(imported.output)")
    }

    func path(_ name: String) -> String { "\(files)/\(name)" }
}

/// The text of the first `<tag>…</tag>` in a file, whitespace removed.
func element(_ tag: String, inFile path: String) throws -> String? {
    Samples.element(tag, in: try String(contentsOfFile: path, encoding: .utf8)).map { $0.filter { !$0.isWhitespace } }
}

/// The base64 TLV in a document's `cac:AdditionalDocumentReference` with `cbc:ID` QR.
func documentQR(_ text: String) -> String? {
    guard let reference = text.range(of: "<cbc:ID>QR</cbc:ID>") else { return nil }
    return Samples.element("cbc:EmbeddedDocumentBinaryObject", in: String(text[reference.upperBound...])).map { $0.filter { !$0.isWhitespace } }
}

/// zbarimg's reading of an image (`--raw -q`), trailing newline removed; nil when it reads nothing.
func zbarRead(_ path: String) async throws -> String? {
    guard toolAvailable("zbarimg") else {
        Issue.record("zbarimg is not installed (apt-get install zbar-tools)")
        return nil
    }
    // Standard output only: zbarimg may print D-Bus warnings on standard error.
    let run = try await Shell.run("/bin/sh", ["-c", "zbarimg --raw -q '\(path)' 2>/dev/null"], environment: [:])
    guard run.status == 0 else { return nil }
    return run.output.hasSuffix("\n") ? String(run.output.dropLast()) : run.output
}
