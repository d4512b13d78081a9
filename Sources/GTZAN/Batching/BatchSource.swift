import Foundation
import Tensor

/// A source of mini-batches over indexed items (segments, tracks), iterated epoch by epoch.
public protocol BatchSource: AnyObject, Sendable {
    var batchSize: Int { get }
    /// Batches computed ahead of the consumer.
    var prefetch: Int { get }
    /// Item indices in the order epoch `epoch` visits them.
    func order(epoch: Int) -> [Int]
    /// The batch of `items` as seen in `epoch`.
    func batch(_ items: [Int], epoch: Int) throws -> Batch
}

extension BatchSource {
    /// The batches of epoch `epoch`, computed ahead on a background thread.
    public func epoch(_ epoch: Int) -> BatchIterator {
        BatchIterator(source: self, epoch: epoch)
    }

    /// `0..<count`, shuffled by `SplitMix64(seed: seed, stream: epoch)` when `shuffle` is set.
    public func shuffledOrder(count: Int, shuffle: Bool, seed: UInt64, epoch: Int) -> [Int] {
        var order = Array(0..<count)
        if shuffle {
            var rng = SplitMix64(seed: seed, stream: UInt64(epoch))
            rng.shuffle(&order)
        }
        return order
    }

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
