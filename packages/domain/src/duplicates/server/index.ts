// Public server surface of the duplicates feature: candidates explained per field, merges.
export * from './find-duplicate-candidates.ts';
export * from './merge-persons.ts';
