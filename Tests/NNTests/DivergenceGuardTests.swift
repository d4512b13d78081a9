import Foundation
import NN
import Tensor
import TestSupport
import XCTest

/// A run whose loss stays finite while a buffer or the optimizer state turns non-finite stops at the epoch
/// end with `TrainingError.diverged`, and no non-finite checkpoint is ever written.
final class DivergenceGuardTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws { directory = try Fixtures.temporaryDirectory("divergence") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// Two separable classes in one batch of 8.
    private func batches(epoch: Int) -> [Batch] {
        let points: [Float] = [-2, -1, -1.5, -2, -1, -1.2, -2.2, -0.8, 2, 1, 1.5, 2, 1, 1.2, 2.2, 0.8]
        return [Batch(inputs: try! Tensor(points, shape: [8, 2]), labels: [0, 0, 0, 0, 1, 1, 1, 1])]
    }

    /// After epoch `epoch` (0-based), sets every `running_var` of `norm` to `value` (as an overflow would).
    private final class PoisonRunningVariance: TrainingCallback {
        let norm: BatchNorm1D, epoch: Int, value: Float
        init(_ norm: BatchNorm1D, after epoch: Int, value: Float) { (self.norm, self.epoch, self.value) = (norm, epoch, value) }
        func trainer(_ trainer: Trainer, didFinishEpoch epoch: Int, metrics: EpochMetrics) throws {
            if epoch == self.epoch { norm.runningVariance.assign([Float](repeating: value, count: norm.features)) }
        }
    }

    private func assertDiverges(poison value: Float, expecting problem: String) throws {
        let norm = BatchNorm1D(4)
        let model = ParameterInitialization.using(.pytorch, seed: 5) { Sequential(Linear(2, 4), norm, Linear(4, 2)) }
        let trainer = try Trainer(model: model, optimizer: try Adam(parameters: model.namedParameters(), learningRate: 0.01),
                                  loss: CrossEntropyLoss(),
                                  configuration: .init(epochs: 4, checkpointDirectory: directory, showsProgress: false))
        trainer.callbacks.append(PoisonRunningVariance(norm, after: 0, value: value))
        XCTAssertThrowsError(try trainer.fit(training: batches)) { error in
            guard case let .diverged(epoch, key, found, checkpoint)? = error as? TrainingError else { return XCTFail("\(error)") }
            XCTAssertEqual(epoch, 1)
            XCTAssertEqual(key, "1.running_var")
            XCTAssertTrue(found.contains(problem), found)
            XCTAssertEqual(checkpoint?.lastPathComponent, "last.safetensors")
            XCTAssertTrue("\(error)".contains("training diverged at epoch 2"), "\(error)")
        }
        XCTAssertEqual(trainer.history.epochs.count, 2, "the loss of the diverged epoch stayed finite")
        XCTAssertTrue(trainer.history.series("loss").allSatisfy(\.isFinite))
        for name in ["best.safetensors", "last.safetensors", "last.state.safetensors"] {
            let file = try SafeTensors(contentsOf: directory.appendingPathComponent(name))
            XCTAssertEqual(file.metadata["epoch"], "1", name)
            XCTAssertNil(StateValueCheck.firstProblem(in: file.tensors), name)
        }
        let resumed = ParameterInitialization.using(.pytorch, seed: 6) { Sequential(Linear(2, 4), BatchNorm1D(4), Linear(4, 2)) }
        let again = try Trainer(model: resumed, optimizer: try Adam(parameters: resumed.namedParameters(), learningRate: 0.01),
                                loss: CrossEntropyLoss(), configuration: .init(epochs: 4, checkpointDirectory: directory, showsProgress: false))
        try again.resume()
        XCTAssertEqual(again.nextEpoch, 1, "the last good checkpoint resumes")
    }

    func testInfiniteRunningVarianceStopsBeforeAnyCheckpointOfThatEpoch() throws {
        try assertDiverges(poison: .infinity, expecting: "inf at element 0")
    }

    func testNegativeRunningVarianceCountsAsDivergence() throws {
        try assertDiverges(poison: -1, expecting: "negative variance -0.")
    }
}
