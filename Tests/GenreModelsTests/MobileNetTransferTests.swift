import GenreModels
import NN
import Tensor
import XCTest

/// A frozen MobileNetV2 backbone behaves as Keras's frozen base: weights and BatchNorm statistics stay
/// fixed in training mode, and only the head receives gradients.
final class MobileNetTransferTests: XCTestCase {
    func testFrozenBackboneKeepsBatchNormStatisticsAndGetsNoGradients() {
        let model = MobileNetTransfer()
        model.train()
        let statistics = { model.namedBuffers().filter { $0.name.hasPrefix("features.") }.map(\.buffer.value.scalars) }
        let before = statistics()
        var rng = RandomGenerator(seed: 7)
        let x = Tensor.normal([2, 3, 32, 32], using: &rng)
        let loss = model(x).crossEntropy(targets: [1, 4])
        loss.backward()
        XCTAssertEqual(statistics(), before, "running statistics of the frozen backbone moved")
        for (name, parameter) in model.namedParameters() {
            XCTAssertEqual(parameter.value.grad != nil, name.hasPrefix("classifier."), name)
        }
    }
}
