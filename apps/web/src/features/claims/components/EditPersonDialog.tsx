import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TPerson } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { personInput, PersonFields, type PersonDraft } from '../../persons/index.ts';
import { CLAIMS_KEY, updatePerson } from '../api/claims.ts';

function draftOf(person: TPerson): PersonDraft {
  const [document] = person.documents;
  return {
    givenNames: person.givenNames, firstSurname: person.firstSurname ?? '', secondSurname: person.secondSurname ?? '',
    sex: person.sex ?? '', genderIdentity: person.genderIdentity ?? '', birthDate: person.birthDate ?? '',
    birthDateEstimated: person.birthDateEstimated, nationalities: person.nationalities, languages: person.languages,
    needsInterpreter: person.needsInterpreter, phone: person.phone ?? '', documentType: document?.type ?? '',
    documentNumber: document?.number ?? '',
  };
}

/**
 * Corrects one person's data from the claim page. The form edits the first identity document;
 * the others are sent back unchanged. Gender identity is offered only to those who may read the
 * claim's sensitive fields (otherwise it is left out of the request: a hidden value is never overwritten).
 */
export function EditPersonDialog({ claimId, person, withGenderIdentity, onClose }: {
  claimId: string; person: TPerson; withGenderIdentity: boolean; onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(person));
  const save = useMutation({
    mutationFn: () => {
      const input = personInput(draft, withGenderIdentity);
      const edited = input.documents as TPerson['documents'];
      const documents = [...edited.map((d) => ({ ...d, issuingCountry: person.documents[0]?.issuingCountry ?? d.issuingCountry })),
        ...person.documents.slice(1)];
      return updatePerson(claimId, person.id, { ...input, documents, version: person.version });
    },
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: CLAIMS_KEY }); onClose(); },
    // Someone else changed the person meanwhile: reload what they saved, keep the dialog open.
    onError: (error) => { if (isApiError(error, 'VERSION_CONFLICT')) void queryClient.invalidateQueries({ queryKey: CLAIMS_KEY }); },
  });
  const errorOf = useFieldErrorMap(save.error);
  const name = [person.givenNames, person.firstSurname, person.secondSurname].filter(Boolean).join(' ');

  return (
    <FormModal opened onClose={onClose} size="xl" title={t('intake.editPerson.title', { name })}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          <Text size="sm" c="dimmed">{t('intake.editPerson.hint')}</Text>
          <ErrorAlert error={save.error} />
          <PersonFields legend={t('intake.editPerson.legend')} value={draft} onChange={setDraft} errorOf={errorOf}
            withGenderIdentity={withGenderIdentity} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('intake.editPerson.save')}</Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
