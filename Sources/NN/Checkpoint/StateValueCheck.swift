/// Whether the values of a state-dict entry are usable numbers: finite everywhere, and non-negative for
/// variances (BatchNorm's `running_var`, the squared-gradient averages of Adam and RMSProp).
///
/// Loading a checkpoint and the trainer's divergence guard both apply it, so a NaN, an infinity or a
/// negative variance is caught where it enters, not when `classify` prints "blues nan %".
public enum StateValueCheck {
    /// Key suffixes of entries that hold variances, which are never negative.
    static let varianceSuffixes = ["running_var", "exp_avg_sq", "square_avg", "max_exp_avg_sq"]

    /// Why `values` stored under `key` are unusable (the first bad element), or nil when they are fine.
    public static func problem(key: String, values: [Float]) -> String? {
        let isVariance = varianceSuffixes.contains { key.hasSuffix($0) }
        return values.withUnsafeBufferPointer { buffer -> String? in
            for (index, value) in buffer.enumerated() where !value.isFinite || (isVariance && value < 0) {
                let kind = value.isNaN ? "NaN" : value.isInfinite ? "\(value)" : "negative variance \(value)"
                return "\(kind) at element \(index) of \(values.count)"
            }
            return nil
        }
    }

    /// The first entry of `state` (in key order) with unusable values, and why.
    public static func firstProblem(in state: [String: StoredTensor]) -> (key: String, problem: String)? {
        for key in state.keys.sorted() {
            if let problem = problem(key: key, values: state[key]!.values) { return (key, problem) }
        }
        return nil
    }
}
