import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TGuide } from '@refugio/domain';
import { LANGUAGE_LABEL } from '../../../lib/language-label.ts';
import { guideFileUrl } from '../api/training-curriculum.ts';

/** A guide version: its PDF to download, or its page on another site (opened in a new tab). */
export function GuideLink({ guide }: { guide: TGuide }) {
  const { t } = useTranslation();
  const meta = t('training.guides.versionMeta', { language: t(LANGUAGE_LABEL[guide.language]), version: guide.version });
  return (
    <Text size="sm" component="span">
      {guide.kind === 'file'
        ? <Anchor href={guideFileUrl(guide.id)} download>{t('training.guides.downloadPdf', { title: guide.title })}</Anchor>
        : <Anchor href={guide.url ?? undefined} target="_blank" rel="noopener noreferrer">{t('training.guides.openLink', { title: guide.title })}</Anchor>}
      {' '}({meta})
    </Text>
  );
}
