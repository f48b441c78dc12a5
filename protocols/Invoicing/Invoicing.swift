public import EInvoiceRPC
public import GRPCCore

/// `einvoice.invoicing.v1.Invoicing`: invoices and notes with exact VAT, UBL 2.1 XML, ZATCA's
/// business rules and the invoice store. Served by `invoicing-service` on `invoicing.sock`.
///
/// Requests a rule refuses fail with `invalidArgument`; the message names the rules, and the
/// trailing metadata key ``findingsMetadataKey`` carries every finding as JSON.
public enum Invoicing: Sendable {
    public static let descriptor = ServiceDescriptor(package: "einvoice.invoicing.v1", service: "Invoicing")

    /// Metadata key of the JSON array of findings on an `invalidArgument` error.
    public static let findingsMetadataKey = "einvoice-findings"

    public enum Method: Sendable {
        /// Checks a request or any UBL document against ZATCA's rules; stores nothing.
        public static let validate = UnaryMethod<ValidateRequest, ValidateResponse>(service: descriptor, name: "Validate")
        /// Validates and stores a draft (no number yet).
        public static let createDraft = UnaryMethod<CreateDraftRequest, InvoiceRecord>(service: descriptor, name: "CreateDraft")
        /// Validates, numbers, stores, has the signing service stamp it, and stores the stamp.
        public static let issue = UnaryMethod<IssueRequest, IssueResponse>(service: descriptor, name: "Issue")
        /// Issues a credit or debit note against a stored invoice.
        public static let createNote = UnaryMethod<CreateNoteRequest, IssueResponse>(service: descriptor, name: "CreateNote")
        public static let get = UnaryMethod<GetInvoiceRequest, InvoiceDetail>(service: descriptor, name: "Get")
        public static let search = UnaryMethod<SearchRequest, SearchResponse>(service: descriptor, name: "Search")
        /// Records ZATCA's answer to a clearance or reporting submission.
        public static let recordOutcome = UnaryMethod<RecordOutcomeRequest, InvoiceRecord>(service: descriptor, name: "RecordOutcome")
        /// The clearance and reporting queue.
        public static let listSubmissions = UnaryMethod<SubmissionsRequest, SubmissionsResponse>(service: descriptor, name: "ListSubmissions")
        /// Sends a pending (or kept-local) document now, the same bytes; returns its submission after the attempt.
        public static let retrySubmission = UnaryMethod<SubmissionReference, SubmissionRecord>(service: descriptor, name: "RetrySubmission")
    }

    public protocol ServiceProtocol: RegistrableRPCService {
        func validate(_ request: ValidateRequest, context: ServerContext) async throws -> ValidateResponse
        func createDraft(_ request: CreateDraftRequest, context: ServerContext) async throws -> InvoiceRecord
        func issue(_ request: IssueRequest, context: ServerContext) async throws -> IssueResponse
        func createNote(_ request: CreateNoteRequest, context: ServerContext) async throws -> IssueResponse
        func get(_ request: GetInvoiceRequest, context: ServerContext) async throws -> InvoiceDetail
        func search(_ request: SearchRequest, context: ServerContext) async throws -> SearchResponse
        func recordOutcome(_ request: RecordOutcomeRequest, context: ServerContext) async throws -> InvoiceRecord
        func listSubmissions(_ request: SubmissionsRequest, context: ServerContext) async throws -> SubmissionsResponse
        func retrySubmission(_ request: SubmissionReference, context: ServerContext) async throws -> SubmissionRecord
    }

    public struct Client<Transport: ClientTransport>: Sendable {
        private let client: GRPCClient<Transport>

        public init(wrapping client: GRPCClient<Transport>) {
            self.client = client
        }

        public func validate(_ request: ValidateRequest, options: CallOptions = .defaults) async throws -> ValidateResponse {
            try await Method.validate.call(on: client, request, options: options)
        }

        public func createDraft(_ request: CreateDraftRequest, options: CallOptions = .defaults) async throws -> InvoiceRecord {
            try await Method.createDraft.call(on: client, request, options: options)
        }

        public func issue(_ request: IssueRequest, options: CallOptions = .defaults) async throws -> IssueResponse {
            try await Method.issue.call(on: client, request, options: options)
        }

        public func createNote(_ request: CreateNoteRequest, options: CallOptions = .defaults) async throws -> IssueResponse {
            try await Method.createNote.call(on: client, request, options: options)
        }

        public func get(_ request: GetInvoiceRequest, options: CallOptions = .defaults) async throws -> InvoiceDetail {
            try await Method.get.call(on: client, request, options: options)
        }

        public func search(_ request: SearchRequest, options: CallOptions = .defaults) async throws -> SearchResponse {
            try await Method.search.call(on: client, request, options: options)
        }

        public func recordOutcome(_ request: RecordOutcomeRequest, options: CallOptions = .defaults) async throws -> InvoiceRecord {
            try await Method.recordOutcome.call(on: client, request, options: options)
        }

        public func listSubmissions(_ request: SubmissionsRequest, options: CallOptions = .defaults) async throws -> SubmissionsResponse {
            try await Method.listSubmissions.call(on: client, request, options: options)
        }

        public func retrySubmission(_ request: SubmissionReference, options: CallOptions = .defaults) async throws -> SubmissionRecord {
            try await Method.retrySubmission.call(on: client, request, options: options)
        }
    }
}

extension Invoicing.ServiceProtocol {
    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        Invoicing.Method.validate.register(in: &router) { try await self.validate($0, context: $1) }
        Invoicing.Method.createDraft.register(in: &router) { try await self.createDraft($0, context: $1) }
        Invoicing.Method.issue.register(in: &router) { try await self.issue($0, context: $1) }
        Invoicing.Method.createNote.register(in: &router) { try await self.createNote($0, context: $1) }
        Invoicing.Method.get.register(in: &router) { try await self.get($0, context: $1) }
        Invoicing.Method.search.register(in: &router) { try await self.search($0, context: $1) }
        Invoicing.Method.recordOutcome.register(in: &router) { try await self.recordOutcome($0, context: $1) }
        Invoicing.Method.listSubmissions.register(in: &router) { try await self.listSubmissions($0, context: $1) }
        Invoicing.Method.retrySubmission.register(in: &router) { try await self.retrySubmission($0, context: $1) }
    }
}
