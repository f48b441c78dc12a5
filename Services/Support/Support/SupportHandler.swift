import Foundation
import GRPCCore
import Logging
import ServiceRuntime
import SupportContract

extension SupportError: RPCErrorConvertible {
    var rpcErrorCode: RPCError.Code {
        switch self {
        case .invalidRequest: .invalidArgument
        case .notFound: .notFound
        case .failedPrecondition: .failedPrecondition
        }
    }

    var rpcErrorMessage: String { description }
}

/// The support RPCs: diagnosis, tickets and their SLA clocks.
struct SupportHandler: Support.ServiceProtocol {
    let store: TicketStore
    let diagnoser: Diagnoser
    let logger: Logger
    var clock: @Sendable () -> Date = { Date() }

    static let maxText = 10_000

    func diagnose(_ request: DiagnoseRequest, context: ServerContext) async throws -> Diagnosis {
        if let xml = request.xml, xml.count > 16 << 20 {
            throw SupportError.invalidRequest("The document is \(xml.count) bytes; at most 16 MiB can be diagnosed.")
        }
        return try await diagnoser.diagnose(request, now: clock())
    }

    func openTicket(_ request: OpenTicketRequest, context: ServerContext) async throws -> TicketDetail {
        let subject = request.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !subject.isEmpty, subject.count <= 500 else { throw SupportError.invalidRequest("The subject must be 1 to 500 characters.") }
        guard request.channel != .automatic else { throw SupportError.invalidRequest("Channel 'automatic' is for tickets einvoice opens itself; use phone, email, chat or portal.") }
        guard (request.description?.count ?? 0) <= Self.maxText else { throw SupportError.invalidRequest("The description is over \(Self.maxText) characters.") }
        var diagnosis: Diagnosis?
        var invoices: [String] = []
        var unavailable: String?
        if let invoice = request.invoice {
            do {
                let found = try await diagnoser.diagnose(DiagnoseRequest(reference: invoice, sellerVAT: request.taxpayerVAT), now: clock())
                diagnosis = found
                invoices = [found.invoiceID, found.subject].compactMap { $0 }
            } catch let error as SupportError {
                throw error
            } catch {
                invoices = [invoice]
                unavailable = "The diagnosis of \(invoice) is not attached: \(error)"
            }
        }
        let author = request.author ?? "operator"
        var (detail, _) = try await store.open(
            TicketStore.NewTicket(
                subject: subject, channel: request.channel, priority: request.priority ?? .normal, taxpayerVAT: request.taxpayerVAT, buyer: request.buyer,
                invoices: Array(Set(invoices)).sorted(), author: author, description: request.description, sourceKey: nil, diagnosis: diagnosis
            ),
            at: clock()
        )
        if let unavailable, let number = TicketStore.number(detail.ticket.id) {
            detail = try await store.addNote(number, author: "system", text: unavailable, at: clock())
        }
        logger.info("ticket.opened", metadata: ["ticket": "\(detail.ticket.id)", "channel": "\(request.channel.rawValue)", "priority": "\(detail.ticket.priority.rawValue)"])
        return detail
    }

    func reportProblem(_ request: ReportProblemRequest, context: ServerContext) async throws -> TicketDetail {
        guard !request.invoiceID.isEmpty else { throw SupportError.invalidRequest("Say which invoice (invoiceID).") }
        let number = request.invoiceNumber ?? request.invoiceID
        let diagnosis = try? await diagnoser.diagnose(DiagnoseRequest(reference: request.invoiceID), now: clock())
        let subject: String
        let priority: TicketPriority
        switch request.kind {
        case .rejection:
            subject = "رفضت الهيئة الفاتورة \(number) | ZATCA rejected invoice \(number)"
            priority = .high
        case .reportingDeadline:
            subject = "الفاتورة المبسطة \(number) لم يُبلَّغ عنها بعد | Simplified invoice \(number) is not reported yet"
            priority = .urgent
        }
        let description = request.messages.isEmpty ? nil : "ZATCA:\n" + request.messages.map { "• \($0)" }.joined(separator: "\n")
        let (detail, existing) = try await store.open(
            TicketStore.NewTicket(
                subject: subject, channel: .automatic, priority: priority, taxpayerVAT: request.sellerVAT, buyer: request.buyer,
                invoices: [request.invoiceID] + (request.invoiceNumber.map { [$0] } ?? []), author: "system", description: description,
                sourceKey: "\(request.kind.rawValue):\(request.invoiceID)", diagnosis: diagnosis
            ),
            at: clock()
        )
        if !existing { logger.info("ticket.opened", metadata: ["ticket": "\(detail.ticket.id)", "problem": "\(request.kind.rawValue)", "invoice.id": "\(request.invoiceID)"]) }
        var result = detail
        result.existing = existing
        return result
    }

    func getTicket(_ request: TicketReference, context: ServerContext) async throws -> TicketDetail {
        let number = try Self.number(request.ticket)
        guard let detail = try await store.detail(number, at: clock()) else { throw SupportError.notFound("No ticket \(TicketStore.display(number)).") }
        return detail
    }

    func listTickets(_ request: ListTicketsRequest, context: ServerContext) async throws -> ListTicketsResponse {
        ListTicketsResponse(tickets: try await store.list(request, at: clock()))
    }

    func addNote(_ request: TicketNoteRequest, context: ServerContext) async throws -> TicketDetail {
        let text = request.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= Self.maxText else { throw SupportError.invalidRequest("A note must be 1 to \(Self.maxText) characters.") }
        return try await store.addNote(try Self.number(request.ticket), author: try Self.author(request.author), text: text, at: clock())
    }

    func assign(_ request: AssignTicketRequest, context: ServerContext) async throws -> TicketDetail {
        let assignee = request.assignee.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !assignee.isEmpty, assignee.count <= 200 else { throw SupportError.invalidRequest("Say who takes the ticket (1 to 200 characters).") }
        return try await store.assign(try Self.number(request.ticket), to: assignee, author: try Self.author(request.author), at: clock())
    }

    func setStatus(_ request: TicketStatusRequest, context: ServerContext) async throws -> TicketDetail {
        try await store.setStatus(try Self.number(request.ticket), to: request.status, author: try Self.author(request.author), note: request.note, at: clock())
    }

    static func number(_ reference: String) throws -> Int {
        guard let number = TicketStore.number(reference) else { throw SupportError.invalidRequest("'\(reference)' is not a ticket number: use T-000042 or 42.") }
        return number
    }

    static func author(_ author: String) throws -> String {
        let trimmed = author.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200 else { throw SupportError.invalidRequest("Say who is writing (author, 1 to 200 characters).") }
        guard trimmed != "system" else { throw SupportError.invalidRequest("'system' is einvoice's own name; sign with yours.") }
        return trimmed
    }
}
