import { Checkbox, Fieldset, MultiSelect, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS, SEXES } from '@refugio/domain';
import { countryOptions, languageOptions } from '../../../lib/countries.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { DOCUMENT_TYPE_LABEL, SEX_LABEL } from './labels.ts';

export interface PersonDraft {
  givenNames: string;
  firstSurname: string;
  secondSurname: string;
  sex: string;
  genderIdentity: string;
  birthDate: string;
  birthDateEstimated: boolean;
  nationalities: string[];
  languages: string[];
  needsInterpreter: boolean;
  phone: string;
  documentType: string;
  documentNumber: string;
}

export const EMPTY_PERSON: PersonDraft = {
  givenNames: '', firstSurname: '', secondSurname: '', sex: '', genderIdentity: '', birthDate: '', birthDateEstimated: false,
  nationalities: [], languages: [], needsInterpreter: false, phone: '', documentType: '', documentNumber: '',
};

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** The API's person input from the form (empty strings become nulls). */
export function personInput(p: PersonDraft, withGenderIdentity: boolean): Record<string, unknown> {
  return {
    givenNames: p.givenNames.trim(), firstSurname: orNull(p.firstSurname), secondSurname: orNull(p.secondSurname),
    sex: orNull(p.sex), birthDate: orNull(p.birthDate), birthDateEstimated: p.birthDateEstimated,
    nationalities: p.nationalities, languages: p.languages, needsInterpreter: p.needsInterpreter, phone: orNull(p.phone),
    documents: p.documentNumber.trim() ? [{ type: p.documentType || 'other', number: p.documentNumber.trim(), issuingCountry: p.nationalities[0] ?? null }] : [],
    ...(withGenderIdentity ? { genderIdentity: orNull(p.genderIdentity) } : {}),
  };
}

const DOCUMENT_TYPES = ['passport', 'national_id', 'birth_certificate', 'travel_document', 'inm_document', 'other'] as const;

interface PersonFieldsProps {
  legend: string;
  value: PersonDraft;
  onChange: (value: PersonDraft) => void;
  /** Field error for a path under this person (`givenNames`, `birthDate`…). */
  errorOf: (field: string) => string | undefined;
  /** COMAR registration records the (sensitive) gender identity; first contact does not ask. */
  withGenderIdentity?: boolean;
  /** One column (phones). */
  compact?: boolean;
}

/** One person's identity, in the order people give it at a counter. */
export function PersonFields({ legend, value, onChange, errorOf, withGenderIdentity = false, compact = false }: PersonFieldsProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const set = <K extends keyof PersonDraft>(key: K, v: PersonDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <Fieldset legend={legend}>
      <SimpleGrid cols={compact ? 1 : { base: 1, sm: 3 }}>
        <TextInput label={t('intake.person.givenNames')} required maxLength={LIMITS.nameMax} autoComplete="off"
          value={value.givenNames} onChange={(e) => set('givenNames', e.currentTarget.value)} error={errorOf('givenNames')} />
        <TextInput label={t('intake.person.firstSurname')} maxLength={LIMITS.nameMax} autoComplete="off"
          value={value.firstSurname} onChange={(e) => set('firstSurname', e.currentTarget.value)} error={errorOf('firstSurname')} />
        <TextInput label={t('intake.person.secondSurname')} maxLength={LIMITS.nameMax} autoComplete="off"
          value={value.secondSurname} onChange={(e) => set('secondSurname', e.currentTarget.value)} error={errorOf('secondSurname')} />
        <NativeSelect label={t('intake.person.sex')} value={value.sex} error={errorOf('sex')}
          data={[{ value: '', label: t('common.choose') }, ...SEXES.map((s) => ({ value: s, label: t(labelKey(SEX_LABEL, s)) }))]}
          onChange={(e) => set('sex', e.currentTarget.value)} />
        <TextInput type="date" label={t('intake.person.birthDate')} value={value.birthDate} error={errorOf('birthDate')}
          onChange={(e) => set('birthDate', e.currentTarget.value)} />
        <Checkbox mt={compact ? 0 : 'xl'} label={t('intake.person.birthDateEstimated')} checked={value.birthDateEstimated}
          onChange={(e) => set('birthDateEstimated', e.currentTarget.checked)} />
        <MultiSelect label={t('intake.person.nationalities')} data={countryOptions(language)} searchable maxValues={5}
          value={value.nationalities} onChange={(v) => set('nationalities', v)} error={errorOf('nationalities')} />
        <MultiSelect label={t('intake.person.languages')} data={languageOptions(t, language)} searchable maxValues={10}
          value={value.languages} onChange={(v) => set('languages', v)} error={errorOf('languages')} />
        <Checkbox mt={compact ? 0 : 'xl'} label={t('intake.person.needsInterpreter')} checked={value.needsInterpreter}
          onChange={(e) => set('needsInterpreter', e.currentTarget.checked)} />
        <NativeSelect label={t('intake.person.documentType')} value={value.documentType}
          data={[{ value: '', label: t('common.choose') }, ...DOCUMENT_TYPES.map((d) => ({ value: d, label: t(labelKey(DOCUMENT_TYPE_LABEL, d)) }))]}
          onChange={(e) => set('documentType', e.currentTarget.value)} />
        <TextInput label={t('intake.person.documentNumber')} maxLength={64} autoComplete="off" value={value.documentNumber}
          onChange={(e) => set('documentNumber', e.currentTarget.value)} error={errorOf('documents')} />
        <TextInput type="tel" label={t('intake.person.phone')} maxLength={40} autoComplete="off" value={value.phone}
          onChange={(e) => set('phone', e.currentTarget.value)} error={errorOf('phone')} />
        {withGenderIdentity && (
          <TextInput label={t('intake.person.genderIdentity')} description={t('intake.person.genderIdentityHint')} maxLength={100}
            autoComplete="off" value={value.genderIdentity} onChange={(e) => set('genderIdentity', e.currentTarget.value)}
            error={errorOf('genderIdentity')} />
        )}
      </SimpleGrid>
    </Fieldset>
  );
}
