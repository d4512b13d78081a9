// image-cnn: the Keras image CNN on 256 × 256 RGB spectrogram images (values 0…255, rescaled 1/255 inside
// the model). Model: GenreModels.ImageCNN, 16,871,882 parameters. Recipe (the Keras image-CNN notebook): Adam, 30 epochs,
// 80/20 split (stratified, by artist or track, no validation side); batch 32 (Keras' default).
import Experiments
import GenreModels
import GTZAN
import NN

enum ImageCNNExample: GenreExample {
    static let name = "image-cnn"
    static let abstract = "Image CNN (16,871,882 parameters) on 256 × 256 RGB spectrogram images."

    static func experiments(_ options: NoOptions) throws -> [Experiment] {
        [Experiment(input: ImageInput(width: 256, height: 256), split: .ratio(train: 0.8, validation: 0, test: 0.2),
                    model: { ImageCNN(classes: $0) }, initialization: ImageCNN.initialization,
                    recipe: Recipe(epochs: 30, batchSize: 32, learningRate: 1e-3, optimizer: .adam(epsilon: 1e-7),
                                   source: "the Keras image-CNN notebook (batch 32: Keras' default)"))]
    }
}

ExampleCommand<ImageCNNExample>.main()
