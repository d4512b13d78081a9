import COpenBLAS
import Foundation

/// Makes OpenBLAS use its AVX-512 kernels on AVX-512 CPUs that its runtime detection misses.
///
/// OpenBLAS 0.3.21 (Debian 12) classifies AMD Zen 4/5 as "Haswell" and runs AVX2 kernels, about
/// half as fast there as its "SkylakeX" AVX-512 kernels (measured: sgemm 1024² 110 → 210 GFLOP/s
/// on one core). When the CPU reports AVX-512 F/BW/DQ/VL, OpenBLAS chose an AVX2 core and the user
/// has not set `OPENBLAS_CORETYPE`, this sets `OPENBLAS_CORETYPE=SkylakeX` and re-runs OpenBLAS's
/// own dynamic-architecture initialisation (exported by `DYNAMIC_ARCH` builds), exactly as if the
/// variable had been set at launch. Anything else leaves OpenBLAS untouched.
enum OpenBLASCoreSelection {
    /// Runs the selection once per process; call before a kernel's first GEMM.
    static func selectOnce() {
        _ = selected
    }

    /// The core OpenBLAS runs after the selection.
    static let selected: String = {
        let current = String(cString: openblas_get_corename())
        guard ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
              ["haswell", "zen"].contains(current.lowercased()), cpuHasAVX512(),
              let quit = dlsym(nil, "gotoblas_dynamic_quit"), let initialize = dlsym(nil, "gotoblas_dynamic_init")
        else { return current }
        typealias Routine = @convention(c) () -> Void
        setenv("OPENBLAS_CORETYPE", "SkylakeX", 1)
        unsafeBitCast(quit, to: Routine.self)()
        unsafeBitCast(initialize, to: Routine.self)()
        return String(cString: openblas_get_corename())
    }()

    /// Whether `/proc/cpuinfo` lists the AVX-512 subsets OpenBLAS's SkylakeX kernels use.
    private static func cpuHasAVX512() -> Bool {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return false }
        let present = Set(flags.split(separator: " ").map(String.init))
        return ["avx512f", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(present.contains)
    }
}
