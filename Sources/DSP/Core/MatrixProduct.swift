extension Matrix {
    /// The matrix product `self × other` (`rows × other.columns`), accumulated row by row in `Float`.
    ///
    /// Zero coefficients of `self` are skipped, so banded operators such as mel or chroma
    /// filterbanks cost only their non-zero band; rows are spread over the cores for large products.
    public func multiplied(by other: Matrix) throws -> Matrix {
        guard columns == other.rows else {
            throw DSPError.shapeMismatch("cannot multiply \(rows)×\(columns) by \(other.rows)×\(other.columns)")
        }
        let width = other.columns, inner = columns, count = rows
        var out = [Float](repeating: 0, count: count * width)
        let worthIt = count * inner * width >= 1 << 22
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { out in
                    let o = out.baseAddress!, b = b.baseAddress!
                    Parallel.forEach(count, when: worthIt) { i in
                        let target = o + i * width
                        for k in 0..<inner {
                            let coefficient = a[i * inner + k]
                            if coefficient == 0 { continue }
                            let source = b + k * width
                            for t in 0..<width { target[t] += coefficient * source[t] }
                        }
                    }
                }
            }
        }
        return Matrix(rows: rows, columns: width, values: out)
    }
}
