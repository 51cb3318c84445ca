export { useDuplicateCheck, recordNotDuplicate } from './api/persons.ts';
export { DuplicateCandidates, type DuplicateCandidatesProps } from './components/DuplicateCandidates.tsx';
export { PersonMergesPage } from './components/PersonMergesPage.tsx';
