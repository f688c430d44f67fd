// Preloaded into each benchmarked child process: its own peak RSS and CPU time on stderr as it exits.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nmaxrss ${usage.maxRSS} cpu ${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
});
