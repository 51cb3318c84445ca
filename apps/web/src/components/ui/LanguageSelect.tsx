import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from '@refugio/domain';
import { changeLanguage, currentLanguage } from '../../lib/i18n.ts';

interface LanguageSelectProps {
  /** Runs after the UI switched, e.g. to save the choice on the account. */
  onChanged?: (language: Language) => void;
}

/** A native select: every browser, screen reader and test driver knows how to operate it. */
export function LanguageSelect({ onChanged }: LanguageSelectProps) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('common.language')}
      value={currentLanguage()}
      data={LANGUAGES.map((lng) => ({ value: lng, label: t(`common.languages.${lng}`) }))}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (!isLanguage(value)) return;
        void changeLanguage(value).then(() => onChanged?.(value));
      }}
      size="xs"
      styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { marginBottom: 0 } }}
    />
  );
}
