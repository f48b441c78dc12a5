public import EInvoiceRPC
public import GRPCCore

/// `einvoice.registration.v1.Registration`: taxpayers, their EGS units and buyers, and each
/// unit's onboarding with ZATCA (CSR → compliance CSID → compliance checks → production CSID).
/// Served by `registration-service` on `registration.sock`.
public enum Registration: Sendable {
    public static let descriptor = ServiceDescriptor(package: "einvoice.registration.v1", service: "Registration")

    public enum Method: Sendable {
        public static let addTaxpayer = UnaryMethod<Taxpayer, Taxpayer>(service: descriptor, name: "AddTaxpayer")
        public static let getTaxpayer = UnaryMethod<TaxpayerReference, Taxpayer>(service: descriptor, name: "GetTaxpayer")
        public static let listTaxpayers = UnaryMethod<ListRequest, TaxpayerList>(service: descriptor, name: "ListTaxpayers")
        public static let addUnit = UnaryMethod<AddUnitRequest, EGSUnit>(service: descriptor, name: "AddUnit")
        public static let getUnit = UnaryMethod<UnitReference, EGSUnit>(service: descriptor, name: "GetUnit")
        public static let listUnits = UnaryMethod<ListRequest, UnitList>(service: descriptor, name: "ListUnits")
        /// Runs (or resumes) a unit's onboarding to a production CSID installed in signing.
        public static let onboard = UnaryMethod<OnboardRequest, EGSUnit>(service: descriptor, name: "Onboard")
        /// A new production CSID for a new CSR, with an OTP and the current CSID.
        public static let renew = UnaryMethod<OnboardRequest, EGSUnit>(service: descriptor, name: "Renew")
        public static let addBuyer = UnaryMethod<Buyer, Buyer>(service: descriptor, name: "AddBuyer")
        public static let getBuyer = UnaryMethod<BuyerReference, Buyer>(service: descriptor, name: "GetBuyer")
        public static let listBuyers = UnaryMethod<ListRequest, BuyerList>(service: descriptor, name: "ListBuyers")
        /// For invoicing's submission queue: where and with what a unit submits its documents.
        public static let platformAccess = UnaryMethod<UnitReference, PlatformAccess>(service: descriptor, name: "PlatformAccess")
    }

    public protocol ServiceProtocol: RegistrableRPCService {
        func addTaxpayer(_ request: Taxpayer, context: ServerContext) async throws -> Taxpayer
        func getTaxpayer(_ request: TaxpayerReference, context: ServerContext) async throws -> Taxpayer
        func listTaxpayers(_ request: ListRequest, context: ServerContext) async throws -> TaxpayerList
        func addUnit(_ request: AddUnitRequest, context: ServerContext) async throws -> EGSUnit
        func getUnit(_ request: UnitReference, context: ServerContext) async throws -> EGSUnit
        func listUnits(_ request: ListRequest, context: ServerContext) async throws -> UnitList
        func onboard(_ request: OnboardRequest, context: ServerContext) async throws -> EGSUnit
        func renew(_ request: OnboardRequest, context: ServerContext) async throws -> EGSUnit
        func addBuyer(_ request: Buyer, context: ServerContext) async throws -> Buyer
        func getBuyer(_ request: BuyerReference, context: ServerContext) async throws -> Buyer
        func listBuyers(_ request: ListRequest, context: ServerContext) async throws -> BuyerList
        func platformAccess(_ request: UnitReference, context: ServerContext) async throws -> PlatformAccess
    }

    public struct Client<Transport: ClientTransport>: Sendable {
        private let client: GRPCClient<Transport>

        public init(wrapping client: GRPCClient<Transport>) {
            self.client = client
        }

        public func addTaxpayer(_ request: Taxpayer, options: CallOptions = .defaults) async throws -> Taxpayer {
            try await Method.addTaxpayer.call(on: client, request, options: options)
        }

        public func getTaxpayer(_ vatNumber: String, options: CallOptions = .defaults) async throws -> Taxpayer {
            try await Method.getTaxpayer.call(on: client, TaxpayerReference(vatNumber: vatNumber), options: options)
        }

        public func listTaxpayers(_ request: ListRequest = ListRequest(), options: CallOptions = .defaults) async throws -> TaxpayerList {
            try await Method.listTaxpayers.call(on: client, request, options: options)
        }

        public func addUnit(_ request: AddUnitRequest, options: CallOptions = .defaults) async throws -> EGSUnit {
            try await Method.addUnit.call(on: client, request, options: options)
        }

        public func getUnit(_ egsID: String, options: CallOptions = .defaults) async throws -> EGSUnit {
            try await Method.getUnit.call(on: client, UnitReference(egsID: egsID), options: options)
        }

        public func listUnits(_ request: ListRequest = ListRequest(), options: CallOptions = .defaults) async throws -> UnitList {
            try await Method.listUnits.call(on: client, request, options: options)
        }

        public func onboard(_ request: OnboardRequest, options: CallOptions = .defaults) async throws -> EGSUnit {
            try await Method.onboard.call(on: client, request, options: options)
        }

        public func renew(_ request: OnboardRequest, options: CallOptions = .defaults) async throws -> EGSUnit {
            try await Method.renew.call(on: client, request, options: options)
        }

        public func addBuyer(_ request: Buyer, options: CallOptions = .defaults) async throws -> Buyer {
            try await Method.addBuyer.call(on: client, request, options: options)
        }

        public func getBuyer(_ reference: String, options: CallOptions = .defaults) async throws -> Buyer {
            try await Method.getBuyer.call(on: client, BuyerReference(reference: reference), options: options)
        }

        public func listBuyers(_ request: ListRequest = ListRequest(), options: CallOptions = .defaults) async throws -> BuyerList {
            try await Method.listBuyers.call(on: client, request, options: options)
        }

        public func platformAccess(_ egsID: String, options: CallOptions = .defaults) async throws -> PlatformAccess {
            try await Method.platformAccess.call(on: client, UnitReference(egsID: egsID), options: options)
        }
    }
}

extension Registration.ServiceProtocol {
    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        Registration.Method.addTaxpayer.register(in: &router) { try await self.addTaxpayer($0, context: $1) }
        Registration.Method.getTaxpayer.register(in: &router) { try await self.getTaxpayer($0, context: $1) }
        Registration.Method.listTaxpayers.register(in: &router) { try await self.listTaxpayers($0, context: $1) }
        Registration.Method.addUnit.register(in: &router) { try await self.addUnit($0, context: $1) }
        Registration.Method.getUnit.register(in: &router) { try await self.getUnit($0, context: $1) }
        Registration.Method.listUnits.register(in: &router) { try await self.listUnits($0, context: $1) }
        Registration.Method.onboard.register(in: &router) { try await self.onboard($0, context: $1) }
        Registration.Method.renew.register(in: &router) { try await self.renew($0, context: $1) }
        Registration.Method.addBuyer.register(in: &router) { try await self.addBuyer($0, context: $1) }
        Registration.Method.getBuyer.register(in: &router) { try await self.getBuyer($0, context: $1) }
        Registration.Method.listBuyers.register(in: &router) { try await self.listBuyers($0, context: $1) }
        Registration.Method.platformAccess.register(in: &router) { try await self.platformAccess($0, context: $1) }
    }
}
