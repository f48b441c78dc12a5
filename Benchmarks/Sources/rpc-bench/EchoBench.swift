import EInvoiceRPC
import Foundation
import GRPCCore

/// The message echoed by the RPC benchmarks: about 40 bytes of text, as in the prototype.
struct EchoMessage: Codable, Sendable {
    var text: String
}

/// The echo service measured over each transport.
struct EchoBenchService: RegistrableRPCService {
    static let descriptor = ServiceDescriptor(package: "einvoice.bench", service: "Echo")
    static let unary = UnaryMethod<EchoMessage, EchoMessage>(service: descriptor, name: "Get")
    static let stream = BidirectionalStreamingMethod<EchoMessage, EchoMessage>(service: descriptor, name: "Stream")
    /// Counts what the client streams and answers once, with the count, when the client ends.
    static let sink = BidirectionalStreamingMethod<EchoMessage, EchoMessage>(service: descriptor, name: "Sink")

    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        Self.unary.register(in: &router) { request, _ in request }
        Self.stream.register(in: &router) { requests, writer, _ in
            for try await request in requests {
                try await writer.write(request)
            }
        }
        Self.sink.register(in: &router) { requests, writer, _ in
            var count = 0
            for try await _ in requests { count += 1 }
            try await writer.write(EchoMessage(text: String(count)))
        }
    }
}

let benchText = "ZATCA e-invoice benchmark message #000042"
