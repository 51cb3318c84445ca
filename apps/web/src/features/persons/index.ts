// Public surface of the persons feature: a person's identity fields, the duplicate check while
// they are typed, and the merges page.
export { recordNotDuplicate } from './api/persons.ts';
export { MemberDuplicates } from './components/MemberDuplicates.tsx';
export { EMPTY_PERSON, PersonFields, personInput, type PersonDraft } from './components/PersonFields.tsx';
export { PersonMergesPage } from './components/PersonMergesPage.tsx';
