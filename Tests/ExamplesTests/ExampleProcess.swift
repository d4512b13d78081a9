import Foundation
import XCTest

/// Runs a built example executable (`.build/<configuration>/<name>`, next to the test bundle) and captures
/// its output.
struct ExampleProcess {
    let name: String

    /// The folder holding the test bundle and the executables of the same build.
    static var buildDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// Runs the example with `arguments`; fails the test (with the output) unless it exits with 0.
    @discardableResult
    func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let (status, output) = try outcome(arguments, file: file, line: line)
        XCTAssertEqual(status, 0, "\(name) \(arguments.joined(separator: " ")) failed:\n\(output)", file: file, line: line)
        return output
    }

    /// The exit status and the combined standard output and error of the example run with `arguments`.
    func outcome(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> (Int32, String) {
        let executable = Self.buildDirectory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            XCTFail("\(executable.path) is not built: run `swift build -c release` first", file: file, line: line)
            return (-1, "")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GENREKIT_THREADS"] = "2"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
