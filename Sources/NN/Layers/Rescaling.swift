import Tensor

/// `x · scale + offset` (Keras `Rescaling`, e.g. `scale: 1/255` for 8-bit images).
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class Rescaling: Module, @unchecked Sendable {
    /// The factor.
    public let scale: Float
    /// Added after scaling.
    public let offset: Float

    /// `x · scale + offset`.
    public init(scale: Float, offset: Float = 0) {
        self.scale = scale
        self.offset = offset
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor {
        offset == 0 ? input * scale : input * scale + offset
    }
}
