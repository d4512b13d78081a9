/// librosa's `feature.delta`: the `order`-th derivative along frames by a Savitzky–Golay filter of
/// `width` frames and polynomial order `order` (`scipy.signal.savgol_filter`, `mode="interp"`).
///
/// With `mode="interp"` the edge frames take the derivative of the polynomial fitted to the first
/// (last) `width` frames, which for polynomial order = derivative order is that window's value.
public func delta(_ data: Matrix, width: Int = 9, order: Int = 1) throws -> Matrix {
    guard width >= 3, width % 2 == 1 else {
        throw DSPError.invalidParameter(name: "width", value: "\(width)", requirement: "must be an odd integer >= 3")
    }
    try Validate.positive(order, "order")
    guard order < width else {
        throw DSPError.invalidParameter(name: "order", value: "\(order)", requirement: "must be less than width=\(width)")
    }
    guard width <= data.columns else {
        throw DSPError.invalidParameter(name: "width", value: "\(width)",
                                        requirement: "cannot exceed the number of frames (\(data.columns))")
    }
    let coefficients = savitzkyGolayCoefficients(width: width, order: order)
    let half = width / 2, frames = data.columns
    var out = Matrix(rows: data.rows, columns: frames)
    for r in 0..<data.rows {
        let base = r * frames
        for t in half..<frames - half {
            var sum: Double = 0
            for (j, c) in coefficients.enumerated() { sum += c * Double(data.values[base + t - half + j]) }
            out.values[base + t] = Float(sum)
        }
        for t in 0..<half {
            out.values[base + t] = out.values[base + half]
            out.values[base + frames - 1 - t] = out.values[base + frames - 1 - half]
        }
    }
    return out
}

/// Weights that give the `order`-th derivative at the centre of a least-squares polynomial fit of
/// degree `order` over `width` samples (`scipy.signal.savgol_coeffs(..., use="dot")`).
private func savitzkyGolayCoefficients(width: Int, order: Int) -> [Double] {
    let half = width / 2, size = order + 1
    let positions = (0..<width).map { Double($0 - half) }
    // Normal equations AᵀA · c = e_order · order!, then weights = A · c.
    var normal = [[Double]](repeating: [Double](repeating: 0, count: size), count: size)
    for p in 0..<size { for q in 0..<size { normal[p][q] = positions.reduce(0) { $0 + pow($1, p + q) } } }
    var rhs = [Double](repeating: 0, count: size)
    rhs[order] = (1...max(order, 1)).reduce(1.0) { $0 * Double($1) }
    let solution = solve(normal, rhs)
    return positions.map { x in (0..<size).reduce(0) { $0 + solution[$1] * pow(x, $1) } }
}

/// Integer power of a `Double`.
private func pow(_ base: Double, _ exponent: Int) -> Double {
    (0..<exponent).reduce(1.0) { product, _ in product * base }
}

/// Solves the small symmetric system `matrix · x = rhs` by Gaussian elimination with pivoting.
private func solve(_ matrix: [[Double]], _ rhs: [Double]) -> [Double] {
    var a = matrix, b = rhs
    let n = b.count
    for column in 0..<n {
        let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
        a.swapAt(column, pivot)
        b.swapAt(column, pivot)
        for row in column + 1..<n {
            let factor = a[row][column] / a[column][column]
            for k in column..<n { a[row][k] -= factor * a[column][k] }
            b[row] -= factor * b[column]
        }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
        let tail = (row + 1..<n).reduce(0.0) { $0 + a[row][$1] * x[$1] }
        x[row] = (b[row] - tail) / a[row][row]
    }
    return x
}
