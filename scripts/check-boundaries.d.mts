// Types of check-boundaries.mjs, for the test that runs it in-process.
export interface BoundaryViolation {
  /** Repository-relative path of the importing file. */
  file: string;
  /** 1-based line of the import. */
  line: number;
  message: string;
}

export function checkBoundaries(options: { root: string; only?: 'web' | 'domain' }): BoundaryViolation[];
