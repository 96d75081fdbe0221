/** Types for scripts/build-if-stale.mjs (plain JavaScript: it runs before anything is compiled). */
export declare const BUILD_INPUTS: string[];
export declare const BUILD_OUTPUTS: string[];
/** Where the build's stamp lives. */
export declare function stampFile(root: string): string;
/** A hash of every build input's relative path and contents, in a stable order. */
export declare function hashBuildInputs(root: string): string;
/** Why the build must run, or undefined when it is up to date. */
export declare function findStaleReason(root: string): string | undefined;
/** Records the inputs as they are now as built. */
export declare function writeStamp(root: string): void;
