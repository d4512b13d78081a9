// Filling a buffer from a parallel loop through `SharedPointer` (its doc comment).
// snippet.hide
import ConcurrencySupport
import Dispatch
let count = 1000
func f(_ index: Int) -> Float { Float(index) * 0.5 }
var values = [Float](repeating: 0, count: count)
values.withUnsafeMutableBufferPointer { pointer in
    let buffer = pointer.baseAddress
// snippet.show
let out = SharedPointer(buffer)
DispatchQueue.concurrentPerform(iterations: count) { index in out[index] = f(index) }
// snippet.hide
}
precondition(values[999] == 499.5)
