// Open MPI's C API (Debian libopenmpi-dev, pkg-config ompi-c) for the Distributed module.
// MPI_COMM_WORLD, the datatypes, the operations and MPI_IN_PLACE are macros over addresses of
// library globals, which Swift cannot import: these inline functions hand them over.
#include <mpi.h>

static inline MPI_Comm cmpi_comm_world(void) { return MPI_COMM_WORLD; }
static inline MPI_Datatype cmpi_float(void) { return MPI_FLOAT; }
static inline MPI_Datatype cmpi_double(void) { return MPI_DOUBLE; }
static inline MPI_Datatype cmpi_byte(void) { return MPI_BYTE; }
static inline MPI_Datatype cmpi_int32(void) { return MPI_INT32_T; }
static inline MPI_Datatype cmpi_int64(void) { return MPI_INT64_T; }
static inline MPI_Op cmpi_sum(void) { return MPI_SUM; }
static inline MPI_Op cmpi_max(void) { return MPI_MAX; }
static inline void *cmpi_in_place(void) { return MPI_IN_PLACE; }
static inline MPI_Errhandler cmpi_errors_return(void) { return MPI_ERRORS_RETURN; }
