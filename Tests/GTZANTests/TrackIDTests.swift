import GTZAN
import XCTest

final class TrackIDTests: XCTestCase {
    func testParsesEveryNameForm() throws {
        let expected = TrackID(genre: .blues, number: 7)
        for name in ["blues.00007", "blues.00007.wav", "blues.00007.au", "blues/blues.00007.wav",
                     "blues.00007.3.wav", "blues00007.png", "/data/genres/blues/blues.00007.au"] {
            XCTAssertEqual(try TrackID(parsing: name), expected, name)
        }
        XCTAssertEqual(expected.description, "blues.00007")
        XCTAssertEqual(expected.fileName(extension: "au"), "blues.00007.au")
    }

    func testRejectsOtherNames() {
        for name in ["techno.00001.wav", "blues.1.wav", "blues.wav", "readme.txt"] {
            XCTAssertThrowsError(try TrackID(parsing: name), name) { error in
                XCTAssertTrue("\(error)".contains(name))
            }
        }
    }

    func testOrdersByGenreThenNumber() {
        let ids = [TrackID(genre: .rock, number: 0), TrackID(genre: .blues, number: 2), TrackID(genre: .blues, number: 1)]
        XCTAssertEqual(ids.sorted().map(\.description), ["blues.00001", "blues.00002", "rock.00000"])
    }

    func testGenreSubsetIsCanonicalAndValidated() throws {
        XCTAssertEqual(try Genre.subset(["rock", "Blues", "jazz"]), [.blues, .jazz, .rock])
        XCTAssertEqual(try Genre.subset(["polka", " Rock"]), [Genre("polka"), .rock], "any name is a label; GTZAN names fold case")
    }
}
