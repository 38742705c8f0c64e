/** Where `npm run bundle` writes the hash of the sources it built dist/ from. */
export const HASH_FILE: string
/** The SHA-256 of what the bundles are built from (src/, tsconfig.json, package-lock.json). */
export function sourcesHash(): string
