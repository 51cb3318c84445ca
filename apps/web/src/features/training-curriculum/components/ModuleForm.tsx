import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES, MODULE_LEVELS, ROLE_CODES, SESSION_FORMATS, ZCurriculumModule, type TCurriculumModule, type TModuleInput,
} from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { conflictCurrent } from '../../../lib/conflict.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { LANGUAGE_LABEL } from '../../../lib/language-label.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { roleLabel } from '../../../lib/role-label.ts';
import { FORMAT_LABEL, LEVEL_LABEL } from '../../../lib/training-labels.ts';
import { TRAINING_SESSIONS_KEY } from '../../../lib/training-sessions-key.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { createModule, CURRICULUM_KEY, updateModule, useCompetencies } from '../api/training-curriculum.ts';

const FIELDS = ['code', 'title', 'description', 'level', 'targetGroups', 'formats', 'onlineHours', 'faceToFaceDays', 'validityMonths',
  'completionRule', 'experienceRoute', 'competencies', 'prerequisites'] as const;

/** Blended by default: the shape of the EUAA core modules (ADR 013). */
const BLANK: TModuleInput = {
  code: '', title: { 'es-MX': '', en: '', fr: '' }, description: { 'es-MX': '', en: '', fr: '' }, level: 'core', targetGroups: [],
  formats: ['blended'], onlineHours: 20, faceToFaceDays: 2, validityMonths: null,
  completionRule: { online: true, attendance: true, attendancePct: 80, passMark: 70 }, experienceRoute: null,
  competencies: [], prerequisites: [], active: true,
};

function valuesOf(module: TCurriculumModule): TModuleInput {
  const route = module.experienceRoute;
  return {
    code: module.code, title: module.title, description: module.description, level: module.level,
    targetGroups: module.targetGroups as TModuleInput['targetGroups'], formats: module.formats, onlineHours: module.onlineHours,
    faceToFaceDays: module.faceToFaceDays, validityMonths: module.validityMonths, completionRule: module.completionRule,
    experienceRoute: route ? { roles: route.roles as TModuleInput['targetGroups'], months: route.months, ...(route.activity ? { activity: route.activity } : {}) } : null,
    competencies: module.competencies, prerequisites: module.prerequisites, active: module.active,
  };
}

/** An empty number field means "none" (no expiry, no assessment). */
const numberOrNull = (value: string | number) => (value === '' ? null : Number(value));

interface ModuleFormProps {
  module: TCurriculumModule | null;
  onSaved: (module: TCurriculumModule) => void;
  onCancel: () => void;
}

/** The coordinator's form for one module: create, or change with the version read (409 reloads it). */
export function ModuleForm({ module, onSaved, onCancel }: ModuleFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const competencies = useCompetencies();
  const [values, setValues] = useState<TModuleInput>(() => (module ? valuesOf(module) : BLANK));
  const [version, setVersion] = useState(module?.version ?? 0);
  const save = useMutation({
    mutationFn: (input: TModuleInput) => (module ? updateModule(module.id, { ...input, version }) : createModule(input, keyFor(input))),
    onSuccess: async (saved) => {
      notifySuccess(t('common.saved'));
      await Promise.all([queryClient.invalidateQueries({ queryKey: CURRICULUM_KEY }), queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY })]);
      onSaved(saved);
    },
    onError: (error) => {
      const current = conflictCurrent(error, ZCurriculumModule);
      if (!current) return;
      setValues(valuesOf(current));
      setVersion(current.version);
    },
  });
  const errorOf = useFieldErrorMap(save.error);
  const set = <K extends keyof TModuleInput>(key: K, value: TModuleInput[K]) => setValues((v) => ({ ...v, [key]: value }));
  const rule = values.completionRule;
  const setRule = (change: Partial<typeof rule>) => set('completionRule', { ...rule, ...change });
  const route = values.experienceRoute;
  const competencyOptions = (competencies.data ?? []).map((c) => <Checkbox key={c.code} value={c.code} label={c.title} />);
  const roleOptions = ROLE_CODES.map((code) => <Checkbox key={code} value={code} label={roleLabel(t, code)} />);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(values);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={save.error} fields={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('training.fields.code')} description={t('training.form.codeHint')} required disabled={module !== null} maxLength={10}
            value={values.code} error={errorOf('code')} onChange={(e) => set('code', e.currentTarget.value.toUpperCase())} />
          <NativeSelect label={t('training.fields.level')} required value={values.level} error={errorOf('level')}
            data={MODULE_LEVELS.map((l) => ({ value: l, label: t(LEVEL_LABEL[l]) }))}
            onChange={(e) => set('level', e.currentTarget.value as TModuleInput['level'])} />
        </SimpleGrid>
        {LANGUAGES.map((lang) => (
          <Fieldset key={lang} legend={t(LANGUAGE_LABEL[lang])}>
            <Stack gap="xs">
              <TextInput label={t('training.form.titleIn', { language: t(LANGUAGE_LABEL[lang]) })} required={lang === 'es-MX'}
                value={values.title[lang]} error={errorOf(`title.${lang}`)}
                onChange={(e) => set('title', { ...values.title, [lang]: e.currentTarget.value })} />
              <Textarea label={t('training.form.descriptionIn', { language: t(LANGUAGE_LABEL[lang]) })} autosize minRows={2}
                value={values.description[lang]} error={errorOf(`description.${lang}`)}
                onChange={(e) => set('description', { ...values.description, [lang]: e.currentTarget.value })} />
            </Stack>
          </Fieldset>
        ))}
        <Checkbox.Group label={t('training.fields.formats')} required value={values.formats} error={errorOf('formats')}
          onChange={(v) => set('formats', v as TModuleInput['formats'])}>
          <Group mt={4}>{SESSION_FORMATS.map((f) => <Checkbox key={f} value={f} label={t(FORMAT_LABEL[f])} />)}</Group>
        </Checkbox.Group>
        <Checkbox.Group label={t('training.fields.targetGroups')} value={values.targetGroups} error={errorOf('targetGroups')}
          onChange={(v) => set('targetGroups', v as TModuleInput['targetGroups'])}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt={4}>{roleOptions}</SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label={t('training.fields.onlineHours')} min={0} max={999} decimalScale={1} value={values.onlineHours}
            error={errorOf('onlineHours')} onChange={(v) => set('onlineHours', Number(v) || 0)} />
          <NumberInput label={t('training.fields.faceToFaceDays')} min={0} max={99} step={0.5} decimalScale={1} value={values.faceToFaceDays}
            error={errorOf('faceToFaceDays')} onChange={(v) => set('faceToFaceDays', Number(v) || 0)} />
          <NumberInput label={t('training.fields.validityMonths')} description={t('training.form.validityHint')} min={1} max={240} allowDecimal={false}
            value={values.validityMonths ?? ''} error={errorOf('validityMonths')} onChange={(v) => set('validityMonths', numberOrNull(v))} />
        </SimpleGrid>
        <Fieldset legend={t('training.fields.completionRule')}>
          <Stack gap="xs">
            <Checkbox label={t('training.form.ruleOnline')} checked={rule.online} error={errorOf('completionRule.online')}
              onChange={(e) => setRule({ online: e.currentTarget.checked })} />
            <Checkbox label={t('training.form.ruleAttendance')} checked={rule.attendance}
              onChange={(e) => setRule({ attendance: e.currentTarget.checked })} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput label={t('training.form.attendancePct')} min={0} max={100} allowDecimal={false} disabled={!rule.attendance}
                value={rule.attendancePct} error={errorOf('completionRule.attendancePct')} onChange={(v) => setRule({ attendancePct: Number(v) || 0 })} />
              <NumberInput label={t('training.form.passMark')} description={t('training.form.passMarkHint')} min={0} max={100}
                value={rule.passMark ?? ''} error={errorOf('completionRule.passMark')} onChange={(v) => setRule({ passMark: numberOrNull(v) })} />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Checkbox.Group label={t('training.fields.confers')} value={values.competencies} error={errorOf('competencies')}
          onChange={(v) => set('competencies', v)}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt={4}>{competencyOptions}</SimpleGrid>
        </Checkbox.Group>
        <Checkbox.Group label={t('training.fields.requires')} value={values.prerequisites} error={errorOf('prerequisites')}
          onChange={(v) => set('prerequisites', v)}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt={4}>{competencyOptions}</SimpleGrid>
        </Checkbox.Group>
        <Fieldset legend={t('training.fields.experienceRoute')}>
          <Stack gap="xs">
            <Checkbox label={t('training.form.routeOffered')} checked={route !== null}
              onChange={(e) => set('experienceRoute', e.currentTarget.checked ? { roles: ['eligibility_officer'], months: 6, activity: 'interviewing' } : null)} />
            {route && (
              <>
                <NumberInput label={t('training.form.routeMonths')} min={1} max={240} allowDecimal={false} value={route.months}
                  error={errorOf('experienceRoute.months')} onChange={(v) => set('experienceRoute', { ...route, months: Number(v) || 1 })} />
                <Checkbox.Group label={t('training.form.routeRoles')} value={route.roles} error={errorOf('experienceRoute.roles')}
                  onChange={(v) => set('experienceRoute', { ...route, roles: v as TModuleInput['targetGroups'] })}>
                  <SimpleGrid cols={{ base: 1, sm: 3 }} mt={4}>{roleOptions}</SimpleGrid>
                </Checkbox.Group>
              </>
            )}
          </Stack>
        </Fieldset>
        {module && <Checkbox label={t('training.form.active')} checked={values.active} onChange={(e) => set('active', e.currentTarget.checked)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
