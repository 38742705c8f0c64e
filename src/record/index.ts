/** The entry point the runner starts for the record step (through dist/record/index.js). */
import { runRecord } from './main.js'

await runRecord()
