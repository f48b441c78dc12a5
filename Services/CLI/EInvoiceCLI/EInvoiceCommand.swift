public import ArgumentParser

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
}
