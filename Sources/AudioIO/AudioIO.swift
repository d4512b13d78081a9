// AudioIO: see the module's files. This file holds the module-level documentation.
