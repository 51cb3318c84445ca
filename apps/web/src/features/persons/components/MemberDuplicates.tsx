import { useDebouncedValue } from '@mantine/hooks';
import type { TDuplicateCandidate, TDuplicateCheckInput } from '@refugio/domain';
import { DuplicateCandidates } from './DuplicateCandidates.tsx';
import type { PersonDraft } from './PersonFields.tsx';

/** The duplicate check for one person being typed, asked once the typing pauses. */
export function MemberDuplicates({ person, linkedPersonId, onLink, onNotSame }: {
  person: PersonDraft;
  linkedPersonId: string | null;
  onLink: (candidate: TDuplicateCandidate) => void;
  onNotSame: (candidate: TDuplicateCandidate) => void;
}) {
  const input: TDuplicateCheckInput | null = person.givenNames.trim().length < 2 ? null : {
    givenNames: person.givenNames.trim(),
    firstSurname: person.firstSurname.trim() || null,
    secondSurname: person.secondSurname.trim() || null,
    birthDate: person.birthDate || null,
    birthDateEstimated: person.birthDateEstimated,
    nationalities: person.nationalities,
    ...(person.documentNumber.trim() ? { documents: [{ type: person.documentType || 'other', number: person.documentNumber.trim() }] } : {}),
  } as TDuplicateCheckInput;
  const [debounced] = useDebouncedValue(JSON.stringify(input), 600);
  const parsed = JSON.parse(debounced) as TDuplicateCheckInput | null;
  return <DuplicateCandidates person={parsed} linkedPersonId={linkedPersonId} onLink={onLink} onNotSame={onNotSame} headingOrder={3} />;
}
