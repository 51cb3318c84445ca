import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface OneTimePasswordModalProps {
  credentials: { username: string; password: string } | null;
  onClose: () => void;
}

/** The generated password is shown this once; the server keeps only its hash. */
export function OneTimePasswordModal({ credentials, onClose }: OneTimePasswordModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={credentials !== null} onClose={onClose} title={t('users.oneTimePassword.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {credentials && (
        <Stack>
          <Alert color="yellow">{t('users.oneTimePassword.warning')}</Alert>
          <Text><strong>{t('users.fields.username')}:</strong> {credentials.username}</Text>
          <Text id="one-time-password-label" fw={600}>{t('users.oneTimePassword.password')}</Text>
          <Code block fz="lg" aria-labelledby="one-time-password-label" data-testid="one-time-password">{credentials.password}</Code>
          <Group justify="space-between">
            <CopyButton value={credentials.password}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>{copied ? t('common.copied') : t('common.copy')}</Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('users.oneTimePassword.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
