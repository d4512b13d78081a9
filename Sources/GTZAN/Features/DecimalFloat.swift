/// Exact decimal-to-`Float` conversion for the short numbers of feature tables, without `strtof`.
///
/// Clinger's fast path: a decimal with at most 15 significant digits and a power of ten of at most 22 is
/// one correctly rounded `Double` operation away from its value. Rounding that `Double` to `Float` is
/// then exact too, unless it landed exactly halfway between two floats (the decimal may lie on either
/// side of that midpoint); those, and every other input, are left to the caller (`nil`).
enum DecimalFloat {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// The value of `text` (`[+-]digits[.digits][(e|E)[+-]digits]`), or nil when it is not of that form
    /// or not exactly convertible by the fast path.
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Float? {
        var index = 0
        let negative = text.first == UInt8(ascii: "-")
        if negative || text.first == UInt8(ascii: "+") { index += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var sawDigit = false
        var sawPoint = false
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else if byte &- UInt8(ascii: "0") < 10 {
                sawDigit = true
                if mantissa > 0 || byte != UInt8(ascii: "0") { digits += 1 }
                guard digits <= 15 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte &- UInt8(ascii: "0"))
                if sawPoint { scale -= 1 }
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        if index < text.count {
            guard text[index] | 0x20 == UInt8(ascii: "e"), let exponent = exponent(text, from: index + 1) else { return nil }
            scale += exponent
        }
        guard abs(scale) < powersOfTen.count else { return nil }
        let magnitude = scale < 0 ? Double(mantissa) / powersOfTen[-scale] : Double(mantissa) * powersOfTen[scale]
        guard !isUnsafeToNarrow(magnitude) else { return nil }
        return Float(negative ? -magnitude : magnitude)
    }

    /// The signed decimal exponent filling `text[start...]`, or nil.
    private static func exponent(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        let negative = index < text.count && text[index] == UInt8(ascii: "-")
        if index < text.count, negative || text[index] == UInt8(ascii: "+") { index += 1 }
        guard index < text.count, text.count - index <= 4 else { return nil }
        var value = 0
        while index < text.count {
            let digit = text[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// Whether `value` lies exactly halfway between two adjacent `Float`s, or outside the normal
    /// `Float` range (where the midpoint test below does not hold).
    private static func isUnsafeToNarrow(_ value: Double) -> Bool {
        guard value != 0 else { return false }
        guard value >= Double(Float.leastNormalMagnitude), value <= Double(Float.greatestFiniteMagnitude) else { return true }
        // A double has 52 fraction bits, a float 23: the 29 dropped bits are exactly 1 followed by zeros.
        return value.bitPattern & 0x1FFF_FFFF == 0x1000_0000
    }
}
