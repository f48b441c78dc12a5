public import ArgumentParser
import Foundation
import GRPCCore
import ServiceRuntime
public import SupportContract
import UnixSocketTransport

func withSupport<T: Sendable>(_ common: CommonOptions, _ body: (Support.Client<UnixSocketClientTransport>) async throws -> T) async throws -> T {
    try await withServiceReportingErrors(.support, common) { try await body(Support.Client(wrapping: $0)) }
}

/// Who is typing: `--author`, else `$EINVOICE_OPERATOR`, else the login name.
func operatorName(_ author: String?) -> String {
    let environment = ProcessInfo.processInfo.environment
    return author ?? environment["EINVOICE_OPERATOR"] ?? environment["USER"].map { $0 == "root" ? "operator" : $0 } ?? "operator"
}

/// `einvoice diagnose`: what is wrong with an invoice or a file, and how to fix it.
struct DiagnoseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Explain what is wrong with an invoice (number or id) or an XML file: each problem's field, likely cause and fix, in Arabic and English.",
        discussion: "Exits 0 when nothing is wrong, 1 when there is an error."
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "An invoice number (INV-000042) or id, or the path of an XML file.") var subject: String
    @Option(help: "The seller's VAT number, when several sellers share the store.") var seller: String?
    @Option(help: "Judge dates as of this moment (ISO 8601).") var at: String?
    @Option(help: "Messages in en, ar or both.") var lang: MessageLanguage = .both

    func run() async throws {
        let evaluatedAt = at.flatMap(ValidateCommand.moment)
        let request: DiagnoseRequest
        if FileManager.default.fileExists(atPath: subject) || subject == "-" {
            request = DiagnoseRequest(xml: try readInput(subject), evaluatedAt: evaluatedAt)
        } else {
            request = DiagnoseRequest(reference: subject, sellerVAT: seller, evaluatedAt: evaluatedAt)
        }
        var options = CallOptions.defaults
        options.timeout = max(common.timeoutDuration, .seconds(60))
        let diagnosis = try await withSupport(common) { try await $0.diagnose(request, options: options) }
        if common.json {
            try printJSON(diagnosis)
        } else {
            printDiagnosis(diagnosis, language: lang)
        }
        if diagnosis.errorCount > 0 { throw ExitCode(1) }
    }
}

func printDiagnosis(_ diagnosis: Diagnosis, language: MessageLanguage) {
    if language != .ar { print(diagnosis.summaryEN) }
    if language != .en { print(diagnosis.summaryAR) }
    if !diagnosis.history.isEmpty {
        print("History:")
        for line in diagnosis.history { print("  \(line)") }
    }
    for (index, item) in diagnosis.items.enumerated() {
        let location = [item.field, item.path].compactMap { $0 }.joined(separator: "  ")
        print("\n\(index + 1). \(item.severity.uppercased())  \(item.code)  [\(item.source)]" + (location.isEmpty ? "" : "  \(location)"))
        if let value = item.value { print("   value: \(value)") }
        if language != .ar {
            print("   What:  \(item.whatEN)")
            print("   Cause: \(item.causeEN)")
            print("   Fix:   \(item.fixEN)")
        }
        if language != .en {
            print("   المشكلة: \(item.whatAR)")
            print("   السبب المحتمل: \(item.causeAR)")
            print("   الحل: \(item.fixAR)")
        }
    }
}

/// `einvoice ticket …`: the support desk's tickets.
struct TicketCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket",
        abstract: "Open, follow and close support tickets (SLA clocks run on business hours).",
        subcommands: [TicketOpen.self, TicketList.self, TicketShow.self, TicketNoteCommand.self, TicketAssign.self, TicketStatusCommand.self, TicketClose.self]
    )
}

struct TicketOpen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a ticket; with --invoice the invoice's diagnosis is attached.")

    @OptionGroup var common: CommonOptions
    @Option(help: "How the customer reached us: phone, email, chat or portal.") var channel: TicketChannel
    @Option(help: "What the customer's problem is.") var subject: String
    @Option(help: "urgent, high, normal or low.") var priority: TicketPriority = .normal
    @Option(help: "The invoice it is about (number or id).") var invoice: String?
    @Option(help: "The taxpayer's VAT number.") var taxpayer: String?
    @Option(help: "The buyer concerned.") var buyer: String?
    @Option(help: "More detail, as the customer said it.") var description: String?
    @Option(help: "Who opens it (default: $EINVOICE_OPERATOR or your login).") var author: String?
    @Option(help: "Messages in en, ar or both.") var lang: MessageLanguage = .both

    func run() async throws {
        var options = CallOptions.defaults
        options.timeout = max(common.timeoutDuration, .seconds(60))
        let detail = try await withSupport(common) {
            try await $0.openTicket(
                OpenTicketRequest(
                    subject: subject, channel: channel, priority: priority, invoice: invoice, taxpayerVAT: taxpayer, buyer: buyer, description: description,
                    author: operatorName(author)
                ),
                options: options
            )
        }
        if common.json { try printJSON(detail) } else { printTicket(detail, language: lang) }
    }
}

struct TicketList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tickets, newest first.")

    @OptionGroup var common: CommonOptions
    @Option(help: "new, in-progress, waiting-on-customer, resolved or closed.") var status: TicketStatus?
    @Flag(help: "Only open tickets.") var open = false
    @Option(help: "Only this person's tickets.") var assignee: String?
    @Option(help: "Tickets about this invoice (id or number).") var invoice: String?
    @Option(help: "At most this many.") var limit: Int = 50

    func run() async throws {
        let tickets = try await withSupport(common) {
            try await $0.listTickets(ListTicketsRequest(status: status, openOnly: open, assignee: assignee, invoice: invoice, limit: limit), options: callOptions(common))
        }.tickets
        if common.json {
            try printJSON(tickets)
            return
        }
        guard !tickets.isEmpty else {
            print("No tickets match.")
            return
        }
        var table = TextTable(["TICKET", "STATUS", "PRIORITY", "CHANNEL", "ASSIGNEE", "RESPONSE DUE", "RESOLUTION DUE", "SUBJECT"])
        for ticket in tickets {
            table.append([
                ticket.id, ticket.status.rawValue, ticket.priority.rawValue, ticket.channel.rawValue, ticket.assignee ?? "-",
                ticket.firstResponseAt != nil ? "answered" : sla(ticket.firstResponseDue, breached: ticket.firstResponseBreached),
                ticket.status.isOpen ? sla(ticket.resolutionDue, breached: ticket.resolutionBreached) : ticket.status.rawValue, String(ticket.subject.prefix(60)),
            ])
        }
        print(table.render())
    }
}

func sla(_ due: Date, breached: Bool) -> String {
    (breached ? "BREACHED " : "") + due.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Asia/Riyadh")!).year().month().day().time(includingFractionalSeconds: false))
}

struct TicketShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a ticket: SLA clocks, notes, the attached diagnosis.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "T-000042 or 42.") var ticket: String
    @Option(help: "Messages in en, ar or both.") var lang: MessageLanguage = .both

    func run() async throws {
        let detail = try await withSupport(common) { try await $0.getTicket(TicketReference(ticket: ticket), options: callOptions(common)) }
        if common.json { try printJSON(detail) } else { printTicket(detail, language: lang) }
    }
}

struct TicketNoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note (the first one answers the customer for the SLA).")

    @OptionGroup var common: CommonOptions
    @Argument(help: "T-000042 or 42.") var ticket: String
    @Argument(help: "The note.") var text: String
    @Option(help: "Who writes it.") var author: String?

    func run() async throws {
        let detail = try await withSupport(common) { try await $0.addNote(TicketNoteRequest(ticket: ticket, author: operatorName(author), text: text), options: callOptions(common)) }
        if common.json { try printJSON(detail) } else { print("Noted on \(detail.ticket.id) (\(detail.ticket.status.rawValue)).") }
    }
}

struct TicketAssign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Give a ticket to someone.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "T-000042 or 42.") var ticket: String
    @Option(name: .customLong("to"), help: "Who takes it.") var assignee: String
    @Option(help: "Who assigns it.") var author: String?

    func run() async throws {
        let detail = try await withSupport(common) { try await $0.assign(AssignTicketRequest(ticket: ticket, assignee: assignee, author: operatorName(author)), options: callOptions(common)) }
        if common.json { try printJSON(detail) } else { print("\(detail.ticket.id) is assigned to \(detail.ticket.assignee ?? assignee).") }
    }
}

struct TicketStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Move a ticket: in-progress, waiting-on-customer (stops the resolution clock), resolved, closed."
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "T-000042 or 42.") var ticket: String
    @Argument(help: "The new status.") var status: TicketStatus
    @Option(help: "Why.") var note: String?
    @Option(help: "Who moves it.") var author: String?

    func run() async throws {
        let detail = try await withSupport(common) {
            try await $0.setStatus(TicketStatusRequest(ticket: ticket, status: status, author: operatorName(author), note: note), options: callOptions(common))
        }
        if common.json { try printJSON(detail) } else { print("\(detail.ticket.id) is \(detail.ticket.status.rawValue).") }
    }
}

struct TicketClose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a ticket.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "T-000042 or 42.") var ticket: String
    @Option(help: "How it ended.") var note: String?
    @Option(help: "Who closes it.") var author: String?

    func run() async throws {
        let detail = try await withSupport(common) {
            try await $0.setStatus(TicketStatusRequest(ticket: ticket, status: .closed, author: operatorName(author), note: note), options: callOptions(common))
        }
        if common.json { try printJSON(detail) } else { print("\(detail.ticket.id) is closed.") }
    }
}

func printTicket(_ detail: TicketDetail, language: MessageLanguage) {
    let ticket = detail.ticket
    print("\(ticket.id)  \(ticket.status.rawValue)  \(ticket.priority.rawValue)  via \(ticket.channel.rawValue)\(detail.existing ? "  (already open)" : "")")
    print("  subject:          \(ticket.subject)")
    let rows: [(String, String?)] = [
        ("assignee", ticket.assignee), ("taxpayer", ticket.taxpayerVAT), ("buyer", ticket.buyer), ("invoices", ticket.invoices.isEmpty ? nil : ticket.invoices.joined(separator: ", ")),
        ("first response", ticket.firstResponseAt.map { "given \($0.formatted(.iso8601))" } ?? "due " + sla(ticket.firstResponseDue, breached: ticket.firstResponseBreached)),
        ("resolution", ticket.resolvedAt.map { "done \($0.formatted(.iso8601))" } ?? "due " + sla(ticket.resolutionDue, breached: ticket.resolutionBreached)),
    ]
    for case (let label, let value?) in rows {
        print("  \(label):" + String(repeating: " ", count: max(1, 17 - label.count)) + value)
    }
    print("Notes:")
    for note in detail.notes {
        print("  \(note.at.formatted(.iso8601))  \(note.author) [\(note.kind)]: \(note.text)")
    }
    if let diagnosis = detail.diagnosis {
        print("Diagnosis:")
        printDiagnosis(diagnosis, language: language)
    }
}

extension TicketChannel: ExpressibleByArgument {}
extension TicketPriority: ExpressibleByArgument {}
extension TicketStatus: ExpressibleByArgument {}
