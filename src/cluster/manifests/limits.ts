/**
 * Bounds that keep whatever a person drops from freezing or crashing the page. Each is far above what
 * a real manifest needs; each failure names the bound it hit.
 */

/** Largest manifest accepted, in UTF-8 bytes: 3 MiB (a generous multiple of the 1.5 MiB etcd object limit). */
export const MAX_MANIFEST_BYTES = 3 * 1024 * 1024;

/** Most entries (objects, List items and failed documents) one parse returns. */
export const MAX_DOCUMENTS = 1000;

/**
 * Deepest nesting of mappings and sequences accepted. Real manifests (CRD schemas included) stay well
 * under 100; the yaml composer overflows the call stack somewhere near 800, and browsers may give
 * workers less stack than Node, so this keeps a wide margin.
 */
export const MAX_DEPTH = 200;

/**
 * Most nodes one document may produce by expanding aliases. A "billion laughs" document stops here
 * after a few milliseconds instead of building 10^9 nodes.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/** Longest stretch of an object echoed back inside a message (kubectl echoes it whole). */
export const MAX_ECHO_CHARS = 500;
