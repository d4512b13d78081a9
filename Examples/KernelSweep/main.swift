// kernel-sweep: the spectrogram CNN with conv kernels 3, 5 and 7 (GenreModels.KernelSweepCNN) on 128-bin
// mel spectrograms (dB) of 3 s segments, trained under the four recipes of the PyTorch kernel-size study:
//   1. Adam 1e-4, ReduceLROnPlateau(0.3, 10) + EarlyStopping(15)   2. Adam 1e-4 plain
//   3. Adam 1e-3, ReduceLROnPlateau(0.5, 15) + EarlyStopping(20)   4. Adam 1e-4, ReduceLROnPlateau(0.1, 5) + EarlyStopping(10)
// One results table and one curves figure per recipe. Split: stratified 70/15/15 by artist (or track: --protocol).
import ArgumentParser
import Experiments
import GenreModels
import GTZAN
import NN

struct KernelSweepOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Kernel sizes, comma-separated.")
    var kernels = IntegerList([3, 5, 7])
    @Option(parsing: .unconditional, help: "Recipes (1–4), comma-separated.")
    var recipes = IntegerList([1, 2, 3, 4])
}

enum KernelSweepExample: GenreExample {
    static let name = "kernel-sweep"
    static let abstract = "Spectrogram CNN with kernels 3/5/7 under four training recipes."

    /// The kernel-size study's recipes: learning rate, then optional (plateau factor, patience) and early-stopping patience.
    static let recipes: [(learningRate: Float, plateau: (factor: Float, patience: Int)?, stopping: Int?)] = [
        (1e-4, (0.3, 10), 15), (1e-4, nil, nil), (1e-3, (0.5, 15), 20), (1e-4, (0.1, 5), 10),
    ]

    static func experiments(_ options: KernelSweepOptions) throws -> [Experiment] {
        let kernels = try options.kernels.checked("--kernels", in: 1...15)
        if let even = kernels.first(where: { $0 % 2 == 0 }) {
            throw ExperimentError.invalidOption("--kernels", "\(even) is even; the kernels are centred, so sizes are odd (3, 5, 7)")
        }
        return try options.recipes.checked("--recipes", in: 1...recipes.count).flatMap { number in
            let recipe = recipes[number - 1]
            let training = Recipe(epochs: 50, batchSize: 32, learningRate: recipe.learningRate,
                                  schedule: try recipe.plateau.map { try ReduceLROnPlateau(factor: $0.factor, patience: $0.patience) },
                                  earlyStopping: try recipe.stopping.map { try EarlyStopping(patience: $0, restoreBestWeights: true) },
                                  source: "the PyTorch kernel-size study")
            return kernels.map { kernel in
                Experiment(input: SegmentInput(segmentation: .threeSeconds, representation: .melDecibels(nMels: 128)),
                           split: .ratio(train: 0.7, validation: 0.15, test: 0.15),
                           model: { KernelSweepCNN(kernelSize: kernel, classes: $0) }, initialization: KernelSweepCNN.initialization,
                           recipe: training, runName: "recipe-\(number)-kernel-\(kernel)", group: "recipe-\(number)")
            }
        }
    }
}

ExampleCommand<KernelSweepExample>.main()
