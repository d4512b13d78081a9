import NN
import Tensor
import TestSupport
import XCTest

/// A small CNN with residual and squeeze-excitation blocks against PyTorch (scripts/fixtures/nn.py,
/// `reference_cnn`): the PyTorch state dict loads by key and gives the same logits, loss, gradients and
/// BatchNorm statistics, to 1e-4 relative to each array's largest magnitude (gradients of conv biases before
/// training-mode BatchNorm are zero up to rounding, hence an absolute 1e-6).
final class ReferenceCNNTests: XCTestCase {
    private let directory = Fixtures.url("NN/reference_cnn")

    private func makeModel() -> Sequential {
        Sequential(Conv2D(1, 4, kernelSize: 3, padding: .explicit(1)), BatchNorm2D(4), ReLU(), MaxPool2D(kernelSize: 2),
                   ResidualBlock(4, 4), SqueezeExcitation(channels: 4, reduction: 2),
                   ResidualBlock(4, 8), SqueezeExcitation(channels: 8, reduction: 4),
                   MaxPool2D(kernelSize: 2), Flatten(), Linear(32, 5))
    }

    private func fixture(_ name: String) throws -> NPYArray { try NPYArray.fixture("NN/reference_cnn/\(name).npy") }

    func testLogitsGradientsAndStatisticsMatchPyTorch() throws {
        let model = makeModel()
        try model.load(from: directory.appendingPathComponent("weights.safetensors"))
        let inputArray = try fixture("input")
        var input = try Tensor(inputArray.values, shape: inputArray.shape)
        input.requiresGrad = true
        let logits = model(input)
        let loss = CrossEntropyLoss()(logits, labels: try fixture("labels").values.map { Int($0) })
        loss.backward()

        assertClose(logits.scalars, try fixture("logits").values, rtol: 1e-4, relativeToMax: true, "logits")
        assertClose([loss.item()], try fixture("loss").values, rtol: 1e-5, "loss")
        assertClose(try XCTUnwrap(input.grad).scalars, try fixture("input_grad").values, rtol: 1e-4, relativeToMax: true,
                    "input gradient")
        let reference = try SafeTensors(contentsOf: directory.appendingPathComponent("gradients.safetensors")).tensors
        for (key, parameter) in model.namedParameters() {
            let expected = try XCTUnwrap(reference[key], key)
            XCTAssertEqual(parameter.shape, expected.shape, key)
            assertClose(try XCTUnwrap(parameter.grad, key).scalars, expected.values, rtol: 1e-4, atol: 1e-6,
                        relativeToMax: true, "gradient of \(key)")
        }
        for (key, buffer) in model.namedBuffers() {
            let expected = try XCTUnwrap(reference["after." + key], key)
            assertClose(buffer.value.scalars, expected.values, rtol: 1e-5, relativeToMax: true, "buffer \(key)")
        }
        model.eval()
        assertClose(Tensor.withoutGrad { model(input) }.scalars, try fixture("eval_logits").values, rtol: 1e-4,
                    relativeToMax: true, "evaluation-mode logits")
    }

    func testSavedStateDictReloadsIntoTheSameArchitecture() throws {
        let source = makeModel()
        try source.load(from: directory.appendingPathComponent("weights.safetensors"))
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("copy.safetensors")
        try source.save(to: url)
        let copy = makeModel()
        try copy.load(from: url)
        XCTAssertEqual(copy.stateDict(), source.stateDict())
        XCTAssertThrowsError(try Sequential(Linear(2, 2)).load(from: url)) { error in
            XCTAssertTrue("\(error)".contains("copy.safetensors"), "\(error)")
        }
    }
}
