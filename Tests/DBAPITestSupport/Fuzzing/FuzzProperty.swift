import DBAPICore
import Foundation

/// The `swift test` side of a fuzz target: its seed corpus (`Fuzz/corpus/<target>/`) and a few
/// thousand deterministic mutations of it, each run through the target's body, which must return
/// or throw a `ReportableError` and finish quickly. A crash stops the test run, as it should.
public struct FuzzProperty {
    /// One input that broke the property: why, and the input (as text and base64, to replay it
    /// with `scripts/fuzz.sh TARGET --replay`).
    public struct Failure: CustomStringConvertible {
        public let problem: String
        public let input: [UInt8]

        public var description: String {
            "\(problem) for input \(String(reflecting: String(decoding: input.prefix(300), as: UTF8.self))) "
                + "(base64 \(Data(input).base64EncodedString()))"
        }
    }

    public let target: String
    public let seeds: [[UInt8]]
    public let dictionary: [String]

    /// Loads the seeds of `target` and, when there is one, its dictionary (`Fuzz/<target>/dictionary.txt`).
    public init(target: String) {
        self.target = target
        let fuzz = Self.repositoryRoot.appendingPathComponent("Fuzz")
        let corpus = fuzz.appendingPathComponent("corpus/\(target)")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
        seeds = names.compactMap { name in
            (try? Data(contentsOf: corpus.appendingPathComponent(name))).map { [UInt8]($0) }
        }
        let dictionaryText = (try? String(contentsOf: fuzz.appendingPathComponent("\(target)/dictionary.txt"), encoding: .utf8)) ?? ""
        dictionary = dictionaryText.split(separator: "\n").compactMap(Self.dictionaryEntry)
    }

    /// The seeds, then `count` mutations of them, generated from `seed`.
    public func inputs(count: Int, seed: UInt64 = 0x5EED) -> [[UInt8]] {
        var mutator = FuzzMutator(seed: seed, dictionary: dictionary)
        var inputs = seeds
        for _ in 0..<count {
            let base = seeds.isEmpty ? [] : seeds[mutator.below(seeds.count)]
            inputs.append(mutator.mutate(base, corpus: seeds))
        }
        return inputs
    }

    /// What running a body over many inputs gave.
    public struct Outcome {
        /// Inputs whose error was not reportable, or that took too long.
        public var failures: [Failure] = []
        /// Inputs the body returned for.
        public var returned = 0
        /// Inputs the body threw a `ReportableError` for.
        public var rejected = 0
    }

    /// Runs `body` on every input. An input that runs past `timeLimit` is reported as a hang: the
    /// limit is a hang detector, not a speed check, so it is far above any input's time in a debug
    /// build on a loaded machine (the slowest seeds take well under a second).
    public static func run(_ inputs: [[UInt8]], timeLimit: Duration = .seconds(15), _ body: ([UInt8]) throws -> Void) -> Outcome {
        var outcome = Outcome()
        let clock = ContinuousClock()
        for input in inputs {
            let started = clock.now
            do {
                try body(input)
                outcome.returned += 1
            } catch let error as any ReportableError {
                _ = error.description
                outcome.rejected += 1
            } catch {
                outcome.failures.append(Failure(problem: "unreportable error \(type(of: error)): \(error)", input: input))
            }
            let elapsed = clock.now - started
            if elapsed > timeLimit { outcome.failures.append(Failure(problem: "took \(elapsed)", input: input)) }
        }
        return outcome
    }

    /// A libFuzzer dictionary line: `name="text"` or `"text"`, with `\\`, `\"` and `\xHH` escapes.
    static func dictionaryEntry(_ line: Substring) -> String? {
        guard !line.hasPrefix("#"), let open = line.firstIndex(of: "\""), line.last == "\"", open < line.index(before: line.endIndex)
        else { return nil }
        var bytes: [UInt8] = []
        var scalars = Array(line[line.index(after: open)..<line.index(before: line.endIndex)].utf8)[...]
        while let byte = scalars.popFirst() {
            guard byte == UInt8(ascii: "\\"), let next = scalars.popFirst() else {
                bytes.append(byte)
                continue
            }
            if next == UInt8(ascii: "x"), scalars.count >= 2,
                let value = UInt8(String(decoding: scalars.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                scalars = scalars.dropFirst(2)
            } else {
                bytes.append(next)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}
