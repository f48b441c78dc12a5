public import EInvoiceRPC
public import GRPCCore

/// `einvoice.support.v1.Support`: the support desk — plain-language diagnosis of any invoice or
/// XML file, tickets with business-hours SLA clocks. Served by `support-service` on `support.sock`.
public enum Support: Sendable {
    public static let descriptor = ServiceDescriptor(package: "einvoice.support.v1", service: "Support")

    public enum Method: Sendable {
        /// Explains an invoice (by number or id) or an XML document: every finding with its field, likely cause and fix.
        public static let diagnose = UnaryMethod<DiagnoseRequest, Diagnosis>(service: descriptor, name: "Diagnose")
        public static let openTicket = UnaryMethod<OpenTicketRequest, TicketDetail>(service: descriptor, name: "OpenTicket")
        /// Opens (once) the ticket for a problem another service saw: a rejection, a reporting deadline.
        public static let reportProblem = UnaryMethod<ReportProblemRequest, TicketDetail>(service: descriptor, name: "ReportProblem")
        public static let getTicket = UnaryMethod<TicketReference, TicketDetail>(service: descriptor, name: "GetTicket")
        public static let listTickets = UnaryMethod<ListTicketsRequest, ListTicketsResponse>(service: descriptor, name: "ListTickets")
        public static let addNote = UnaryMethod<TicketNoteRequest, TicketDetail>(service: descriptor, name: "AddNote")
        public static let assign = UnaryMethod<AssignTicketRequest, TicketDetail>(service: descriptor, name: "Assign")
        public static let setStatus = UnaryMethod<TicketStatusRequest, TicketDetail>(service: descriptor, name: "SetStatus")
    }

    public protocol ServiceProtocol: RegistrableRPCService {
        func diagnose(_ request: DiagnoseRequest, context: ServerContext) async throws -> Diagnosis
        func openTicket(_ request: OpenTicketRequest, context: ServerContext) async throws -> TicketDetail
        func reportProblem(_ request: ReportProblemRequest, context: ServerContext) async throws -> TicketDetail
        func getTicket(_ request: TicketReference, context: ServerContext) async throws -> TicketDetail
        func listTickets(_ request: ListTicketsRequest, context: ServerContext) async throws -> ListTicketsResponse
        func addNote(_ request: TicketNoteRequest, context: ServerContext) async throws -> TicketDetail
        func assign(_ request: AssignTicketRequest, context: ServerContext) async throws -> TicketDetail
        func setStatus(_ request: TicketStatusRequest, context: ServerContext) async throws -> TicketDetail
    }

    public struct Client<Transport: ClientTransport>: Sendable {
        private let client: GRPCClient<Transport>

        public init(wrapping client: GRPCClient<Transport>) {
            self.client = client
        }

        public func diagnose(_ request: DiagnoseRequest, options: CallOptions = .defaults) async throws -> Diagnosis {
            try await Method.diagnose.call(on: client, request, options: options)
        }

        public func openTicket(_ request: OpenTicketRequest, options: CallOptions = .defaults) async throws -> TicketDetail {
            try await Method.openTicket.call(on: client, request, options: options)
        }

        public func reportProblem(_ request: ReportProblemRequest, options: CallOptions = .defaults) async throws -> TicketDetail {
            try await Method.reportProblem.call(on: client, request, options: options)
        }

        public func getTicket(_ request: TicketReference, options: CallOptions = .defaults) async throws -> TicketDetail {
            try await Method.getTicket.call(on: client, request, options: options)
        }

        public func listTickets(_ request: ListTicketsRequest, options: CallOptions = .defaults) async throws -> ListTicketsResponse {
            try await Method.listTickets.call(on: client, request, options: options)
        }

        public func addNote(_ request: TicketNoteRequest, options: CallOptions = .defaults) async throws -> TicketDetail {
            try await Method.addNote.call(on: client, request, options: options)
        }

        public func assign(_ request: AssignTicketRequest, options: CallOptions = .defaults) async throws -> TicketDetail {
            try await Method.assign.call(on: client, request, options: options)
        }

        public func setStatus(_ request: TicketStatusRequest, options: CallOptions = .defaults) async throws -> TicketDetail {
            try await Method.setStatus.call(on: client, request, options: options)
        }
    }
}

extension Support.ServiceProtocol {
    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        Support.Method.diagnose.register(in: &router) { try await self.diagnose($0, context: $1) }
        Support.Method.openTicket.register(in: &router) { try await self.openTicket($0, context: $1) }
        Support.Method.reportProblem.register(in: &router) { try await self.reportProblem($0, context: $1) }
        Support.Method.getTicket.register(in: &router) { try await self.getTicket($0, context: $1) }
        Support.Method.listTickets.register(in: &router) { try await self.listTickets($0, context: $1) }
        Support.Method.addNote.register(in: &router) { try await self.addNote($0, context: $1) }
        Support.Method.assign.register(in: &router) { try await self.assign($0, context: $1) }
        Support.Method.setStatus.register(in: &router) { try await self.setStatus($0, context: $1) }
    }
}
