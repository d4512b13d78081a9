import DSP
import TestSupport
import XCTest

/// The core fixtures of `scripts/fixtures/dsp_core.py` (librosa 0.11.0).
enum CoreFixture {
    static let sampleRate: Float = 22050
    static let signals = ["chirp", "noise", "music"]

    /// `Tests/Fixtures/DSP/core_<name>.npy`.
    static func array(_ name: String) throws -> NPYArray {
        try NPYArray.fixture("DSP/core_\(name).npy")
    }

    /// One of the 2 s test signals.
    static func signal(_ name: String) throws -> [Float] {
        try array("signal_\(name)").values
    }

    /// Runs `check(signalName, padMode, signal)` for the three signals in both centre pad modes.
    static func forEachSignalAndPadMode(_ check: (String, PadMode, [Float]) throws -> Void) throws {
        for name in signals {
            let y = try signal(name)
            for mode in [PadMode.constant, .reflect] { try check(name, mode, y) }
        }
    }

    /// A 2-D fixture as a ``Matrix``.
    static func matrix(_ name: String) throws -> Matrix {
        let array = try array(name)
        return Matrix(rows: array.shape[0], columns: array.shape[1], values: array.values)
    }
}

/// Asserts `actual` matches the fixture matrix in shape and, relative to its max, in values.
func assertMatches(_ actual: Matrix, _ expected: Matrix, rtol: Float = 1e-4,
                   _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.rows, expected.rows, "rows \(message)", file: file, line: line)
    XCTAssertEqual(actual.columns, expected.columns, "columns \(message)", file: file, line: line)
    assertClose(actual.values, expected.values, rtol: rtol, relativeToMax: true, message, file: file, line: line)
}
