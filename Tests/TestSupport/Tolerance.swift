import XCTest

/// The largest absolute difference between two equally long arrays.
public func maxAbsDifference(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count, "length mismatch \(a.count) vs \(b.count)")
    var worst: Float = 0
    for i in a.indices { worst = max(worst, abs(a[i] - b[i])) }
    return worst
}

/// Asserts `actual ≈ expected` elementwise: |a − e| ≤ atol + rtol·|e|, or, with `relativeToMax`,
/// |a − e| ≤ rtol·max|e| (the tolerance used for spectrogram-like arrays).
public func assertClose(
    _ actual: [Float], _ expected: [Float],
    rtol: Float = 1e-5, atol: Float = 0, relativeToMax: Bool = false,
    _ message: @autoclosure () -> String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    guard actual.count == expected.count else {
        XCTFail("count \(actual.count) != expected \(expected.count) \(message())", file: file, line: line)
        return
    }
    let scale = relativeToMax ? expected.reduce(Float(0)) { max($0, abs($1)) } : 0
    var worstIndex = -1
    var worstExcess: Float = 0
    for i in actual.indices {
        let allowed = relativeToMax ? atol + rtol * scale : atol + rtol * abs(expected[i])
        let diff = abs(actual[i] - expected[i])
        if !(diff <= allowed) {
            let excess = diff.isNaN ? .infinity : diff - allowed
            if worstIndex < 0 || excess > worstExcess { worstIndex = i; worstExcess = excess }
        }
    }
    if worstIndex >= 0 {
        XCTFail("""
            not close at [\(worstIndex)]: \(actual[worstIndex]) vs \(expected[worstIndex]) \
            (max abs diff \(maxAbsDifference(actual, expected)), rtol \(rtol), atol \(atol)) \(message())
            """, file: file, line: line)
    }
}
