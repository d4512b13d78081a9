import AudioIO
import Distributed
import DSP
import Experiments
import GenreModels
import GTZAN
import NN
import SyntheticGTZAN
import Tensor
import XCTest

/// Every library product imported together, the common type names used unqualified: a name declared by two
/// products ("'BatchSource' is ambiguous for type lookup in this context") fails this target's build.
final class AllProductsTests: XCTestCase {
    /// The public names users meet first, one or more per product, unqualified.
    func testTheCommonNamesResolveWithEveryProductImported() {
        let types: [Any.Type] = [
            AudioFile.self, AudioBuffer.self, AudioIOError.self,                          // AudioIO
            STFT.self, Matrix.self, MelSpectrogram.self, DSPError.self,                   // DSP
            Tensor.self, Batch.self, (any BatchSource).self, BatchIterator.self, TensorBatches.self,
            TensorError.self, GradientCheck.self,                                          // Tensor
            Sequential.self, Linear.self, Trainer.self, CrossEntropyLoss.self, Adam.self,
            Module.self, TrainingError.self,                                         // NN
            SegmentBatches.self, ImageBatches.self, Segment.self, Segmentation.self, GTZANDataset.self,
            GTZANError.self, Augmentation.self,                                            // GTZAN
            SyntheticGTZAN.self,                                                           // SyntheticGTZAN
            ResNetMFCC.self, SECNN.self, FeatureMLP.self,                                  // GenreModels
            DataParallel.self, ShardedBatchSource.self, ProcessGroup.self, DistributedError.self, // Distributed
            SplitSide.self, ExperimentData.self, ExperimentRunner.self, SideEvaluation.self,
            ExperimentError.self,                                                          // Experiments
        ]
        XCTAssertEqual(Set(types.map { String(reflecting: $0) }).count, types.count, "every name is one type")
    }

    /// One batch abstraction end to end: an in-memory source trains NN's trainer and backs an experiment side.
    func testOneBatchSourceFeedsTheTrainerAndAnExperimentSide() throws {
        let points = (0..<16).flatMap { index -> [Float] in index < 8 ? [-2, Float(index) / 8] : [2, Float(index - 8) / 8] }
        let labels = (0..<16).map { $0 < 8 ? 0 : 1 }
        let source: any BatchSource = try TensorBatches(inputs: Tensor(points, shape: [16, 2]), labels: labels, batchSize: 4,
                                                        shuffleSeed: { UInt64($0) })
        let side = try SplitSide(source, trackIDs: labels.indices.map { "track\($0 / 2)" })
        XCTAssertEqual(side.batches(epoch: 0, limit: 3).count, 3)
        XCTAssertEqual(side.batches(epoch: 1, limit: nil).flatMap(\.items).sorted(), Array(0..<16))
        let model = ParameterInitialization.using(.pytorch, seed: 1) { Sequential(Linear(2, 2)) }
        let trainer = try Trainer(model: model, optimizer: try Adam(parameters: model.namedParameters(), learningRate: 0.1),
                                  loss: CrossEntropyLoss(), configuration: .init(epochs: 10, monitor: "loss", showsProgress: false))
        try trainer.fit(training: source)
        XCTAssertEqual(try trainer.evaluate(side.batches(epoch: 0, limit: nil)).accuracy, 1)
        XCTAssertThrowsError(try SplitSide(source, trackIDs: ["only one"]))
    }
}
