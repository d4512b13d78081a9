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
        let pipe = Pipe()
        let process = try start(arguments, output: pipe, file: file, line: line)
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Starts the example with `arguments` (output to `output`, discarded when nil) and returns at once.
    func start(_ arguments: [String], output: Pipe? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> Process {
        let executable = Self.buildDirectory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            XCTFail("\(executable.path) is not built: run `swift build -c release` first", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GENREKIT_THREADS"] = "2"
        process.environment = environment
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
        try process.run()
        return process
    }
}
