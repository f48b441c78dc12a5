public import ArgumentParser
import Foundation

/// `einvoice`: the operator's command line.
public struct EInvoiceCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "einvoice",
        abstract: "Operate an einvoice deployment: ZATCA e-invoicing for Saudi businesses.",
        discussion: """
            Every command talks to the running services over their sockets in the runtime \
            directory (--runtime-dir, or $EINVOICE_RUNTIME_DIR).
            """,
        version: "0.1.0",
        subcommands: [
            StatusCommand.self, TaxpayerCommand.self, EGSCommand.self, BuyerCommand.self, InvoiceCommand.self, SubmissionsCommand.self, APIKeyCommand.self, ValidateCommand.self, NotificationsCommand.self, DiagnoseCommand.self, TicketCommand.self, KeysCommand.self, SignCommand.self, VerifyCommand.self, QRCommand.self, LoadCommand.self,
        ]
    )

    public init() {}

    /// Runs the command; under `--json`, a failure is also a JSON object on standard output
    /// (`{"error": {"message": …, "code": …}}`), so a script always has JSON to read. The
    /// message still goes to standard error, and the exit status is not 0.
    public static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if CommandLine.arguments.contains("--json"), !(error is ExitCode), exitCode(for: error) != .success {
                var failure: [String: String] = ["message": message(for: error)]
                if let code = (error as? CLIError)?.code { failure["code"] = "\(code)" }
                if let data = try? JSONSerialization.data(withJSONObject: ["error": failure], options: [.sortedKeys, .withoutEscapingSlashes]) {
                    print(String(decoding: data, as: UTF8.self))
                }
            }
            exit(withError: error)
        }
    }
}
