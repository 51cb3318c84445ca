import { Alert, Button, Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface RecoveryCodesProps {
  codes: string[];
  onDone: () => void;
}

/** The recovery codes, shown once: to write down or download before leaving the page. */
export function RecoveryCodes({ codes, onDone }: RecoveryCodesProps) {
  const { t } = useTranslation();
  const download = () => {
    const text = `${t('account.recovery.fileHeading')}\n\n${codes.join('\n')}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'refugio-codigos-de-recuperacion.txt';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack>
      <Alert color="yellow" title={t('account.recovery.title')}>{t('account.recovery.explain')}</Alert>
      <SimpleGrid cols={2} component="ol" aria-label={t('account.recovery.title')} style={{ paddingLeft: 24 }}>
        {codes.map((code) => <li key={code}><Code fz="md">{code}</Code></li>)}
      </SimpleGrid>
      <Text size="sm">{t('account.recovery.once')}</Text>
      <Group>
        <Button variant="default" onClick={download}>{t('account.recovery.download')}</Button>
        <Button onClick={onDone}>{t('account.recovery.saved')}</Button>
      </Group>
    </Stack>
  );
}
