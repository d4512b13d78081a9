import AudioIO
import DSP
import Foundation
import GTZAN
import TestSupport
import XCTest

final class FeatureTableTests: XCTestCase {
    /// A 3 s table in Kaggle's format: 2 genres × 3 tracks × 2 segments.
    func writeThreeSecondTable() throws -> URL {
        var lines = ["filename,length,tempo,mfcc1_mean,label"]
        for (g, genre) in ["blues", "rock"].enumerated() {
            for track in 0..<3 {
                for segment in 0..<2 {
                    lines.append("\(genre).0000\(track).\(segment).wav,66149,\(100 + 10 * g + track),\(Float(segment) - 0.5),\(genre)")
                }
            }
        }
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("features_3_sec.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testThreeSecondRowsKeepTrackIdentityAndSplitByTrack() throws {
        let table = try FeatureTable(contentsOf: try writeThreeSecondTable())
        XCTAssertEqual(table.featureNames, ["tempo", "mfcc1_mean"])
        XCTAssertEqual(table.rows.count, 12)
        XCTAssertEqual(table.rows[3].trackID.description, "blues.00001")
        XCTAssertEqual(table.rows[3].segment, 1)
        XCTAssertEqual(table.rows[3].values, [101, 0.5])
        XCTAssertEqual(table.genres, [.blues, .rock], "the label set is the genres present, not all ten")
        XCTAssertEqual(table.rows.last?.label, 1)
        let split = try StratifiedSplitter(seed: 1).split(table.rows, train: 2.0 / 3, validation: 0, test: 1.0 / 3)
        XCTAssertEqual(split.test.count, 4)
        XCTAssertNoThrow(try split.checkNoTrackLeakage())
    }

    /// A 3 s table as `gtzan-features --segment 3` writes it: DSP's 57 GTZAN features of 66149-sample segments.
    func testLoadsAThreeSecondTableOfDSPFeatures() throws {
        let dataset = try GTZANDataset(root: SyntheticFixture.marsyas, genres: [.metal])
        let features = GTZANFeatures()
        var lines = ["filename,length," + GTZANFeatures.columnNames.joined(separator: ",") + ",label"]
        for track in dataset.tracks.prefix(2) {
            let samples = try AudioFile.read(track.url).samples
            let values = try features(Array(samples.prefix(66149)))
            lines.append("\(track.id).0.wav,66149," + values.map { "\($0)" }.joined(separator: ",") + ",metal")
        }
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("features_3_sec.csv")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let table = try FeatureTable(contentsOf: url)
        XCTAssertEqual(table.featureNames, GTZANFeatures.columnNames)
        XCTAssertEqual(table.rows.map(\.trackID.description), ["metal.00000", "metal.00001"])
        XCTAssertEqual(table.rows.map(\.segment), [0, 0])
        XCTAssertEqual(table.rows[0].values.count, 57)
    }

    func testLabelsComeFromTheLabelColumnWithAnyNames() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("features.csv")
        try ("filename,length,tempo,label\nHip-Hop.000002.wav,1,90,Hip-Hop\nFolk.000140.wav,1,80,Folk\n"
             + "Old-Time / Historic.001482.wav,1,70,Old-Time / Historic\nambient.live/a.b.wav,1,60,ambient\n")
            .write(to: url, atomically: true, encoding: .utf8)
        let table = try FeatureTable(contentsOf: url)
        XCTAssertEqual(table.genres.map(\.name), ["Folk", "Hip-Hop", "Old-Time / Historic", "ambient"])
        XCTAssertEqual(table.rows.map(\.trackID.description),
                       ["Hip-Hop.000002", "Folk.000140", "Old-Time / Historic.001482", "ambient.live/a.b"])
        XCTAssertEqual(table.rows.map(\.label), [1, 0, 2, 3])
        XCTAssertTrue(table.rows.allSatisfy { $0.segment == nil })
        XCTAssertEqual(try FeatureTable(contentsOf: url, genres: ["Folk", "ambient"]).rows.count, 2)

        try "filename,length,tempo,label\nRock.000002.0.wav,1,90,Rock\nRock.000002.1.wav,1,91,Rock\nPop.x.7.0.wav,1,80,Pop\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let segments = try FeatureTable(contentsOf: url)
        XCTAssertEqual(segments.rows.map(\.trackID.description), ["Rock.000002", "Rock.000002", "Pop.x.7"])
        XCTAssertEqual(segments.rows.map(\.segment), [0, 1, 0])
        let whole = try FeatureTable(contentsOf: url, segmented: false)
        XCTAssertEqual(whole.rows.map(\.trackID.description), ["Rock.000002.0", "Rock.000002.1", "Pop.x.7.0"],
                       "names that end in digits are whole tracks when the table says so")
    }

    func testGenreSubsetDropsOtherRows() throws {
        let table = try FeatureTable(contentsOf: try writeThreeSecondTable(), genres: [.rock])
        XCTAssertEqual(table.rows.count, 6)
        XCTAssertEqual(Set(table.rows.map(\.label)), [0])
    }

    func testMalformedTablesNameLineAndColumn() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("bad.csv")
        try "filename,tempo,label\nblues.00000.wav,fast,blues\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try FeatureTable(contentsOf: url)) { error in
            XCTAssertTrue("\(error)".contains("line 2, column 'tempo'"), "\(error)")
        }
        try "tempo,label\n1,blues\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try FeatureTable(contentsOf: url)) { XCTAssertTrue("\($0)".contains("filename")) }
    }

    func testQuotedFieldsMayHoldCommasQuotesAndLineBreaks() throws {
        let directory = try Fixtures.temporaryDirectory("quoted-table")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("quoted.csv")
        try "filename,tempo,label\r\n\"blues.00000.wav\",120,\"blues, \"\"live\"\"\nset\"\nrock.00001.wav,90,rock\nrock.00002.wav,x,rock\n"
            .write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try FeatureTable(contentsOf: url)) { error in
            XCTAssertTrue("\(error)".contains("line 5, column 'tempo'"), "\(error): the quoted break counts as a line")
        }
        try "filename,tempo,label\n\"blues, \"\"live\"\"\nset.wav\",120,\"blues, \"\"live\"\"\nset\"\nrock.00001.wav,90,rock\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let table = try FeatureTable(contentsOf: url)
        XCTAssertEqual(table.genres.map(\.name), ["blues, \"live\"\nset", "rock"], "labels from the label column, any name")
        XCTAssertEqual(table.rows.map(\.trackID), [TrackID(genre: "blues, \"live\"\nset", name: "blues, \"live\"\nset"),
                                                    TrackID(genre: .rock, number: 1)])
        XCTAssertEqual(table.rows.map(\.values), [[120], [90]])
    }

    /// Every value reads exactly as `Float(String)` (correctly rounded `strtof`) reads it, whatever its form:
    /// short and 17-digit decimals, exponents, signs, values halfway between two floats, subnormals.
    func testNumbersReadExactlyAsFloatParsing() throws {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "+1.5", "1.", ".25", "1e3", "2.5E-3", "-7.006492321624085e-46", "3.4028235e38",
                     "16777217", "0.30000001192092896", "1.00000005960464477539", "33554433", "1e-22", "1e22"]
        for _ in 0..<3000 {
            let value = Float(bitPattern: UInt32.random(in: 0x0080_0000...0x7F7F_FFFF, using: &generator))
            let neighbour = value.nextUp
            texts += ["\(value)", String(format: "%.9g", Double(value)), String(format: "%.17g", Double(value)),
                      String(format: "%.6f", Double(value)), "\((Double(value) + Double(neighbour)) / 2)"]
        }
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("numbers.csv")
        let rows = texts.enumerated().map { "blues.\(String(format: "%05d", $0.offset)).wav,\($0.element),blues" }
        try (["filename,value,label"] + rows).joined(separator: "\r\n").write(to: url, atomically: true, encoding: .utf8)
        let table = try FeatureTable(contentsOf: url)
        XCTAssertEqual(table.rows.count, texts.count)
        for (row, text) in zip(table.rows, texts) {
            let expected = try XCTUnwrap(Float(text), text)
            XCTAssertEqual(row.values[0].bitPattern, expected.bitPattern, "'\(text)' read as \(row.values[0])")
        }
        for bad in ["1.5x", "1e", "--1", "", " 1", "1..2", "e5"] {
            try "filename,value,label\nblues.00000.wav,\(bad),blues\n".write(to: url, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try FeatureTable(contentsOf: url), "'\(bad)'") { error in
                XCTAssertTrue("\(error)".contains("line 2, column 'value'"), "\(error)")
            }
        }
    }

    func testSharedKitThirtySecondTable() throws {
        guard let kit = Fixtures.sharedKit else { throw XCTSkip("shared GTZAN kit not present") }
        let table = try FeatureTable(contentsOf: kit.appendingPathComponent("features_30_sec.csv"))
        XCTAssertEqual(table.rows.count, 1000)
        XCTAssertEqual(table.featureNames.count, 57)
        XCTAssertEqual(table.featureNames.first, "chroma_stft_mean")
        XCTAssertEqual(table.featureNames.last, "mfcc20_var")
        XCTAssertEqual((0..<10).map { label in table.rows.filter { $0.label == label }.count }, [Int](repeating: 100, count: 10))
        XCTAssertTrue(table.rows.allSatisfy { $0.segment == nil })
    }
}
