import Distributed
import XCTest

/// Launcher detection from the environment (MPI itself is exercised by DataParallelTests under mpirun).
final class ProcessGroupTests: XCTestCase {
    func testDetectsOpenMPIAndOtherLaunchersAndHonoursTheOverride() {
        XCTAssertFalse(ProcessGroup.isLaunchedByMPI(environment: ["PATH": "/usr/bin"]))
        XCTAssertTrue(ProcessGroup.isLaunchedByMPI(environment: ["OMPI_COMM_WORLD_SIZE": "4"]))
        XCTAssertTrue(ProcessGroup.isLaunchedByMPI(environment: ["PMI_SIZE": "2"]))
        XCTAssertFalse(ProcessGroup.isLaunchedByMPI(environment: ["OMPI_COMM_WORLD_SIZE": "4", "GENREKIT_MPI": "0"]))
        XCTAssertTrue(ProcessGroup.isLaunchedByMPI(environment: ["GENREKIT_MPI": "1"]))
    }

    func testThreadsPerRankShareTheNodesCoresUnlessGENREKIT_THREADSSays() {
        let job = ["OMPI_COMM_WORLD_SIZE": "8", "OMPI_COMM_WORLD_LOCAL_SIZE": "4"]
        XCTAssertEqual(ProcessGroup.threadsPerLocalRank(environment: job, cores: 16), 4)
        XCTAssertEqual(ProcessGroup.threadsPerLocalRank(environment: job, cores: 2), 1)
        XCTAssertNil(ProcessGroup.threadsPerLocalRank(environment: job.merging(["GENREKIT_THREADS": "2"]) { $1 }, cores: 16))
        XCTAssertNil(ProcessGroup.threadsPerLocalRank(environment: ["OMPI_COMM_WORLD_SIZE": "8", "OMPI_COMM_WORLD_LOCAL_SIZE": "1"], cores: 16))
        XCTAssertNil(ProcessGroup.threadsPerLocalRank(environment: [:], cores: 16))
    }
}
