/// Perceptual colour maps for rendering spectrograms as images.
public enum Colormap: String, CaseIterable, Sendable {
    /// matplotlib's `viridis` (CC0, van der Walt & Smith): piecewise linear through its entries
    /// 0, 16, …, 240 and 255, within 1/255 of the full 256-entry table.
    case viridis

    /// RGB in 0…255 for `x` in [0, 1] (clamped).
    public func color(_ x: Float) -> (red: Float, green: Float, blue: Float) {
        let anchors = Self.viridisAnchors
        let position = max(0, min(1, x.isNaN ? 0 : x)) * 255
        let segment = min(Int(position / 16), anchors.count - 2)
        let start = Float(segment * 16)
        let end = segment + 1 == anchors.count - 1 ? Float(255) : Float((segment + 1) * 16)
        let t = (position - start) / (end - start)
        let (a, b) = (anchors[segment], anchors[segment + 1])
        return (255 * (a.0 + (b.0 - a.0) * t), 255 * (a.1 + (b.1 - a.1) * t), 255 * (a.2 + (b.2 - a.2) * t))
    }

    private static let viridisAnchors: [(Float, Float, Float)] = [
        (0.267004, 0.004874, 0.329415), (0.282327, 0.094955, 0.417331), (0.278826, 0.175490, 0.483397),
        (0.258965, 0.251537, 0.524736), (0.229739, 0.322361, 0.545706), (0.199430, 0.387607, 0.554642),
        (0.172719, 0.448791, 0.557885), (0.149039, 0.508051, 0.557250), (0.127568, 0.566949, 0.550556),
        (0.120638, 0.625828, 0.533488), (0.157851, 0.683765, 0.501686), (0.246070, 0.738910, 0.452024),
        (0.369214, 0.788888, 0.382914), (0.515992, 0.831158, 0.294279), (0.678489, 0.863742, 0.189503),
        (0.845561, 0.887322, 0.099702), (0.993248, 0.906157, 0.143936),
    ]
}
