/** The entry point the runner starts (through dist/index.js). */
import { run } from './main.js'

await run()
