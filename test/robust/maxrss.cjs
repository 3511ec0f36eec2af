// Preloaded (node -r) into a zmqd run by the robustness tests: at exit, the process's peak resident
// memory (KiB) goes to the file named by ZMQD_MAXRSS_FILE. Works where /usr/bin/time is absent.
const file = process.env.ZMQD_MAXRSS_FILE;
if (file) process.on('exit', () => require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS)));
