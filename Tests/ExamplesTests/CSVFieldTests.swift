import AudioIO
import Experiments
import Foundation
import TestSupport
import XCTest

/// RFC 4180 quoting of CSV fields, and `gtzan-features` rows of files with awkward names.
final class CSVFieldTests: XCTestCase {
    func testFieldsWithDelimitersAreQuotedWithDoubledQuotes() {
        XCTAssertEqual(CSVField.quoted("blues.00000.wav"), "blues.00000.wav")
        XCTAssertEqual(CSVField.quoted(""), "")
        XCTAssertEqual(CSVField.quoted("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVField.quoted("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVField.quoted("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVField.quoted("cr\r\nlf"), "\"cr\r\nlf\"")
        XCTAssertEqual(CSVField.line(["x,y", "1", "z"]), "\"x,y\",1,z")
    }

    func testGTZANFeaturesQuotesFileNamesWithCommasQuotesAndNewlines() throws {
        let directory = try Fixtures.temporaryDirectory("csv-names")
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = "live, \"raw\"\ntake"
        let track = directory.appendingPathComponent(name + ".wav")
        try AudioFile.write(track, samples: (0..<4410).map { Float(sin(Double($0) / 7)) / 3 }, sampleRate: 22050)
        let out = directory.appendingPathComponent("features.csv")
        try ExampleProcess(name: "gtzan-features").run([track.path, "--out", out.path])
        let text = try String(contentsOf: out, encoding: .utf8)
        let label = directory.lastPathComponent
        XCTAssertTrue(text.hasPrefix(FeatureTableExtractor.header + "\n\"live, \"\"raw\"\"\ntake.wav\",4410,"), text)
        XCTAssertTrue(text.hasSuffix(",\(label)\n"), text)
        XCTAssertEqual(text.filter { $0 == "," }.count, 2 * 59 + 1, "59 separators per line plus the name's comma")
    }
}
