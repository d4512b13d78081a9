import NN
import XCTest

final class ModelSummaryTests: XCTestCase {
    func testTableHasKerasLayoutAndGroupedCounts() {
        let summary = ModelSummary(title: "mfcc-cnn", rows: [
            .init(name: "conv_layers.0", type: "Conv2D", outputShape: [32, 11, 128], parameters: 320, trainable: 320),
            .init(name: "bn", type: "BatchNorm2D", outputShape: [32, 11, 128], parameters: 128, trainable: 64),
            .init(name: "fc", type: "Linear", outputShape: nil, parameters: 1_234_567, trainable: 1_234_567),
        ], totalParameters: 1_235_015, trainableParameters: 1_234_951)
        let lines = summary.table.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], #"Model: "mfcc-cnn""#)
        XCTAssertTrue(lines[2].hasPrefix(" Layer (type)"))
        XCTAssertTrue(lines[4].contains("conv_layers.0 (Conv2D)"))
        XCTAssertTrue(lines[4].contains("(None, 32, 11, 128)"))
        XCTAssertTrue(lines[6].hasSuffix("1,234,567"))
        XCTAssertTrue(lines[6].contains(" ?"))
        XCTAssertTrue(lines.contains("Total params: 1,235,015"))
        XCTAssertTrue(lines.contains("Trainable params: 1,234,951"))
        XCTAssertTrue(lines.contains("Non-trainable params: 64"))
        XCTAssertEqual(lines[1].count, lines[3].count)
    }
}
