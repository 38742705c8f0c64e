// Preloaded with --import: writes the process's peak resident memory (KiB) to PEAK_MEMORY_FILE at exit.
import { writeFileSync } from 'node:fs'

process.on('exit', () => writeFileSync(process.env.PEAK_MEMORY_FILE, String(process.resourceUsage().maxRSS)))
