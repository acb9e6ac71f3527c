// Preloaded into a server when profiling (--profile): --cpu-prof writes its
// profile only on a normal exit, so a SIGTERM that the server does not handle
// itself ends it with process.exit after a grace period instead.
process.on('SIGTERM', () => setTimeout(() => process.exit(0), 1000));
