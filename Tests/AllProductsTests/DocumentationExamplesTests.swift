import Foundation
import XCTest

/// Every Swift example in the README and in doc comments is compiled: its lines stand, in order, in a file under
/// `Snippets/`, which `swift build` and `swift test` compile (so a broken example fails the build), and the
/// snippets that need no data run.
final class DocumentationExamplesTests: XCTestCase {
    /// The package root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A code example and where it stands.
    struct Example {
        let place: String
        let lines: [String]
    }

    /// The significant lines of `text`: trimmed, blank lines dropped.
    static func normalized(_ lines: [Substring]) -> [String] {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The README's ```swift blocks (the manifest fragment, `swift title="Package.swift"`, is not Swift source).
    static func readmeExamples() throws -> [Example] {
        let lines = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        return blocks(lines, place: "README.md", opens: { $0 == "```swift" }, content: { $0 }, closes: { $0.hasPrefix("```") })
    }

    /// The ```swift blocks of every `///` doc comment under `Sources/`.
    static func docCommentExamples() throws -> [Example] {
        let sources = root.appendingPathComponent("Sources")
        let files = (FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
            .filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
        return try files.flatMap { file -> [Example] in
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                .map { Substring($0.trimmingCharacters(in: .whitespaces)) }
            let place = String(file.path.dropFirst(root.path.count + 1))
            return blocks(lines, place: place, opens: { $0 == "/// ```swift" },
                          content: { $0.hasPrefix("///") ? $0.dropFirst(3) : $0 }, closes: { $0.hasPrefix("/// ```") })
        }
    }

    static func blocks(_ lines: [Substring], place: String, opens: (Substring) -> Bool,
                       content: (Substring) -> Substring, closes: (Substring) -> Bool) -> [Example] {
        var examples: [Example] = [], current: [Substring]?, start = 0
        for (index, line) in lines.enumerated() {
            if current == nil, opens(line) {
                (current, start) = ([], index + 1)
            } else if let block = current {
                if closes(line) {
                    examples.append(Example(place: "\(place):\(start)", lines: normalized(block)))
                    current = nil
                } else {
                    current = block + [content(line)]
                }
            }
        }
        return examples
    }

    /// The lines each snippet shows: those outside `// snippet.hide` … `// snippet.show`, markers removed.
    static func snippets() throws -> [String: [String]] {
        let folder = root.appendingPathComponent("Snippets")
        let files = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
            .filter { $0.pathExtension == "swift" }
        var shown: [String: [String]] = [:]
        for file in files {
            var hidden = false, lines: [Substring] = []
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
                switch line.trimmingCharacters(in: .whitespaces) {
                case "// snippet.hide": hidden = true
                case "// snippet.show": hidden = false
                default: if !hidden { lines.append(line) }
                }
            }
            shown[file.lastPathComponent] = normalized(lines)
        }
        return shown
    }

    /// Whether `needle` stands as consecutive lines of `haystack`.
    static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<$0 + needle.count]) == needle }
    }

    func testEveryExampleIsCompiledAsASnippet() throws {
        let snippets = try Self.snippets()
        let examples = try Self.readmeExamples() + Self.docCommentExamples()
        XCTAssertGreaterThanOrEqual(snippets.count, 8, "Snippets/ is missing")
        XCTAssertGreaterThanOrEqual(examples.count, 20, "the README and doc comments hold more examples than were found")
        for example in examples where !snippets.values.contains(where: { Self.contains($0, example.lines) }) {
            XCTFail("\(example.place): this example is in no file under Snippets/, so nothing compiles it:\n"
                    + example.lines.joined(separator: "\n"))
        }
    }

    func testTheCheckNoticesAChangedLine() throws {
        let snippets = try Self.snippets()
        var example = try XCTUnwrap(try Self.readmeExamples().first)
        XCTAssertTrue(snippets.values.contains { Self.contains($0, example.lines) })
        example = Example(place: example.place, lines: example.lines.map { $0.replacingOccurrences(of: "try", with: "try?") })
        XCTAssertFalse(snippets.values.contains { Self.contains($0, example.lines) })
    }

    /// The snippets that need no data run to completion (next to the test bundle, in the same build).
    func testSnippetsRun() throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for name in ["Autodiff", "CustomLayers", "Features", "SharedPointer", "Example", "SyntheticTracks", "Collections"] {
            let executable = directory.appendingPathComponent(name)
            guard FileManager.default.isExecutableFile(atPath: executable.path) else {
                XCTFail("snippet \(name) is not built next to the tests: \(executable.path)")
                continue
            }
            let process = Process()
            process.executableURL = executable
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "snippet \(name) failed")
        }
    }
}
