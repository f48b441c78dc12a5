import EInvoiceRPC
import Foundation
import GRPCCore
import Synchronization

struct StreamResult: Codable, Sendable {
    var messages: Int
    var seconds: Double
    var messagesPerSecond: Double
    var clientCPUSeconds: Double
    var serverCPUSeconds: Double?

    enum CodingKeys: String, CodingKey {
        case messages, seconds
        case messagesPerSecond = "messages_per_second"
        case clientCPUSeconds = "client_cpu_s"
        case serverCPUSeconds = "server_cpu_s"
    }
}

/// One stream, one way: the client sends as fast as the transport's backpressure lets it for
/// `seconds`; the server counts and answers with the count when the client ends.
enum OneWayStreamBench {
    static func run<Transport: ClientTransport>(client: GRPCClient<Transport>, seconds: Double) async throws -> StreamResult {
        let cpuBefore = CPUTime.current()
        let started = ContinuousClock.now
        let end = started + .milliseconds(Int64(seconds * 1_000))
        let count = try await EchoBenchService.sink.call(on: client) { writer in
            let message = EchoMessage(text: benchText)
            while ContinuousClock.now < end {
                for _ in 0..<64 { try await writer.write(message) }
            }
        } consume: { responses in
            var count = 0
            for try await response in responses { count = Int(response.text) ?? 0 }
            return count
        }
        let elapsed = ContinuousClock.now - started
        let secondsTaken = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return StreamResult(
            messages: count, seconds: secondsTaken, messagesPerSecond: Double(count) / secondsTaken,
            clientCPUSeconds: CPUTime.current() - cpuBefore, serverCPUSeconds: nil
        )
    }
}

/// One bidirectional stream: the client sends as fast as a window of 1,024 unanswered messages
/// allows; the server echoes each; messages/s counts the echoes the client receives.
enum StreamBench {
    static func run<Transport: ClientTransport>(client: GRPCClient<Transport>, seconds: Double, warmup: Double, serverPID: Int32?) async throws -> StreamResult {
        let window = 1_024
        let credits = AsyncStream<Int>.makeStream(bufferingPolicy: .unbounded)
        let stop = Atomic<Bool>(false)
        let received = Atomic<Int>(0)
        let startCounting = ContinuousClock.now + .milliseconds(Int64(warmup * 1_000))
        let end = startCounting + .milliseconds(Int64(seconds * 1_000))
        let counted = Atomic<Int>(0)
        let cpuBefore = Mutex<(Double, Double?)?>(nil)

        try await EchoBenchService.stream.call(on: client) { writer in
            var available = window
            var iterator = credits.stream.makeAsyncIterator()
            let message = EchoMessage(text: benchText)
            while !stop.load(ordering: .relaxed) {
                if available == 0 {
                    guard let more = await iterator.next() else { break }
                    available += more
                    continue
                }
                try await writer.write(message)
                available -= 1
            }
        } consume: { responses in
            var sinceCredit = 0
            for try await _ in responses {
                let now = ContinuousClock.now
                let total = received.wrappingAdd(1, ordering: .relaxed).newValue
                if now >= startCounting {
                    if counted.load(ordering: .relaxed) == 0 {
                        cpuBefore.withLock { $0 = (CPUTime.current(), serverPID.flatMap(CPUTime.of(pid:))) }
                    }
                    counted.wrappingAdd(1, ordering: .relaxed)
                }
                if now >= end {
                    stop.store(true, ordering: .relaxed)
                    credits.continuation.finish()
                    break
                }
                sinceCredit += 1
                if sinceCredit == 64 {
                    credits.continuation.yield(64)
                    sinceCredit = 0
                }
                _ = total
            }
        }
        let (clientBefore, serverBefore) = cpuBefore.withLock { $0 } ?? (CPUTime.current(), nil)
        let messages = counted.load(ordering: .relaxed)
        return StreamResult(
            messages: messages,
            seconds: seconds,
            messagesPerSecond: Double(messages) / seconds,
            clientCPUSeconds: CPUTime.current() - clientBefore,
            serverCPUSeconds: serverBefore.flatMap { before in serverPID.flatMap(CPUTime.of(pid:)).map { $0 - before } }
        )
    }
}
