import AudioIO
import Foundation
import TestSupport
import XCTest

/// Out-of-range arguments are validation errors naming the option (exit 1 or 64), never a crash; threads are
/// capped at the core count.
final class ArgumentValidationTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws { directory = try Fixtures.temporaryDirectory("argument-validation") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// Runs `example` and checks that it failed with an ordinary exit (no signal) and printed `expected`.
    private func assertRejected(_ example: String, _ arguments: [String], mentions expected: String,
                                file: StaticString = #filePath, line: UInt = #line) throws {
        let sandbox = ["--out", directory.appendingPathComponent("out").path, "--cache", directory.path, "--no-progress"]
        let (status, output) = try ExampleProcess(name: example).outcome(["train"] + arguments + sandbox)
        let call = "\(example) \(arguments.joined(separator: " "))"
        XCTAssertTrue([1, 64].contains(status), "\(call) exited with \(status):\n\(output)", file: file, line: line)
        XCTAssertTrue(output.contains(expected), "\(call):\n\(output)", file: file, line: line)
    }

    func testSyntheticSecondsMustBeAFiniteTrackLength() throws {
        for value in ["inf", "1e300", "nan", "2"] {
            try assertRejected("mfcc-cnn", ["--synthetic-seconds", value], mentions: "--synthetic-seconds")
            let (status, output) = try ExampleProcess(name: "gtzan-explore").outcome(
                ["--synthetic-seconds", value, "--cache", directory.path, "--out", directory.appendingPathComponent("x").path])
            XCTAssertEqual(status, 1, output)
            XCTAssertTrue(output.contains("--synthetic-seconds: "), output)
        }
    }

    func testNegativeNumbersAreOutOfRangeNotMissing() throws {
        for option in ["--epochs", "--batch-size", "--lr", "--threads", "--synthetic-tracks", "--max-batches"] {
            try assertRejected("mfcc-cnn", [option, "-5"], mentions: "\(option): -5")
        }
    }

    func testModelOptionsThatWouldTrapAreRejected() throws {
        try assertRejected("kernel-sweep", ["--kernels", "4"], mentions: "--kernels: 4 is even")
        try assertRejected("kernel-sweep", ["--kernels", "3,-5"], mentions: "--kernels: -5")
        try assertRejected("segment-cnn", ["--dropout", "1"], mentions: "--dropout")
        try assertRejected("segment-cnn", ["--dropout", "-0.5"], mentions: "--dropout")
        try assertRejected("segment-cnn", ["--l2", "-1"], mentions: "--l2")
        try assertRejected("se-cnn", ["--reduction", "0"], mentions: "--reduction: 0")
    }

    func testThreadsAreCappedAtTheCoreCountWithAWarning() throws {
        let (status, output) = try ExampleProcess(name: "mfcc-cnn").outcome(
            ["classify", "missing.wav", "--checkpoint", directory.appendingPathComponent("none.safetensors").path,
             "--threads", "100000"])
        XCTAssertEqual(status, 1, output)
        XCTAssertTrue(output.contains("100000 threads (--threads or GENREKIT_THREADS) capped at the "
                                      + "\(ProcessInfo.processInfo.activeProcessorCount) cores"), output)
        XCTAssertTrue(output.contains("no such checkpoint"), output)
    }

    func testGenreKitClassifyCapsThreadsToo() throws {
        let (status, output) = try ExampleProcess(name: "genrekit-classify").outcome(
            [directory.appendingPathComponent("missing.wav").path, "--threads", "100000"])
        XCTAssertEqual(status, 1, output)
        XCTAssertTrue(output.contains("100000 threads (--threads or GENREKIT_THREADS) capped at the "
                                      + "\(ProcessInfo.processInfo.activeProcessorCount) cores"), output)
        let (zeroStatus, zeroOutput) = try ExampleProcess(name: "genrekit-classify").outcome(["x.wav", "--threads", "0"])
        XCTAssertEqual(zeroStatus, 64, zeroOutput)
    }

    func testGTZANFeaturesSegmentsFromThreeSamplesToADay() throws {
        let track = directory.appendingPathComponent("blues.00000.wav")
        try AudioFile.write(track, samples: (0..<2205).map { Float(sin(Double($0) / 9)) / 2 }, sampleRate: 22050)
        let out = directory.appendingPathComponent("features.csv")
        for segment in ["1e300", "0.0000454", "0", "-3", "inf", "100000"] {
            let (status, output) = try ExampleProcess(name: "gtzan-features").outcome([track.path, "--out", out.path, "--segment", segment])
            XCTAssertEqual(status, 64, "--segment \(segment):\n\(output)")
            XCTAssertTrue(output.contains("--segment \(segment)") || output.contains("--segment"), output)
        }
        // 0.01 s rows are 219 samples, shorter than one FFT frame: finite features, no crash.
        let output = try ExampleProcess(name: "gtzan-features").run([track.path, "--out", out.path, "--segment", "0.01"])
        XCTAssertTrue(output.contains("wrote 10 rows"), output)
        let rows = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.count, 10)
        for row in rows {
            let values = row.split(separator: ",").dropFirst(2).dropLast().map { Double($0) }
            XCTAssertEqual(values.count, 57)
            XCTAssertTrue(values.allSatisfy { $0?.isFinite == true }, String(row))
        }
    }
}
