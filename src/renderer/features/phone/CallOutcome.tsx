import { useState } from 'react';
import type { CustomerCard, QueueRow } from '../../../shared/api/views';
import { CRITICIDADES, CRITICIDADE_LABELS, OC_KINDS, KIND_LABELS, type Criticidade, type OcKind } from '../../../shared/domain';
import { usePhone, useServices, useSession, useT } from '../../app/services';
import { Button } from '../../components/Button';
import { Field, FormError, Select, TextArea, TextInput } from '../../components/Field';
import { Tabs } from '../../components/Tabs';
import { useDraft } from '../oc/use-draft';
import { CallDirectionField, type CallDirection } from '../oc/CallDirectionField';
import { waitForOcNumber } from './confirmed-number';

type Outcome = 'log' | 'oc' | 'recado';

interface CallDraft {
  direction: CallDirection;
  contactName: string;
  phone: string;
  notes: string;
  attachOcId: string;
  module: string;
  criticidade: Criticidade;
  kind: OcKind;
  subject: string;
  description: string;
  preferredId: string;
  recadoFor: string;
  recadoMessage: string;
  recadoOcId: string;
}

/**
 * What happened on the call: logged against the customer (and an OC), turned into a new OC (channel phone; its
 * clocks start at the call's start, SPEC §3 rule 3), or a recado for the analyst the caller wanted (FAQ 6).
 */
export const CallOutcome = ({ card, openOcs }: { card: CustomerCard; openOcs: QueueRow[] }) => {
  const { t, lang } = useT();
  const { api, ui, phone, clock, sync } = useServices();
  const startedAt = usePhone((s) => s.callStartedAt);
  const analysts = useSession((s) => s.directory.analysts);
  const me = useSession((s) => s.analyst);
  const catalogName = useSession((s) => s.catalogName);
  const c = card.customer;
  const manager = card.contacts.find((x) => x.role === 'gerente_projeto' && x.active);
  const initialDraft: CallDraft = {
    direction: 'inbound',
    contactName: manager?.name ?? '',
    phone: manager?.phone ?? '',
    notes: '',
    attachOcId: '',
    module: c.modules[0] ?? '',
    criticidade: 'media',
    kind: 'duvida',
    subject: '',
    description: '',
    preferredId: '',
    recadoFor: '',
    recadoMessage: '',
    recadoOcId: '',
  };
  const [draft, setDraft, clearDraft] = useDraft<CallDraft>(`phone:${c.id}`, initialDraft);
  const [outcome, setOutcome] = useState<Outcome>('log');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [createdOcs, setCreatedOcs] = useState<{ id: string; number: string }[]>([]);
  const set = (patch: Partial<CallDraft>): void => setDraft({ ...draft, ...patch });
  const contact = card.contacts.find((x) => x.name === draft.contactName.trim());

  const callDetails = () => {
    const end = clock.read();
    return { direction: draft.direction, startedAt: startedAt ?? end, endedAt: end, contactName: draft.contactName.trim() || '—', phone: draft.phone.trim() === '' ? null : draft.phone.trim() };
  };

  const logCall = async (ocId: string | null): Promise<boolean> => {
    const result = await api.call('call.log', { customerId: c.id, ocId, call: callDetails(), body: draft.notes.trim() });
    if (!result.ok) setError(result.error.message[lang]);
    return result.ok;
  };

  const submit = async (): Promise<void> => {
    setError(null);
    if (outcome === 'log') {
      setBusy(true);
      const ok = await logCall(draft.attachOcId === '' ? null : draft.attachOcId);
      setBusy(false);
      if (!ok) return;
      ui.getState().toast({ tone: 'success', title: t('phone.logged') });
      set({ notes: '', attachOcId: '' });
      phone.getState().endCall();
      return;
    }
    if (outcome === 'oc') {
      if (draft.subject.trim().length < 3) return setError(t('phone.oc.subjectShort'));
      setBusy(true);
      const description = draft.description.trim() || draft.notes.trim() || draft.subject.trim();
      const created = await api.call('oc.create', {
        customerId: c.id,
        contactId: contact?.id ?? null,
        channel: 'phone',
        module: draft.module,
        criticidade: draft.criticidade,
        kind: draft.kind,
        subject: draft.subject.trim(),
        description,
        preferredAnalystId: draft.preferredId === '' ? null : draft.preferredId,
        callStartedAt: startedAt ?? clock.read(),
      });
      if (!created.ok || created.value.id === null) {
        setBusy(false);
        return setError(created.ok ? null : created.error.message[lang]);
      }
      const ocId = created.value.id;
      await logCall(ocId);
      // Whoever took the call holds the OC (capacity permitting; otherwise it waits in the queue, and they are told).
      const taken = await api.call('oc.take', { ocId });
      // The call is over: its timer stops and the form starts afresh (the new OC stays offered for a recado).
      phone.getState().endCall();
      setDraft({ ...initialDraft, recadoOcId: ocId });
      setOutcome('log');
      const online = sync.getState().sync?.status === 'online';
      const { displayNumber: number, confirmed } = await waitForOcNumber(api, ocId, online);
      setBusy(false);
      setCreatedOcs([{ id: ocId, number }, ...createdOcs]);
      ui.getState().toast({
        tone: taken.ok ? 'success' : 'warning',
        title: t('phone.oc.created', { number }),
        ocId,
        ...(taken.ok ? (confirmed ? {} : { body: t('phone.oc.provisional') }) : { body: t('phone.oc.notTaken', { reason: taken.error.message[lang] }) }),
      });
      return;
    }
    if (draft.recadoFor === '') return setError(t('phone.recado.pickError'));
    if (draft.recadoMessage.trim() === '') return setError(t('phone.recado.messageError'));
    setBusy(true);
    const result = await api.call('recado.create', {
      forAnalystId: draft.recadoFor,
      customerId: c.id,
      ocId: draft.recadoOcId === '' ? null : draft.recadoOcId,
      callerName: draft.contactName.trim() || '—',
      callerPhone: draft.phone.trim() === '' ? null : draft.phone.trim(),
      message: draft.recadoMessage.trim(),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message[lang]);
    const name = analysts.find((a) => a.id === draft.recadoFor)?.name ?? '';
    ui.getState().toast({ tone: 'success', title: t('phone.recado.left', { name }) });
    clearDraft();
    phone.getState().endCall();
  };

  const ocChoices = [...createdOcs.map((o) => ({ id: o.id, label: `${o.number} — ${t('phone.tab.oc')}` })), ...openOcs.map((o) => ({ id: o.id, label: `${o.displayNumber} — ${o.subject}` }))];

  return (
    <section className="card call-card" data-testid="call-card">
      <div className="card-body stack">
        {startedAt === null ? <div className="faint">{t('phone.notStarted')}</div> : null}
        <div className="form-grid form-grid-3">
          <CallDirectionField value={draft.direction} onChange={(direction) => set({ direction })} />
          <Field label={t('call.contact')}>{(id) => <TextInput id={id} list="phone-contacts" value={draft.contactName} onChange={(e) => set({ contactName: e.target.value, phone: card.contacts.find((x) => x.name === e.target.value)?.phone ?? draft.phone })} data-testid="phone-contact" />}</Field>
          <Field label={t('call.phone')} optional={t('common.optional')}>{(id) => <TextInput id={id} value={draft.phone} onChange={(e) => set({ phone: e.target.value })} data-testid="phone-number" />}</Field>
        </div>
        <datalist id="phone-contacts">
          {card.contacts.map((x) => (
            <option key={x.id} value={x.name} />
          ))}
        </datalist>
        <Field label={t('call.notes')}>{(id) => <TextArea id={id} rows={3} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} data-testid="phone-notes" />}</Field>
        <div className="subhead">{t('phone.outcome')}</div>
        <Tabs<Outcome> label={t('phone.outcome')} value={outcome} onChange={(o) => { setOutcome(o); setError(null); }} tabs={[{ id: 'log', label: t('phone.tab.log') }, { id: 'oc', label: t('phone.tab.oc') }, { id: 'recado', label: t('phone.tab.recado') }]} />
        <FormError message={error} />
        {outcome === 'log' ? (
          <OcChoiceField label={t('phone.attach')} none={t('phone.attachNone')} choices={ocChoices} value={draft.attachOcId} onChange={(attachOcId) => set({ attachOcId })} testId="phone-attach" />
        ) : outcome === 'oc' ? (
          <div className="form-grid form-grid-3" data-testid="phone-oc-form">
            <Field label={t('phone.oc.module')}>
              {(id) => (
                <Select id={id} value={draft.module} onChange={(e) => set({ module: e.target.value })} data-testid="phone-oc-module">
                  {c.modules.map((m) => (
                    <option key={m} value={m}>
                      {catalogName(m)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label={t('phone.oc.criticidade')}>
              {(id) => (
                <Select id={id} value={draft.criticidade} onChange={(e) => set({ criticidade: e.target.value as Criticidade })} data-testid="phone-oc-criticidade">
                  {CRITICIDADES.map((x) => (
                    <option key={x} value={x}>
                      {CRITICIDADE_LABELS[x][lang]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label={t('phone.oc.kind')}>
              {(id) => (
                <Select id={id} value={draft.kind} onChange={(e) => set({ kind: e.target.value as OcKind })}>
                  {OC_KINDS.map((x) => (
                    <option key={x} value={x}>
                      {KIND_LABELS[x][lang]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <div className="span-3">
              <Field label={t('phone.oc.subject')}>{(id) => <TextInput id={id} maxLength={200} value={draft.subject} onChange={(e) => set({ subject: e.target.value })} data-testid="phone-oc-subject" />}</Field>
            </div>
            <div className="span-3">
              <Field label={t('phone.oc.description')} hint={t('phone.oc.descriptionHint')}>{(id, d) => <TextArea id={id} aria-describedby={d} rows={3} value={draft.description} onChange={(e) => set({ description: e.target.value })} data-testid="phone-oc-description" />}</Field>
            </div>
            <Field label={t('phone.oc.preferred')} optional={t('common.optional')}>
              {(id) => (
                <Select id={id} value={draft.preferredId} onChange={(e) => set({ preferredId: e.target.value })}>
                  <option value="">{t('phone.oc.preferredNone')}</option>
                  {analysts.filter((a) => a.active).map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
        ) : (
          <div className="form-grid" data-testid="phone-recado-form">
            <Field label={t('phone.recado.for')}>
              {(id) => (
                <Select id={id} value={draft.recadoFor} onChange={(e) => set({ recadoFor: e.target.value })} data-testid="recado-for">
                  <option value="">{t('phone.recado.pick')}</option>
                  {analysts.filter((a) => a.active && a.id !== me?.id).map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name} · {t(`presence.${a.presence}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <OcChoiceField label={t('phone.recado.about')} optional={t('common.optional')} none="—" choices={ocChoices} value={draft.recadoOcId} onChange={(recadoOcId) => set({ recadoOcId })} testId="recado-oc" />
            <div className="span-2">
              <Field label={t('phone.recado.message')}>{(id) => <TextArea id={id} rows={3} value={draft.recadoMessage} onChange={(e) => set({ recadoMessage: e.target.value })} data-testid="recado-message" />}</Field>
            </div>
          </div>
        )}
        <div className="row">
          <div className="spacer" />
          <Button variant="primary" busy={busy} icon={outcome === 'log' ? 'phone' : outcome === 'oc' ? 'plus' : 'message'} onClick={() => void submit()} data-testid="phone-submit">
            {outcome === 'log' ? t('phone.logConfirm') : outcome === 'oc' ? t('phone.oc.confirm') : t('phone.recado.confirm')}
          </Button>
        </div>
      </div>
    </section>
  );
};

/** One of the caller's OCs (or none): the OC a call log is attached to, or the one a recado is about. */
const OcChoiceField = (props: { label: string; optional?: string; none: string; choices: ReadonlyArray<{ id: string; label: string }>; value: string; onChange: (id: string) => void; testId: string }) => (
  <Field label={props.label} {...(props.optional === undefined ? {} : { optional: props.optional })}>
    {(id) => (
      <Select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        <option value="">{props.none}</option>
        {props.choices.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </Select>
    )}
  </Field>
);
