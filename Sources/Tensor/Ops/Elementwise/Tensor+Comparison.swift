infix operator .< : ComparisonPrecedence
infix operator .<= : ComparisonPrecedence
infix operator .> : ComparisonPrecedence
infix operator .>= : ComparisonPrecedence
infix operator .== : ComparisonPrecedence
infix operator .!= : ComparisonPrecedence

/// Comparison masks: 1 where the comparison holds and 0 elsewhere, with NumPy broadcasting (as
/// `(a < b).float()` in PyTorch). Masks are constants for autodiff: they never require gradients.
extension Tensor {
    public static func .< (lhs: Tensor, rhs: Tensor) -> Tensor { broadcasting(lhs, rhs, ".<") { $0 < $1 ? 1 : 0 } }
    public static func .<= (lhs: Tensor, rhs: Tensor) -> Tensor { broadcasting(lhs, rhs, ".<=") { $0 <= $1 ? 1 : 0 } }
    public static func .> (lhs: Tensor, rhs: Tensor) -> Tensor { broadcasting(lhs, rhs, ".>") { $0 > $1 ? 1 : 0 } }
    public static func .>= (lhs: Tensor, rhs: Tensor) -> Tensor { broadcasting(lhs, rhs, ".>=") { $0 >= $1 ? 1 : 0 } }
    public static func .== (lhs: Tensor, rhs: Tensor) -> Tensor { broadcasting(lhs, rhs, ".==") { $0 == $1 ? 1 : 0 } }
    public static func .!= (lhs: Tensor, rhs: Tensor) -> Tensor { broadcasting(lhs, rhs, ".!=") { $0 != $1 ? 1 : 0 } }

    public static func .< (lhs: Tensor, rhs: Float) -> Tensor { lhs .< Tensor(rhs) }
    public static func .<= (lhs: Tensor, rhs: Float) -> Tensor { lhs .<= Tensor(rhs) }
    public static func .> (lhs: Tensor, rhs: Float) -> Tensor { lhs .> Tensor(rhs) }
    public static func .>= (lhs: Tensor, rhs: Float) -> Tensor { lhs .>= Tensor(rhs) }
    public static func .== (lhs: Tensor, rhs: Float) -> Tensor { lhs .== Tensor(rhs) }
    public static func .!= (lhs: Tensor, rhs: Float) -> Tensor { lhs .!= Tensor(rhs) }
}
