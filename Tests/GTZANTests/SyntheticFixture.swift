import Foundation
import GTZAN
import SyntheticGTZAN
import TestSupport

/// Small synthetic datasets shared by the tests, written once per process.
enum SyntheticFixture {
    /// 4 tracks per genre of 4 s, Marsyas layout, seed 7.
    static let marsyas: URL = write(layout: .marsyas)
    /// 4 tracks per genre of 4 s, Kaggle layout, seed 7.
    static let kaggle: URL = write(layout: .kaggle)

    static let tracksPerGenre = 4
    static let seconds = 4.0

    private static func write(layout: GTZANLayout.Kind) -> URL {
        let directory = try! Fixtures.temporaryDirectory("gtzan-\(layout.rawValue)")
        return try! SyntheticGTZAN.write(to: directory, tracksPerGenre: tracksPerGenre, seconds: seconds, seed: 7,
                                         layout: layout)
    }
}
