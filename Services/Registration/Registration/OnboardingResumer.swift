import Foundation
import Logging
import ServiceLifecycle

/// Carries on every onboarding that stopped past its OTP (a crash, a service or the platform
/// away), until shutdown.
struct OnboardingResumer: Service {
    let onboarder: Onboarder
    let logger: Logger
    let interval: Duration

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                for egsID in try await onboarder.store.resumable() {
                    do {
                        _ = try await onboarder.onboard(egsID, otp: nil)
                        logger.info("onboarding.resumed", metadata: ["egs.id": "\(egsID)"])
                    } catch let error as RegistrationError {
                        if case .unavailable = error { continue }
                        logger.debug("onboarding.resume.stopped", metadata: ["egs.id": "\(egsID)", "error": "\(error)"])
                    }
                }
            } catch {
                logger.debug("onboarding.resume.waiting", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
