import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TEnrolResult } from '@refugio/domain';

/** What an enrolment did: places, waiting list, people already in, and each refusal with its reason. */
export function EnrolResultStatus({ result, children }: { result: TEnrolResult; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} role="status">
      <Text size="sm">{t('trainingSessions.enrol.result', { enrolled: result.enrolled, waitlisted: result.waitlisted, already: result.alreadyEnrolled })}</Text>
      {result.refused.map((r) => (
        <Text key={r.userId} size="sm" c="red.9">
          {r.reason === 'prerequisites'
            ? t('trainingSessions.enrol.refusedPrerequisites', { name: r.fullName, missing: r.missing.join(', ') })
            : t('trainingSessions.enrol.refusedNotStaff', { name: r.fullName || r.userId })}
        </Text>
      ))}
      {children}
    </Stack>
  );
}
