/// The ZATCA (Fatoora) environment an EGS unit is onboarded to.
///
/// Each environment expects its own certificate template name in the CSR.
public enum ZATCAEnvironment: String, Sendable, Codable, CaseIterable {
    /// The developer portal sandbox.
    case sandbox
    /// The simulation (pre-production) environment.
    case simulation
    /// Production.
    case production

    /// The certificate template name (extension 1.3.6.1.4.1.311.20.2) ZATCA expects in the CSR.
    public var certificateTemplateName: String {
        switch self {
        case .sandbox: return "TSTZATCA-Code-Signing"
        case .simulation: return "PREZATCA-Code-Signing"
        case .production: return "ZATCA-Code-Signing"
        }
    }
}
