/** The entry point the runner starts for the guard's post step (through dist/guard/post/index.js). */
import { runGuardPost } from './post-main.js'

await runGuardPost()
