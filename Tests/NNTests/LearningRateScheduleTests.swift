import Foundation
import NN
import TestSupport
import XCTest

final class LearningRateScheduleTests: XCTestCase {
    private struct Reference: Decodable {
        var initial_lr: Float
        var val_loss: [Double]
        var lr: [String: [Double]]
    }

    private func reference() throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: Data(contentsOf: Fixtures.url("NN/schedules.json")))
    }

    /// Steps `schedule` once per epoch over the reference losses and compares with PyTorch's rates.
    private func assertMatchesPyTorch<S: LearningRateSchedule>(_ schedule: S, _ name: String,
                                                               file: StaticString = #filePath, line: UInt = #line) throws {
        let reference = try reference()
        var schedule = schedule
        var rate = reference.initial_lr
        var rates: [Float] = []
        for (epoch, loss) in reference.val_loss.enumerated() {
            rate = try schedule.nextLearningRate(after: epoch, current: rate, initial: reference.initial_lr,
                                                 metrics: ["val_loss": loss])
            rates.append(rate)
        }
        assertClose(rates, try XCTUnwrap(reference.lr[name]).map(Float.init), rtol: 1e-5, name, file: file, line: line)
    }

    func testReduceLROnPlateauMatchesPyTorch() throws {
        try assertMatchesPyTorch(ReduceLROnPlateau(patience: 2), "plateau_default")
        try assertMatchesPyTorch(ReduceLROnPlateau(factor: 0.3, patience: 1, cooldown: 2, minLearningRate: 5e-4),
                                 "plateau_cooldown")
        try assertMatchesPyTorch(ReduceLROnPlateau(factor: 0.5, patience: 0, threshold: 0.05, thresholdMode: .absolute),
                                 "plateau_abs")
    }

    func testKerasPlateauReducesAfterPatienceBadEpochs() throws {
        // Keras: reduce once `wait >= patience`; improvements need an absolute min_delta; no counting in cooldown.
        var plateau = try ReduceLROnPlateau.keras(factor: 0.5, patience: 2, minDelta: 0.01, cooldown: 1)
        var rate: Float = 1
        var rates: [Float] = []
        for (epoch, loss) in [1.0, 0.995, 0.99, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6].enumerated() {
            rate = try plateau.nextLearningRate(after: epoch, current: rate, initial: 1, metrics: ["val_loss": loss])
            rates.append(rate)
        }
        XCTAssertEqual(rates, [1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125])
    }

    func testLinearAndStepDecayMatchPyTorch() throws {
        try assertMatchesPyTorch(LinearDecay(to: 0.1, over: 8), "linear")
        try assertMatchesPyTorch(StepDecay(stepSize: 3, gamma: 0.5), "step")
    }

    func testConstantThenExponentialFollowsTheKerasLambda() throws {
        let schedule = try ConstantThenExponentialDecay()
        var rate: Float = 1e-3
        var rates: [Float] = [rate]
        for epoch in 0..<14 {
            rate = schedule.nextLearningRate(after: epoch, current: rate, initial: 1e-3, metrics: [:])
            rates.append(rate)
        }
        // Keras calls the lambda with epoch = 0, 1, …: epochs 0–9 keep 1e-3, epoch 10 uses 1e-3·0.95, …
        let expected = (0..<15).map { epoch in 1e-3 * pow(Float(0.95), Float(max(0, epoch - 9))) }
        assertClose(rates, expected, rtol: 1e-5)
    }

    func testMissingMetricAndBadArgumentsThrow() throws {
        var plateau = try ReduceLROnPlateau(monitor: "val_accuracy")
        XCTAssertThrowsError(try plateau.nextLearningRate(after: 0, current: 1, initial: 1, metrics: ["loss": 1])) {
            XCTAssertTrue("\($0)".contains("val_accuracy"))
        }
        XCTAssertEqual(plateau.mode, .max)
        XCTAssertThrowsError(try ReduceLROnPlateau(factor: 1.5))
        XCTAssertThrowsError(try LinearDecay(to: 0.1, over: 0))
    }

    func testPlateauStateSurvivesCoding() throws {
        var plateau = try ReduceLROnPlateau(patience: 1)
        _ = try plateau.nextLearningRate(after: 0, current: 1, initial: 1, metrics: ["val_loss": 1])
        _ = try plateau.nextLearningRate(after: 1, current: 1, initial: 1, metrics: ["val_loss": 2])
        let decoded = try JSONDecoder().decode(ReduceLROnPlateau.self, from: JSONEncoder().encode(plateau))
        XCTAssertEqual(decoded, plateau)
        XCTAssertEqual(decoded.badEpochs, 1)
    }
}

final class EarlyStoppingTests: XCTestCase {
    func testStopsAfterPatienceEpochsWithoutImprovementBeyondMinDelta() throws {
        var stopping = try EarlyStopping(monitor: "val_loss", patience: 2, minDelta: 0.01)
        let losses = [1.0, 0.8, 0.795, 0.85, 0.7, 0.71, 0.695, 0.9]
        var decisions: [EarlyStopping.Decision] = []
        for (epoch, loss) in losses.enumerated() {
            decisions.append(try stopping.update(epoch: epoch, metrics: ["val_loss": loss]))
            if decisions.last == .stop { break }
        }
        XCTAssertEqual(decisions, [.improved, .improved, .wait, .stop])
        XCTAssertEqual(stopping.best, 0.8)
        XCTAssertEqual(stopping.bestEpoch, 1)
    }

    func testMaxModeForAccuracy() throws {
        var stopping = try EarlyStopping(monitor: "val_accuracy", patience: 1)
        XCTAssertEqual(stopping.mode, .max)
        XCTAssertEqual(try stopping.update(epoch: 0, metrics: ["val_accuracy": 0.5]), .improved)
        XCTAssertEqual(try stopping.update(epoch: 1, metrics: ["val_accuracy": 0.6]), .improved)
        XCTAssertEqual(try stopping.update(epoch: 2, metrics: ["val_accuracy": 0.6]), .stop)
    }
}
