import Foundation
import Tensor

extension BatchSource {
    /// A `[items.count] + shape` tensor whose i-th slice is `values(items[i])`, filled by `workers` threads.
    /// - Throws: the first error of `values`, or `GTZANError.invalidParameter` for a slice of the wrong size.
    func fillTensor(items: [Int], shape: [Int], workers: Int,
                    values: @escaping (Int) throws -> [Float]) throws -> Tensor {
        let size = shape.reduce(1, *)
        var failure: Error?
        let lock = NSLock()
        let tensor = Tensor(shape: [items.count] + shape) { buffer in
            let base = buffer.baseAddress!
            let fill = { (position: Int) in
                do {
                    let slice = try values(items[position])
                    guard slice.count == size else {
                        throw GTZANError.invalidParameter("item \(items[position])", reason: "\(slice.count) values, expected \(shape)")
                    }
                    slice.withUnsafeBufferPointer { (base + position * size).update(from: $0.baseAddress!, count: size) }
                } catch {
                    (base + position * size).update(repeating: 0, count: size)
                    lock.lock(); failure = failure ?? error; lock.unlock()
                }
            }
            if workers > 1 {
                DispatchQueue.concurrentPerform(iterations: items.count, execute: fill)
            } else {
                items.indices.forEach(fill)
            }
        }
        if let failure { throw failure }
        return tensor
    }
}
