import ConcurrencySupport
import DSP
import TestSupport
import XCTest

final class STFTConcurrencyTests: XCTestCase {
    /// Plans for new sizes are made while other threads execute: results must equal serial ones.
    func testConcurrentTransformsOfManySizesMatchSerialResults() throws {
        let y = try CoreFixture.signal("music")
        let sizes = [256, 384, 512, 1000, 1024, 2048]
        let serial = try sizes.map { try STFT(nFFT: $0, hopLength: 128).spectrogram(y) }
        var concurrent = [Matrix?](repeating: nil, count: sizes.count * 4)
        concurrent.withUnsafeMutableBufferPointer { buffer in
            let results = SharedPointer(buffer)
            DispatchQueue.concurrentPerform(iterations: buffer.count) { i in
                results[i] = try? STFT(nFFT: sizes[i % sizes.count], hopLength: 128).spectrogram(y)
            }
        }
        for (i, result) in concurrent.enumerated() {
            XCTAssertEqual(result, serial[i % sizes.count], "n_fft \(sizes[i % sizes.count])")
        }
    }
}
