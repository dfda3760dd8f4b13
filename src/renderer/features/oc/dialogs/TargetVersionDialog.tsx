import { useMemo, useState } from 'react';
import type { OcDetail } from '../../../../shared/api/views';
import { isTargetable, mondaysFrom, normalizeVersion, VersionLabel } from '../../../../shared/domain';
import { can } from '../../../../shared/oc/permissions';
import { mondayOf } from '../../../../shared/mutators/planned-version';
import { useServices, useSession, useT } from '../../../app/services';
import { Field, FormError, Select, TextInput } from '../../../components/Field';
import { Modal } from '../../../components/Modal';
import { DISPLAY_TIME_ZONE, formatIsoDate } from '../../../lib/format';
import { useDraft } from '../use-draft';
import { DialogFooter } from './DialogFooter';
import { useOcAction } from './use-oc-action';

const PROPOSE = '__propose__';

/**
 * The fix version of an OC, chosen among the planned versions (issue 13: typed free, "2026.12.7" and
 * "2026.12.07" became two versions and an OC waited forever). A version already released solves the OC at once;
 * one development named that nobody planned yet is proposed here (a lead's is planned) and targeted in one step.
 */
export const TargetVersionDialog = ({ detail, onClose }: { detail: OcDetail; onClose: () => void }) => {
  const { t, lang } = useT();
  const { api, clock } = useServices();
  const me = useSession((s) => s.analyst);
  const planned = useSession((s) => s.directory.plannedVersions);
  const releases = useSession((s) => s.directory.releases);
  // A key of its own: a draft of the old free-text field (a string) under the old key would not fit this form.
  const [draft, setDraft, clear] = useDraft<{ version: string; number: string; date: string }>(`oc:${detail.oc.id}:target-version`, { version: detail.oc.targetVersion ?? '', number: '', date: '' });
  const { run, error, setError, busy } = useOcAction();
  const [proposing, setProposing] = useState(false);
  const mondays = useMemo(() => mondaysFrom(mondayOf(clock.read(), DISPLAY_TIME_ZONE), 13), [clock]);
  const open = useMemo(() => planned.filter(isTargetable).sort((a, b) => a.plannedFor.localeCompare(b.plannedFor) || a.version.localeCompare(b.version)), [planned]);
  const released = useMemo(() => releases.filter((r) => !open.some((v) => v.version === r.version)), [releases, open]);
  const choice = draft.version === PROPOSE ? PROPOSE : normalizeVersion(draft.version);
  const releasedChoice = released.find((r) => r.version === choice);
  const lead = me !== null && can(me, 'configure');
  const date = draft.date === '' ? (mondays[1] ?? '') : draft.date;

  const confirm = async (): Promise<void> => {
    let version = choice;
    if (version === PROPOSE) {
      const parsed = VersionLabel.safeParse(draft.number);
      if (!parsed.success) return setError(lang === 'pt-BR' ? 'Número de versão inválido: use, por exemplo, 2026.12.07.' : 'Invalid version number: use e.g. 2026.12.07.');
      setProposing(true);
      const proposed = await api.call('version.plan', { version: parsed.data, plannedFor: date });
      setProposing(false);
      if (!proposed.ok) return setError(proposed.error.message[lang]);
      version = parsed.data;
    } else if (version === '' || (!open.some((v) => v.version === version) && releasedChoice === undefined)) {
      return setError(t('version.choose'));
    }
    const done = releasedChoice !== undefined && choice === version ? 'action.done.versionSolved' : 'action.done.version';
    if (await run('oc.setTargetVersion', { ocId: detail.oc.id, version }, done, { number: detail.displayNumber, version })) {
      clear();
      onClose();
    }
  };
  return (
    <Modal title={t('version.title', { number: detail.displayNumber })} subtitle={t('version.sub')} onClose={onClose} width={520} testId="version-dialog"
      footer={<DialogFooter onClose={onClose} onConfirm={() => void confirm()} label={t('version.confirm')} busy={busy || proposing} testId="version-confirm" />}>
      <div className="stack">
        <FormError message={error} />
        {open.length === 0 ? <p className="muted" data-testid="version-none">{t('version.none')}</p> : null}
        <Field label={t('version.label')}>
          {(id) => (
            <Select id={id} value={choice} onChange={(e) => setDraft({ ...draft, version: e.target.value })} data-testid="version-select">
              <option value="">{t('version.pick')}</option>
              {open.length === 0 ? null : (
                <optgroup label={t('version.planned')}>
                  {open.map((v) => (
                    <option key={v.id} value={v.version}>
                      {t(v.status === 'proposta' ? 'version.optionProposed' : 'version.option', { version: v.version, date: formatIsoDate(v.plannedFor, lang) })}
                    </option>
                  ))}
                </optgroup>
              )}
              {released.length === 0 ? null : (
                <optgroup label={t('version.released')}>
                  {released.map((r) => <option key={r.id} value={r.version}>{r.version}</option>)}
                </optgroup>
              )}
              <option value={PROPOSE}>{t('version.proposeOption')}</option>
            </Select>
          )}
        </Field>
        {releasedChoice === undefined ? null : <p className="notice-line" data-testid="version-released-note">{t('version.releasedNote', { version: releasedChoice.version })}</p>}
        {choice !== PROPOSE ? null : (
          <div className="form-grid">
            <Field label={t('version.newNumber')}>
              {(id) => <TextInput id={id} value={draft.number} placeholder="2026.12.07" onChange={(e) => setDraft({ ...draft, number: e.target.value })} data-testid="version-new-number" autoFocus />}
            </Field>
            <Field label={t('version.newDate')} hint={t(lead ? 'version.proposeHintLead' : 'version.proposeHintN2')}>
              {(id, d) => (
                <Select id={id} aria-describedby={d} value={date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} data-testid="version-new-date">
                  {mondays.map((m) => <option key={m} value={m}>{formatIsoDate(m, lang)}</option>)}
                </Select>
              )}
            </Field>
          </div>
        )}
      </div>
    </Modal>
  );
};
