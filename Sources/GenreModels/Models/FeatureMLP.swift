import NN
import Tensor

/// The multilayer perceptrons on the 57 standardised GTZAN features, input `[N, 57]`.
///
/// - `keras`: Dense 256, 128, 64 (ReLU, dropout 0.3 after each), Dense 10: 56,650 parameters, Keras
///   initialisation.
/// - `torch`: Linear 256 (ReLU, dropout 0.4), 64 (ReLU, dropout 0.2), Linear 10: 31,946 parameters,
///   PyTorch initialisation.
/// Outputs are logits.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class FeatureMLP: Module, @unchecked Sendable {
    /// The two published variants.
    public enum Variant: String, CaseIterable, Sendable {
        case keras, torch

        /// Hidden widths and the dropout after each.
        var hidden: [(width: Int, dropout: Float)] {
            self == .keras ? [(256, 0.3), (128, 0.3), (64, 0.3)] : [(256, 0.4), (64, 0.2)]
        }

        /// The variant's framework initialisation.
        public var initialization: InitializationScheme { self == .keras ? .keras : .pytorch }
    }

    public let variant: Variant
    let layers: Sequential

    /// The `variant` over `features` inputs and `classes` genres.
    public init(_ variant: Variant, features: Int = 57, classes: Int = 10) {
        self.variant = variant
        let widths = [features] + variant.hidden.map(\.width)
        layers = Sequential(variant.hidden.enumerated().flatMap { index, layer -> [Module] in
            [Linear(widths[index], layer.width), ReLU(), Dropout(layer.dropout)]
        } + [Linear(widths.last!, classes)])
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor { layers(input) }
}
