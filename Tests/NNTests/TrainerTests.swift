import Foundation
import NN
import Tensor
import TestSupport
import XCTest

final class TrainerTests: XCTestCase {
    /// Three well-separated 2-D clusters, 12 points each, in batches of 6 shuffled per epoch.
    private func toyBatches(epoch: Int) -> [Batch] {
        var generator = RandomGenerator(seed: 100 + UInt64(epoch))
        let centres: [(Float, Float)] = [(-2, -2), (2, -2), (0, 2.5)]
        var samples: [(Float, Float, Int)] = []
        var noise = RandomGenerator(seed: 1)
        for (label, centre) in centres.enumerated() {
            for _ in 0..<12 {
                samples.append((centre.0 + 0.4 * noise.nextNormal(), centre.1 + 0.4 * noise.nextNormal(), label))
            }
        }
        samples.shuffle(using: &generator)
        return stride(from: 0, to: samples.count, by: 6).map { start in
            let slice = samples[start..<start + 6]
            return Batch(inputs: try! Tensor(slice.flatMap { [$0.0, $0.1] }, shape: [6, 2]), labels: slice.map(\.2))
        }
    }

    private func makeModel(seed: UInt64) -> Sequential {
        ParameterInitialization.using(.pytorch, seed: seed) {
            Sequential(Linear(2, 8), BatchNorm1D(8), Linear(8, 3))
        }
    }

    private func makeTrainer(model: Module, epochs: Int, directory: URL?, lines: ((String) -> Void)? = nil) throws -> Trainer {
        let optimizer = try SGD(parameters: model.namedParameters(), learningRate: 0.1, momentum: 0.9)
        let trainer = try Trainer(model: model, optimizer: optimizer, loss: CrossEntropyLoss(),
                                  configuration: .init(epochs: epochs, seed: 7, checkpointDirectory: directory,
                                                       showsProgress: lines != nil, progressSink: lines))
        trainer.schedule = try ReduceLROnPlateau(factor: 0.5, patience: 0)
        trainer.earlyStopping = try EarlyStopping(patience: 50)
        return trainer
    }

    func testTinyModelReachesFullTrainingAccuracy() throws {
        let model = makeModel(seed: 1)
        var lines: [String] = []
        let trainer = try makeTrainer(model: model, epochs: 15, directory: nil) { lines.append($0) }
        let history = try trainer.fit(training: toyBatches, validation: { self.toyBatches(epoch: 0) })
        XCTAssertEqual(history.epochs.last?["accuracy"], 1)
        XCTAssertEqual(try trainer.evaluate(toyBatches(epoch: 0)).accuracy, 1)
        XCTAssertLessThan(history.series("loss").last!, history.series("loss").first!)
        XCTAssertEqual(lines.count, 15, "one plain line per epoch off a terminal")
        XCTAssertTrue(lines[0].hasPrefix("Epoch 1/15"))
        XCTAssertTrue(lines[0].contains("val_accuracy"))
    }

    func testResumeEndsWithTheWeightsOfAnUninterruptedRun() throws {
        let uninterrupted = makeModel(seed: 2)
        try makeTrainer(model: uninterrupted, epochs: 6, directory: try Fixtures.temporaryDirectory())
            .fit(training: toyBatches, validation: { self.toyBatches(epoch: 0) })

        let directory = try Fixtures.temporaryDirectory()
        try makeTrainer(model: makeModel(seed: 2), epochs: 3, directory: directory)
            .fit(training: toyBatches, validation: { self.toyBatches(epoch: 0) })
        let resumedModel = makeModel(seed: 99)
        let resumed = try makeTrainer(model: resumedModel, epochs: 6, directory: directory)
        try resumed.resume()
        XCTAssertEqual(resumed.nextEpoch, 3)
        let history = try resumed.fit(training: toyBatches, validation: { self.toyBatches(epoch: 0) })
        XCTAssertEqual(history.epochs.count, 6)
        XCTAssertEqual(resumedModel.stateDict(), uninterrupted.stateDict())
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        XCTAssertEqual(files, ["best.safetensors", "last.safetensors", "last.state.safetensors"])
    }

    /// Parts of 4 (batches of 6: 4 + 2) give the whole batch's update, penalty included once, and the same evaluation.
    func testMicroBatchesGiveTheUpdateOfTheWholeBatch() throws {
        func train(microBatchSize: Int?) throws -> (weights: [String: StoredTensor], evaluation: Evaluation) {
            let model = ParameterInitialization.using(.pytorch, seed: 3) { Sequential(Linear(2, 8), ReLU(), Linear(8, 3)) }
            let optimizer = try Adam(parameters: model.namedParameters(), learningRate: 0.05)
            var configuration = Trainer.Configuration(epochs: 3, seed: 7, showsProgress: false)
            configuration.microBatchSize = microBatchSize
            let trainer = try Trainer(model: model, optimizer: optimizer, loss: CrossEntropyLoss(), configuration: configuration)
            trainer.penalties = [WeightPenalty(.l2, strength: 0.01, on: model.namedParameters().map(\.parameter))]
            let history = try trainer.fit(training: toyBatches)
            XCTAssertEqual(history.epochs.count, 3)
            return (model.stateDict(), try trainer.evaluate(toyBatches(epoch: 0)))
        }
        let (whole, wholeEvaluation) = try train(microBatchSize: nil)
        let (parts, partsEvaluation) = try train(microBatchSize: 4)
        XCTAssertEqual(Set(parts.keys), Set(whole.keys))
        for (name, tensor) in whole {
            assertClose(parts[name]!.values, tensor.values, rtol: 1e-4, atol: 1e-5, name)
        }
        XCTAssertEqual(partsEvaluation.accuracy, wholeEvaluation.accuracy)
        XCTAssertEqual(partsEvaluation.loss, wholeEvaluation.loss, accuracy: 1e-5)
        XCTAssertEqual(partsEvaluation.labels, wholeEvaluation.labels)
        let (again, _) = try train(microBatchSize: 4)
        XCTAssertEqual(again, parts, "micro-batched runs repeat exactly")
    }

    func testNonFiniteLossStopsAndKeepsTheLastGoodCheckpoint() throws {
        let directory = try Fixtures.temporaryDirectory()
        let model = makeModel(seed: 3)
        let trainer = try makeTrainer(model: model, epochs: 3, directory: directory)
        let poisoned: (Int) -> [Batch] = { epoch in
            epoch == 0 ? self.toyBatches(epoch: 0) : [Batch(inputs: Tensor.full([2, 2], value: .nan), labels: [0, 1])]
        }
        XCTAssertThrowsError(try trainer.fit(training: poisoned, validation: { self.toyBatches(epoch: 0) })) { error in
            guard case let .nonFiniteLoss(epoch, batch, _, checkpoint)? = error as? TrainingError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(epoch, 1)
            XCTAssertEqual(batch, 0)
            XCTAssertEqual(checkpoint?.lastPathComponent, "last.safetensors")
            XCTAssertTrue("\(error)".contains("last good checkpoint kept"))
        }
        let restored = makeModel(seed: 4)
        try restored.load(from: directory.appendingPathComponent("last.safetensors"))
        XCTAssertTrue(restored.parameters.allSatisfy { $0.value.scalars.allSatisfy(\.isFinite) })
    }

    func testEarlyStoppingRestoresTheBestWeights() throws {
        let model = makeModel(seed: 5)
        let trainer = try makeTrainer(model: model, epochs: 20, directory: nil)
        trainer.earlyStopping = try EarlyStopping(monitor: "val_accuracy", patience: 2, restoreBestWeights: true)
        var snapshots: [[String: StoredTensor]] = []
        final class Recorder: TrainingCallback {
            var record: (Trainer) -> Void
            init(_ record: @escaping (Trainer) -> Void) { self.record = record }
            func trainer(_ trainer: Trainer, didFinishEpoch epoch: Int, metrics: EpochMetrics) throws { record(trainer) }
        }
        trainer.callbacks = [Recorder { snapshots.append($0.model.stateDict()) }]
        try trainer.fit(training: toyBatches, validation: { self.toyBatches(epoch: 0) })
        XCTAssertTrue(trainer.stopped)
        let best = try XCTUnwrap(trainer.earlyStopping?.bestEpoch)
        XCTAssertEqual(trainer.history.epochs.count, best + 3)
        XCTAssertEqual(model.stateDict(), snapshots[best])
    }

    func testMissingValidationMetricIsNamed() throws {
        let trainer = try makeTrainer(model: makeModel(seed: 6), epochs: 1, directory: nil)
        XCTAssertThrowsError(try trainer.fit(training: toyBatches)) { XCTAssertTrue("\($0)".contains("'val_loss'")) }
    }

    func testFitOnBatchSourcesLearnsTheClusters() throws {
        let samples = toyBatches(epoch: 0)
        let inputs = try Tensor(samples.flatMap(\.inputs.scalars), shape: [36, 2])
        let labels = samples.flatMap(\.labels)
        let trainer = try makeTrainer(model: makeModel(seed: 8), epochs: 15, directory: nil)
        try trainer.fit(training: TensorBatches(inputs: inputs, labels: labels, batchSize: 6, shuffleSeed: { UInt64($0) }),
                        validation: TensorBatches(inputs: inputs, labels: labels, batchSize: 36))
        XCTAssertGreaterThan(try XCTUnwrap(trainer.history.epochs.last?["val_accuracy"]), 0.9)
    }

    func testABatchSourceFailureStopsFitWithItsError() throws {
        final class Failing: BatchSource, @unchecked Sendable {
            let batchSize = 2, prefetch = 1, labels = [0, 1, 2, 0]
            func order(epoch: Int) -> [Int] { Array(labels.indices) }
            func batch(_ items: [Int], epoch: Int) throws -> Batch {
                guard items.first == 0 else { throw TrainingError.invalidBatch("item \(items[0]) is unreadable") }
                return Batch(inputs: Tensor.zeros([items.count, 2]), labels: items.map { labels[$0] }, items: items)
            }
        }
        let trainer = try makeTrainer(model: makeModel(seed: 9), epochs: 1, directory: nil)
        XCTAssertThrowsError(try trainer.fit(training: Failing())) { XCTAssertTrue("\($0)".contains("item 2 is unreadable"), "\($0)") }
        XCTAssertTrue(trainer.history.epochs.isEmpty)
    }

    func testMismatchedBatchThrows() throws {
        let trainer = try makeTrainer(model: makeModel(seed: 6), epochs: 1, directory: nil)
        XCTAssertThrowsError(try trainer.fit(training: { _ in [Batch(inputs: Tensor.zeros([3, 2]), labels: [0, 1])] })) {
            XCTAssertTrue("\($0)".contains("one sample per label"))
        }
    }
}
