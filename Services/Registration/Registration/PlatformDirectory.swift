import Foundation
import RegistrationContract

/// Where each ZATCA environment is. The embedded default is the local `fatoora-sim` (its port
/// is in `<runtime>/fatoora-sim.port`); a real environment is one line away:
/// `EINVOICE_FATOORA_URL=https://gw-fatoora.zatca.gov.sa/e-invoicing/simulation/` (every
/// environment), `EINVOICE_FATOORA_URL_SIMULATION=…` (one), or in
/// `<data>/registration/config.json`: `{"fatoora": {"simulation": "https://…"}}`.
struct PlatformDirectory: Sendable {
    let runtimeDirectory: String
    let overrides: [PlatformEnvironment: String]

    /// ZATCA's own base URLs, for reference and for `--json` output.
    static let zatca: [PlatformEnvironment: String] = [
        .sandbox: "https://gw-fatoora.zatca.gov.sa/e-invoicing/developer-portal/",
        .simulation: "https://gw-fatoora.zatca.gov.sa/e-invoicing/simulation/",
        .production: "https://gw-fatoora.zatca.gov.sa/e-invoicing/core/",
    ]

    static func load(runtimeDirectory: String, dataDirectory: String, environment: [String: String]) throws -> PlatformDirectory {
        var overrides: [PlatformEnvironment: String] = [:]
        let file = (dataDirectory as NSString).appendingPathComponent("registration/config.json")
        if let data = FileManager.default.contents(atPath: file) {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw RegistrationError.invalidRequest("\(file) is not a JSON object")
            }
            for (name, value) in object["fatoora"] as? [String: String] ?? [:] {
                guard let environment = PlatformEnvironment(rawValue: name) else {
                    throw RegistrationError.invalidRequest("\(file): unknown environment '\(name)' (sandbox, simulation, production)")
                }
                overrides[environment] = value
            }
        }
        if let all = environment["EINVOICE_FATOORA_URL"], !all.isEmpty {
            for item in PlatformEnvironment.allCases { overrides[item] = all }
        }
        for item in PlatformEnvironment.allCases {
            if let one = environment["EINVOICE_FATOORA_URL_\(item.rawValue.uppercased())"], !one.isEmpty { overrides[item] = one }
        }
        for (item, url) in overrides where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw RegistrationError.invalidRequest("The Fatoora URL for \(item.rawValue) must start with http:// or https://; got '\(url)'")
        }
        return PlatformDirectory(runtimeDirectory: runtimeDirectory, overrides: overrides)
    }

    /// The base URL (ending in `/`) of an environment.
    func baseURL(_ environment: PlatformEnvironment) throws -> String {
        if let url = overrides[environment] { return url.hasSuffix("/") ? url : url + "/" }
        let portFile = (runtimeDirectory as NSString).appendingPathComponent("fatoora-sim.port")
        guard let text = try? String(contentsOfFile: portFile, encoding: .utf8), let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw RegistrationError.unavailable(
                "No Fatoora platform is configured for \(environment.rawValue) and fatoora-sim is not running (no \(portFile)). Start fatoora-sim, or set EINVOICE_FATOORA_URL."
            )
        }
        let path = ["sandbox": "developer-portal", "simulation": "simulation", "production": "core"][environment.rawValue] ?? "core"
        return "http://127.0.0.1:\(port)/e-invoicing/\(path)/"
    }
}
