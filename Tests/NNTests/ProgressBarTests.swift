import NN
import XCTest

final class ProgressBarTests: XCTestCase {
    private final class Recorder {
        var text: [String] = []
        var now = 0.0
    }

    func testTerminalRedrawsOneLineWithRateETAAndMetrics() {
        let recorder = Recorder()
        let bar = ProgressBar(label: "Epoch 1/2", total: 4, interactive: true,
                              sink: { recorder.text.append($0) }, clock: { recorder.now })
        recorder.now = 1
        bar.update(completed: 1, metrics: [("loss", 2.5)])
        recorder.now = 1.05
        bar.update(completed: 2, metrics: [("loss", 2.0)])
        XCTAssertEqual(recorder.text.count, 1, "redraws are throttled")
        XCTAssertTrue(recorder.text[0].hasPrefix("\r"))
        XCTAssertTrue(recorder.text[0].contains("1/4"))
        XCTAssertTrue(recorder.text[0].contains("ETA 0:03"), recorder.text[0])
        XCTAssertTrue(recorder.text[0].contains("loss 2.5000"))
        recorder.now = 4
        bar.update(completed: 4)
        bar.finish(metrics: [("val_accuracy", 0.75)])
        XCTAssertTrue(recorder.text.last!.hasSuffix("val_accuracy 0.7500\n"))
        XCTAssertTrue(recorder.text.last!.contains("1.0 it/s"))
    }

    func testNonTerminalPrintsOnlyThePlainFinalLine() {
        let recorder = Recorder()
        let bar = ProgressBar(label: "Epoch 3/3", total: 10, interactive: false,
                              sink: { recorder.text.append($0) }, clock: { recorder.now })
        for step in 1...10 {
            recorder.now = Double(step) * 0.5
            bar.update(completed: step, metrics: [("loss", 1)])
        }
        bar.finish(metrics: [("loss", 0.5)])
        XCTAssertEqual(recorder.text, ["Epoch 3/3  10 steps in 0:05  2.0 it/s  loss 0.5000\n"])
    }
}
