/// Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method (Golub & Van Loan,
/// algorithm 8.5.3): rotations zero the off-diagonal entries sweep by sweep until their norm falls below
/// 1e-14 of the matrix norm. Accurate to machine precision; meant for the small matrices of exploratory
/// analysis (a 57 × 57 covariance takes well under a millisecond per sweep).
public struct SymmetricEigen {
    /// Eigenvalues in decreasing order.
    public let values: [Double]
    /// Unit eigenvectors, `vectors[k]` belonging to `values[k]`.
    public let vectors: [[Double]]

    /// Decomposes the `n × n` symmetric matrix `matrix` (row-major).
    /// - Throws: `AnalysisError.invalidData` when it is not square, symmetric and finite.
    public init(_ matrix: [[Double]]) throws {
        let n = matrix.count
        guard n > 0, matrix.allSatisfy({ $0.count == n }) else {
            throw AnalysisError.invalidData("matrix", "\(n) rows of lengths \(Set(matrix.map(\.count)).sorted()): not square")
        }
        guard matrix.joined().allSatisfy(\.isFinite) else { throw AnalysisError.invalidData("matrix", "has non-finite entries") }
        var a = matrix.flatMap { $0 }
        for i in 0..<n {
            for j in 0..<i where abs(a[i * n + j] - a[j * n + i]) > 1e-9 * max(1, abs(a[i * n + j])) {
                throw AnalysisError.invalidData("matrix", "not symmetric at (\(i), \(j))")
            }
        }
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        let norm = a.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<n { for j in 0..<n where i != j { off += a[i * n + j] * a[i * n + j] } }
            if off.squareRoot() <= 1e-14 * norm { break }
            for p in 0..<n - 1 {
                for q in p + 1..<n where a[p * n + q] != 0 {
                    Self.rotate(&a, &v, n: n, p: p, q: q)
                }
            }
        }
        let order = (0..<n).sorted { a[$0 * n + $0] > a[$1 * n + $1] }
        values = order.map { a[$0 * n + $0] }
        vectors = order.map { k in (0..<n).map { v[$0 * n + k] } }
    }

    /// Applies the Jacobi rotation that zeroes `a[p, q]` to `a` (both sides) and accumulates it into `v`.
    private static func rotate(_ a: inout [Double], _ v: inout [Double], n: Int, p: Int, q: Int) {
        let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
        let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot(), s = t * c
        for k in 0..<n {
            let (akp, akq) = (a[k * n + p], a[k * n + q])
            a[k * n + p] = c * akp - s * akq
            a[k * n + q] = s * akp + c * akq
        }
        for k in 0..<n {
            let (apk, aqk) = (a[p * n + k], a[q * n + k])
            a[p * n + k] = c * apk - s * aqk
            a[q * n + k] = s * apk + c * aqk
            let (vkp, vkq) = (v[k * n + p], v[k * n + q])
            v[k * n + p] = c * vkp - s * vkq
            v[k * n + q] = s * vkp + c * vkq
        }
    }
}
