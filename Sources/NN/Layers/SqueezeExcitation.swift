import Tensor

/// Squeeze-and-excitation (Hu et al.): global average → Linear(C, C/r) → ReLU → Linear(C/r, C) → Sigmoid,
/// then each channel of the input is scaled by its weight. Children `fc.0` and `fc.2` as in the common
/// PyTorch implementation (`self.fc = nn.Sequential(Linear, ReLU, Linear, Sigmoid)`).
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class SqueezeExcitation: Module, @unchecked Sendable {
    /// Channels of the input.
    public let channels: Int
    /// Bottleneck reduction ratio r.
    public let reduction: Int
    /// Linear(C, C/r), ReLU, Linear(C/r, C), Sigmoid.
    public let fc: Sequential

    /// An SE block over `channels` with bottleneck `channels / reduction` (at least 1).
    public init(channels: Int, reduction: Int = 16, bias: Bool = true) {
        precondition(channels > 0 && reduction > 0, "SqueezeExcitation(channels: \(channels), reduction: \(reduction)) needs positive values")
        self.channels = channels
        self.reduction = reduction
        let hidden = max(1, channels / reduction)
        fc = Sequential(Linear(channels, hidden, bias: bias), ReLU(), Linear(hidden, channels, bias: bias), Sigmoid())
        super.init()
    }

    /// `[N, C, H, W]` → same shape, channels rescaled.
    public override func forward(_ input: Tensor) -> Tensor {
        input.scaledChannels(by: fc(input.globalAveragePool2d()))
    }
}
