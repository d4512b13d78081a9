import AudioIO
import DSP
import Foundation
import TestSupport
import XCTest

final class GTZANFeaturesTests: XCTestCase {
    /// The table's tolerance: 1e-3 relative, but 5e-5 absolute for the means of the HPSS signals,
    /// which are close to zero.
    private func assertMatchesTable(_ actual: [Double], _ expected: [Double], _ label: String,
                                    worst: inout [Double], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, 57, file: file, line: line)
        for (index, name) in GTZANFeatures.columnNames.enumerated() {
            let absolute = abs(actual[index] - expected[index])
            let nearZero = name == "harmony_mean" || name == "perceptr_mean"
            let deviation = nearZero ? absolute : absolute / max(abs(expected[index]), .leastNormalMagnitude)
            worst[index] = max(worst[index], deviation)
            XCTAssertLessThanOrEqual(deviation, nearZero ? 5e-5 : 1e-3,
                                     "\(label) \(name): \(actual[index]) vs \(expected[index])", file: file, line: line)
        }
    }

    func testColumnNamesFollowTheKaggleHeader() {
        let names = GTZANFeatures.columnNames
        XCTAssertEqual(names.count, 57)
        XCTAssertEqual(Array(names.prefix(3)), ["chroma_stft_mean", "chroma_stft_var", "rms_mean"])
        XCTAssertEqual(names[16], "tempo")
        XCTAssertEqual(names.last, "mfcc20_var")
    }

    func testSyntheticMixMatchesLibrosaInBothPadModes() throws {
        let y = try FeatureFixture.array("mix").values
        var worst = [Double](repeating: 0, count: 57)
        for mode in [PadMode.reflect, .constant] {
            for concurrent in [true, false] {
                let vector = try GTZANFeatures(padMode: mode, concurrent: concurrent)(y)
                assertMatchesTable(vector, try FeatureFixture.doubles("mix_gtzan_\(mode.rawValue)"),
                                   "\(mode) concurrent=\(concurrent)", worst: &worst)
            }
        }
    }

    /// Reused workspaces leave no trace: a vector computed after a shorter and a longer signal
    /// equals the one computed before them.
    func testVectorsDoNotDependOnEarlierCalls() throws {
        let mix = try FeatureFixture.array("mix").values
        let features = GTZANFeatures(concurrent: false)
        let first = try features(mix)
        _ = try features(Array(mix.prefix(mix.count / 3)))
        _ = try features(mix + mix)
        XCTAssertEqual(try features(mix), first)
    }

    func testBadSignalsThrow() {
        XCTAssertThrowsError(try GTZANFeatures()([])) { XCTAssertTrue("\($0)".contains("empty"), "\($0)") }
        XCTAssertThrowsError(try GTZANFeatures()([0.1, .infinity, 0.2])) {
            XCTAssertTrue("\($0)".contains("sample 1"), "\($0)")
        }
        // Finite samples of a damaged float file overflow the power spectra: an error, not NaN features.
        XCTAssertThrowsError(try GTZANFeatures()((0..<4096).map { Float($0 % 7) * 1e37 })) {
            XCTAssertTrue("\($0)".contains("overflows Float"), "\($0)")
        }
    }

    /// The kit's tracks against librosa 0.11's vectors (`features_kit_gtzan_reflect.npy`): far
    /// tighter than the Kaggle table, which an older librosa made.
    func testSharedKitTracksMatchLibrosa() throws {
        guard let kit = Fixtures.sharedKit else { throw XCTSkip("shared GTZAN kit not present") }
        let expected = try FeatureFixture.array("kit_gtzan_reflect")
        let genres = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"]
        XCTAssertEqual(expected.shape, [genres.count, 57])
        for (row, genre) in genres.enumerated() {
            let url = kit.appendingPathComponent("genres/\(genre)/\(genre).00000.au")
            let vector = try GTZANFeatures()(try AudioFile.read(url).samples)
            for (column, name) in GTZANFeatures.columnNames.enumerated() {
                let reference = Double(expected.values[row * 57 + column])
                let nearZero = name == "harmony_mean" || name == "perceptr_mean"
                XCTAssertEqual(vector[column], reference, accuracy: nearZero ? 1e-8 : 2e-5 * abs(reference),
                               "\(genre) \(name)")
            }
        }
    }

    /// The ten real tracks of the shared kit against their rows of `features_30_sec.csv`.
    func testSharedKitTracksMatchKaggleTable() throws {
        guard let kit = Fixtures.sharedKit else { throw XCTSkip("shared GTZAN kit not present") }
        let table = try String(contentsOf: kit.appendingPathComponent("features_30_sec.csv"), encoding: .utf8)
        let lines = table.split(separator: "\n")
        XCTAssertEqual(lines[0].split(separator: ",").dropFirst(2).dropLast().map(String.init), GTZANFeatures.columnNames)
        var rows: [String: [String]] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            rows[fields[0]] = fields
        }
        let genres = try FileManager.default.contentsOfDirectory(atPath: kit.appendingPathComponent("genres").path).sorted()
        XCTAssertEqual(genres.count, 10)
        var worst = [Double](repeating: 0, count: 57)
        for genre in genres {
            let url = kit.appendingPathComponent("genres/\(genre)/\(genre).00000.au")
            let y = try AudioFile.read(url, sampleRate: 22050, mono: true).samples
            let row = try XCTUnwrap(rows["\(genre).00000.wav"])
            XCTAssertEqual(String(y.count), row[1], "\(genre) length")
            let expected = row.dropFirst(2).dropLast().compactMap(Double.init)
            assertMatchesTable(try GTZANFeatures()(y), expected, genre, worst: &worst)
        }
        let report = zip(GTZANFeatures.columnNames, worst).map { "\($0)=\(String(format: "%.2e", $1))" }
        print("GTZAN kit worst deviation per column (relative; absolute for harmony_mean, perceptr_mean):\n"
              + report.joined(separator: " "))
    }
}
