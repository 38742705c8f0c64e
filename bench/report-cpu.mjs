// Preloaded with --import: writes the CPU time the process used (user + system, in µs) to CPU_FILE at exit.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  const { user, system } = process.cpuUsage()
  writeFileSync(process.env.CPU_FILE, String(user + system))
})
