import Foundation
import Logging
import ZATCACrypto
public import ServiceRuntime

/// A local stand-in for ZATCA's Fatoora platform, for development and tests: the platform's
/// paths, headers, JSON shapes and status codes over HTTP on loopback; CSIDs signed by its own
/// test CA; every submission really checked; faults injected on request.
///
/// HTTP on `127.0.0.1:$EINVOICE_FATOORA_SIM_PORT` (default 8390; 0 picks a free port), the port
/// written to `<runtime>/fatoora-sim.port`; base URL `http://127.0.0.1:PORT/e-invoicing/simulation/`.
/// State in `<data>/fatoora-sim/`. Its health RPC is on `fatoora-sim.sock`.
public enum FatooraSimulator {
    public static let defaultPort = 8390

    public static func parts(_ context: ServiceContext) async throws -> ServiceParts {
        try await parts(context, environment: ProcessInfo.processInfo.environment)
    }

    public static func parts(_ context: ServiceContext, environment: [String: String]) async throws -> ServiceParts {
        let directory = (context.paths.dataDirectory as NSString).appendingPathComponent("fatoora-sim")
        let state = try SimulatorState(directory: directory)
        let port = try environment["EINVOICE_FATOORA_SIM_PORT"].map { text in
            guard let port = Int(text), (0...65_535).contains(port) else { throw SimulatorConfigError(description: "EINVOICE_FATOORA_SIM_PORT=\(text) is not a port number.") }
            return port
        } ?? defaultPort
        let portFile = (context.paths.runtimeDirectory as NSString).appendingPathComponent("fatoora-sim.port")
        let schema = schemaPath(environment)
        if let schema {
            context.logger.info("fatoora-sim.xsd", metadata: ["schema": "\(schema)"])
        } else {
            context.logger.notice("fatoora-sim.xsd.none", metadata: ["hint": "set EINVOICE_ZATCA_XSD to UBL-Invoice-2.1.xsd to check submissions against the schema"])
        }
        let server = SimulatorHTTPServer(api: FatooraAPI(state: state, schemaPath: schema), faults: FaultPlan(), host: "127.0.0.1", port: port, portFile: portFile, logger: context.logger)
        context.health.update(details: ["ca": state.caCertificate.subject, "port_file": portFile])
        return ServiceParts(rpcServices: [], background: [server])
    }
}

extension FatooraSimulator {
    /// `$EINVOICE_ZATCA_XSD`, or the SDK's schema beside the project, if there.
    static func schemaPath(_ environment: [String: String]) -> String? {
        let relative = "vectors/zatca-sdk/xsd/maindoc/UBL-Invoice-2.1.xsd"
        let candidates = [environment["EINVOICE_ZATCA_XSD"], "../shared/\(relative)", "/work/shared/\(relative)"].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }
}

struct SimulatorConfigError: Error, CustomStringConvertible {
    var description: String
}
