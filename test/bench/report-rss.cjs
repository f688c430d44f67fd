// Preloaded into each benchmarked child process: its own peak RSS on stderr as it exits.
process.on('exit', () => process.stderr.write(`\nmaxrss ${process.resourceUsage().maxRSS}\n`));
