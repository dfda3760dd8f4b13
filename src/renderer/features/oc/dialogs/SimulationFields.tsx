import type { SimulationRecord } from '../../../../shared/domain';
import { useT } from '../../../app/services';
import { Field, TextArea, TextInput } from '../../../components/Field';

export type SimulationDraft = Record<keyof SimulationRecord, string>;
export const EMPTY_SIMULATION: SimulationDraft = { steps: '', environment: '', evidence: '', expected: '', actual: '' };

/** The same minimums as the shared SimulationRecord schema, with messages for the person filling it in. */
export const simulationErrors = (s: SimulationDraft, lang: 'pt-BR' | 'en'): Partial<Record<keyof SimulationRecord, string>> => {
  const errors: Partial<Record<keyof SimulationRecord, string>> = {};
  const pt = lang === 'pt-BR';
  if (s.steps.trim().length < 10) errors.steps = pt ? 'Descreva os passos (mínimo 10 caracteres).' : 'Describe the steps (at least 10 characters).';
  if (s.environment.trim().length < 3) errors.environment = pt ? 'Informe o ambiente (mínimo 3 caracteres).' : 'Give the environment (at least 3 characters).';
  if (s.expected.trim().length < 3) errors.expected = pt ? 'O que deveria acontecer? (mínimo 3 caracteres)' : 'What should happen? (at least 3 characters)';
  if (s.actual.trim().length < 3) errors.actual = pt ? 'O que acontece? (mínimo 3 caracteres)' : 'What happens? (at least 3 characters)';
  return errors;
};

export const SimulationFields = ({
  value,
  onChange,
  errors,
}: {
  value: SimulationDraft;
  onChange: (value: SimulationDraft) => void;
  errors: Partial<Record<keyof SimulationRecord, string>>;
}) => {
  const { t } = useT();
  const set = (key: keyof SimulationDraft) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange({ ...value, [key]: e.target.value });
  return (
    <div className="form-grid" data-testid="simulation-form">
      <div className="span-2">
        <Field label={t('sim.steps')} hint={t('sim.stepsHint')} error={errors.steps ?? null}>
          {(id, d) => <TextArea id={id} aria-describedby={d} rows={4} value={value.steps} onChange={set('steps')} data-testid="sim-steps" data-autofocus />}
        </Field>
      </div>
      <div className="span-2">
        <Field label={t('sim.environment')} hint={t('sim.environmentHint')} error={errors.environment ?? null}>
          {(id, d) => <TextInput id={id} aria-describedby={d} value={value.environment} onChange={set('environment')} data-testid="sim-environment" />}
        </Field>
      </div>
      <div className="span-2">
        <Field label={t('sim.evidence')} hint={t('sim.evidenceHint')} optional={t('common.optional')}>
          {(id, d) => <TextArea id={id} aria-describedby={d} rows={2} value={value.evidence} onChange={set('evidence')} data-testid="sim-evidence" />}
        </Field>
      </div>
      <Field label={t('sim.expected')} error={errors.expected ?? null}>
        {(id, d) => <TextArea id={id} aria-describedby={d} rows={2} value={value.expected} onChange={set('expected')} data-testid="sim-expected" />}
      </Field>
      <Field label={t('sim.actual')} error={errors.actual ?? null}>
        {(id, d) => <TextArea id={id} aria-describedby={d} rows={2} value={value.actual} onChange={set('actual')} data-testid="sim-actual" />}
      </Field>
    </div>
  );
};

export const toSimulation = (s: SimulationDraft): SimulationRecord => ({
  steps: s.steps.trim(),
  environment: s.environment.trim(),
  evidence: s.evidence.trim(),
  expected: s.expected.trim(),
  actual: s.actual.trim(),
});
