/** The entry point the runner starts for the guard's main step (through dist/guard/index.js). */
import { runGuard } from './main.js'

await runGuard()
