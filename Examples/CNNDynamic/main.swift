// cnn-dynamic: the spectrogram-image CNN on RGB images 288 × 432 (Kaggle's images_original, or rendered
// from the audio when absent). Model: GenreModels.CNNDynamic, 2,055,070 parameters, ending in Softmax
// (categorical cross-entropy on probabilities). Recipe (the Keras CNN_dynamic notebook): Adam 1e-3, batch 32, 50 epochs.
// Split: stratified 70/15/15 (ours) by the run's protocol (artist when ids are known, else track). The report's per-class recall shows whether a genre
// is never predicted (the notebook's model never predicted blues); the run prints its training time.
import Experiments
import GenreModels
import GTZAN
import NN

enum CNNDynamicExample: GenreExample {
    static let name = "cnn-dynamic"
    static let abstract = "Spectrogram-image CNN (2,055,070 parameters) on 288 × 432 RGB images."

    static func experiments(_ options: NoOptions) throws -> [Experiment] {
        [Experiment(input: ImageInput(width: 432, height: 288), split: .ratio(train: 0.7, validation: 0.15, test: 0.15),
                    model: { CNNDynamic(classes: $0) }, initialization: CNNDynamic.initialization,
                    recipe: Recipe(epochs: 50, batchSize: 32, learningRate: 1e-3, optimizer: .adam(epsilon: 1e-7),
                                   loss: CategoricalCrossEntropy(), source: "the Keras CNN_dynamic notebook"),
                    notes: ["the notebook's model never predicted blues: see per_class_recall in metrics.json"])]
    }
}

ExampleCommand<CNNDynamicExample>.main()
