import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StepCode } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { useNextSteps } from '../api/procedure.ts';

interface ConfirmStepDialogProps {
  claimId: string;
  version: number;
  /** The step about to be taken; null keeps the dialog closed. */
  step: StepCode | null;
  /** The button's words ("Admitir"), repeated on the confirming button. */
  actionLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * A legal act is confirmed before it is recorded: the dialog says what will happen and what the
 * step sets off (clocks started or stopped, notices), from the same registry that performs it
 * (ADR 019), so the sentence cannot drift from the behaviour.
 */
export function ConfirmStepDialog({ claimId, version, step, actionLabel, pending, error, onConfirm, onClose }: ConfirmStepDialogProps) {
  const { t } = useTranslation();
  const steps = useNextSteps(claimId, version);
  const next = steps.data?.steps.find((s) => s.step === step);
  const effects = next?.effects ?? [];
  return (
    <Modal opened={step !== null} onClose={onClose} title={t('procedure.confirm.title', { action: actionLabel })}
      closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text>{t('procedure.confirm.intro', { step: step ? t(`procedure.steps.${step}`) : '' })}</Text>
        {/* Where the claim will stand: for a reopening, the status it was closed from (ADR 050). */}
        {next?.to && next.to !== steps.data?.status && <Text>{t('procedure.confirm.returnsTo', { status: t(`intake.statuses.${next.to}`) })}</Text>}
        {effects.length > 0 && (
          <>
            <Text fw={600}>{t('procedure.confirm.effects')}</Text>
            <List spacing={4}>
              {effects.map((effect) => (
                <List.Item key={effect.code}><Text size="sm"><strong>{effect.title}.</strong> {effect.description}</Text></List.Item>
              ))}
            </List>
          </>
        )}
        <Text size="sm" c="dimmed">{t('procedure.confirm.recorded')}</Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={pending} onClick={onConfirm}>{actionLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
