import ConcurrencySupport
import Foundation
import Tensor

extension BatchSource {
    /// A `[items.count] + shape` tensor whose i-th slice is `values(items[i])`, filled by `workers` threads.
    /// - Throws: the first error of `values`, or `GTZANError.invalidParameter` for a slice of the wrong size.
    func fillTensor(items: [Int], shape: [Int], workers: Int,
                    values: @escaping @Sendable (Int) throws -> [Float]) throws -> Tensor {
        let size = shape.reduce(1, *)
        var failures = [Error?](repeating: nil, count: items.count)
        let tensor = failures.withUnsafeMutableBufferPointer { failures in
            Tensor(shape: [items.count] + shape) { buffer in
                let (base, errors) = (SharedPointer(buffer), SharedPointer(failures))
                let fill = { @Sendable (position: Int) in
                    let slot = base.pointer + position * size
                    do {
                        let slice = try values(items[position])
                        guard slice.count == size else {
                            throw GTZANError.invalidParameter("item \(items[position])", reason: "\(slice.count) values, expected \(shape)")
                        }
                        slice.withUnsafeBufferPointer { slot.update(from: $0.baseAddress!, count: size) }
                    } catch {
                        slot.update(repeating: 0, count: size)
                        errors[position] = error
                    }
                }
                if workers > 1 {
                    DispatchQueue.concurrentPerform(iterations: items.count, execute: fill)
                } else {
                    items.indices.forEach(fill)
                }
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        return tensor
    }
}
