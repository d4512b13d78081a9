infix operator .< : ComparisonPrecedence
infix operator .<= : ComparisonPrecedence
infix operator .> : ComparisonPrecedence
infix operator .>= : ComparisonPrecedence
infix operator .== : ComparisonPrecedence
infix operator .!= : ComparisonPrecedence

/// Comparison masks: 1 where the comparison holds and 0 elsewhere, with NumPy broadcasting (as
/// `(a < b).float()` in PyTorch). Masks are constants for autodiff: they never require gradients.
extension Tensor {
    /// 1 where `lhs` is less than `rhs`, else 0.
    public static func .< (lhs: Tensor, rhs: Tensor) -> Tensor { broadcasting(lhs, rhs, ".<", Elementwise.Less.self) }
    /// 1 where `lhs` is less than or equal to `rhs`, else 0.
    public static func .<= (lhs: Tensor, rhs: Tensor) -> Tensor { broadcasting(lhs, rhs, ".<=", Elementwise.LessOrEqual.self) }
    /// 1 where `lhs` is greater than `rhs`, else 0.
    public static func .> (lhs: Tensor, rhs: Tensor) -> Tensor { broadcasting(lhs, rhs, ".>", Elementwise.Greater.self) }
    /// 1 where `lhs` is greater than or equal to `rhs`, else 0.
    public static func .>= (lhs: Tensor, rhs: Tensor) -> Tensor { broadcasting(lhs, rhs, ".>=", Elementwise.GreaterOrEqual.self) }
    /// 1 where `lhs` is equal to `rhs`, else 0.
    public static func .== (lhs: Tensor, rhs: Tensor) -> Tensor { broadcasting(lhs, rhs, ".==", Elementwise.Equal.self) }
    /// 1 where `lhs` is not equal to `rhs`, else 0.
    public static func .!= (lhs: Tensor, rhs: Tensor) -> Tensor { broadcasting(lhs, rhs, ".!=", Elementwise.NotEqual.self) }

    /// 1 where `lhs` is less than `rhs`, else 0.
    public static func .< (lhs: Tensor, rhs: Float) -> Tensor { lhs .< Tensor(rhs) }
    /// 1 where `lhs` is less than or equal to `rhs`, else 0.
    public static func .<= (lhs: Tensor, rhs: Float) -> Tensor { lhs .<= Tensor(rhs) }
    /// 1 where `lhs` is greater than `rhs`, else 0.
    public static func .> (lhs: Tensor, rhs: Float) -> Tensor { lhs .> Tensor(rhs) }
    /// 1 where `lhs` is greater than or equal to `rhs`, else 0.
    public static func .>= (lhs: Tensor, rhs: Float) -> Tensor { lhs .>= Tensor(rhs) }
    /// 1 where `lhs` is equal to `rhs`, else 0.
    public static func .== (lhs: Tensor, rhs: Float) -> Tensor { lhs .== Tensor(rhs) }
    /// 1 where `lhs` is not equal to `rhs`, else 0.
    public static func .!= (lhs: Tensor, rhs: Float) -> Tensor { lhs .!= Tensor(rhs) }
}
