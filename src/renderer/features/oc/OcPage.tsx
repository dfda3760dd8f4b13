import { useEffect, useRef, useState } from 'react';
import type { OcDetail } from '../../../shared/api/views';
import { isLead } from '../../../shared/oc/permissions';
import { checkOcAction } from '../../../shared/oc/state-machine';
import { useOc, useRouter, useServices, useSession, useT } from '../../app/services';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { useHotkeys } from '../commands/hotkeys';
import { DISPLAY_TIME_ZONE } from '../../lib/format';
import { actionStates, type ActionId } from './actions';
import { ActionBar } from './ActionBar';
import { Articles } from './Articles';
import { Composer, type ComposerHandle } from './Composer';
import { CustomerCardView } from './CustomerCardView';
import { DetailsCard } from './DetailsCard';
import { OcDialog } from './OcDialog';
import { OcHeader } from './OcHeader';
import { SlaClocks } from './SlaClocks';
import { Timeline } from './Timeline';

const DIRECT: Partial<Record<ActionId, 'oc.take' | 'oc.pause' | 'oc.resume'>> = { take: 'oc.take', pause: 'oc.pause', resume: 'oc.resume' };

/** The OC: header and actions, the conversation and the composer, SLA clocks, customer, N0 articles. */
export const OcPage = ({ id }: { id: string }) => {
  const { oc } = useServices();
  const { t, lang } = useT();
  const detail = useOc((s) => (s.id === id ? s.detail : null));
  const error = useOc((s) => s.error);
  const me = useSession((s) => s.analyst);
  const back = useRouter((s) => s.back);

  useEffect(() => {
    void oc.getState().open(id);
  }, [oc, id]);
  useEffect(() => () => oc.getState().close(), [oc]);
  // Percentages of the SLA bars are business-time figures from the core: refresh them while the OC is open.
  useEffect(() => {
    const timer = setInterval(() => void oc.getState().reload(), 30_000);
    return () => clearInterval(timer);
  }, [oc]);

  if (error !== null && detail === null) {
    return (
      <div className="page">
        <EmptyState icon="xCircle" title={t('oc.notFound')}>
          {error.message[lang]}
          <div style={{ marginTop: 12 }}>
            <Button icon="arrowLeft" onClick={back}>
              {t('oc.back')}
            </Button>
          </div>
        </EmptyState>
      </div>
    );
  }
  if (detail === null || me === null) return <div className="page page-loading">{t('common.loading')}</div>;
  return <OcLoaded detail={detail} meId={me.id} />;
};

const OcLoaded = ({ detail, meId }: { detail: OcDetail; meId: string }) => {
  const { t, lang } = useT();
  const me = useSession((s) => s.analyst);
  const analystName = useSession((s) => s.analystName);
  const articles = useOc((s) => s.articles);
  const penalties = useOc((s) => s.penalties);
  const back = useRouter((s) => s.back);
  const composer = useRef<ComposerHandle>(null);
  const [dialog, setDialog] = useState<ActionId | null>(null);
  const { oc, ui } = useServices();

  const replyCheck = me === null ? null : checkOcAction('reply', detail.oc, { kind: 'analyst', analyst: me }, { analystName: (id) => analystName(id) ?? '—', timeZone: DISPLAY_TIME_ZONE });
  const canReply = replyCheck !== null && 'to' in replyCheck;
  const replyBlocked = replyCheck !== null && !('to' in replyCheck) ? replyCheck.message[lang] : null;

  const onAction = async (action: ActionId): Promise<void> => {
    if (action === 'reply') return composer.current?.focus('public');
    if (action === 'note') return composer.current?.focus('note');
    const direct = DIRECT[action];
    if (direct === undefined) return setDialog(action);
    // A direct action has no dialog to hold its error: the outcome is a toast.
    const failure = await oc.getState().run(direct, { ocId: detail.oc.id });
    ui.getState().toast(
      failure === null
        ? { tone: 'success', title: t(`action.done.${action as 'take'}`, { number: detail.displayNumber }), about: detail.oc.id }
        : { tone: 'danger', title: failure.message[lang] },
    );
  };

  // Shortcuts run only the actions that are enabled right now (the same ones the bar shows enabled).
  const enabled = me === null ? [] : actionStates(detail.oc, me, (id) => analystName(id) ?? '—', lang, DISPLAY_TIME_ZONE).filter((s) => s.enabled);
  const bindings: Record<string, () => void> = { Escape: back };
  for (const state of enabled) {
    if (state.def.shortcut !== null) bindings[state.def.shortcut.toLowerCase()] = () => void onAction(state.def.id);
  }
  useHotkeys(bindings, dialog === null);
  // The same enabled actions in the command palette (Ctrl+K), while this OC is on screen.
  const actionsKey = enabled.map((s) => s.def.id).join(',');
  const run = useRef(onAction);
  run.current = onAction;
  useEffect(() => {
    ui.getState().setScreenActions(
      enabled.map((s) => ({ id: `oc-action-${s.def.id}`, label: `${t(`action.${s.def.id}`)} · ${detail.displayNumber}`, icon: s.def.icon, ...(s.def.shortcut === null ? {} : { shortcut: s.def.shortcut }), run: () => void run.current(s.def.id) })),
    );
    return () => ui.getState().setScreenActions([]);
    // `enabled` is rebuilt on every render: actionsKey says when it changed (labels follow the language and number).
  }, [actionsKey, lang, detail.displayNumber, ui]);

  return (
    <div className="page page-oc" data-testid="oc-page" data-oc-number={detail.displayNumber}>
      <OcHeader detail={detail} meId={meId} onBack={back} />
      {me === null ? null : <ActionBar oc={detail.oc} me={me} onAction={(a) => void onAction(a)} />}
      <div className="oc-body">
        <div className="oc-main">
          <section className="oc-description card">
            <div className="card-head">
              <h3>{t('oc.description')}</h3>
            </div>
            <div className="card-body oc-description-text">{detail.oc.description}</div>
          </section>
          <Timeline detail={detail} />
          <Composer ref={composer} detail={detail} canReply={canReply} replyBlockedReason={replyBlocked} />
        </div>
        <aside className="oc-side">
          <SlaClocks detail={detail} />
          <CustomerCardView card={detail.customer} penalties={penalties} />
          <Articles articles={articles} canReply={canReply} onUse={(article) => {
            composer.current?.insert(article.replyText);
            ui.getState().toast({ tone: 'info', title: t('articles.inserted') });
          }} />
          <DetailsCard detail={detail} />
        </aside>
      </div>
      {dialog === null ? null : <OcDialog action={dialog} detail={detail} onClose={() => setDialog(null)} isLead={me !== null && isLead(me)} />}
    </div>
  );
};
