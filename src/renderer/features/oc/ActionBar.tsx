import type { Analyst, Ocorrencia } from '../../../shared/domain';
import { useOc, useSession, useT } from '../../app/services';
import { Button } from '../../components/Button';
import { MenuButton } from '../../components/Menu';
import { DISPLAY_TIME_ZONE } from '../../lib/format';
import { actionStates, type ActionId, type ActionState } from './actions';

/** The OC's actions: the frequent ones as buttons with their shortcut, the rest under "More actions". */
export const ActionBar = ({ oc, me, onAction }: { oc: Ocorrencia; me: Analyst; onAction: (id: ActionId) => void }) => {
  const { t, lang } = useT();
  const analystName = useSession((s) => s.analystName);
  const busy = useOc((s) => s.busy);
  const states = actionStates(oc, me, (id) => analystName(id) ?? '—', lang, DISPLAY_TIME_ZONE);
  const primary = states.filter((s) => s.def.primary);
  const more = states.filter((s) => !s.def.primary);
  const button = (state: ActionState) => (
    <Button
      key={state.def.id}
      variant={state.def.id === 'take' || state.def.id === 'resolve' ? 'primary' : 'secondary'}
      icon={state.def.icon}
      shortcut={state.def.shortcut ?? undefined}
      disabled={!state.enabled}
      title={state.reason ?? undefined}
      busy={(busy === 'oc.take' && state.def.id === 'take') || (busy === 'oc.pause' && state.def.id === 'pause') || (busy === 'oc.resume' && state.def.id === 'resume')}
      onClick={() => onAction(state.def.id)}
      data-testid={`action-${state.def.id}`}
    >
      {t(`action.${state.def.id}`)}
    </Button>
  );
  return (
    <div className="action-bar" role="toolbar" aria-label={t('action.more')} data-testid="action-bar">
      {primary.map(button)}
      {more.length === 0 ? null : (
        <MenuButton
          label={t('action.more')}
          icon="more"
          testId="action-more"
          items={more.map((state) => ({
            id: state.def.id,
            label: t(`action.${state.def.id}`),
            icon: state.def.icon,
            shortcut: state.def.shortcut ?? undefined,
            disabled: !state.enabled,
            reason: state.reason ?? undefined,
            danger: state.def.id === 'cancel',
            onSelect: () => onAction(state.def.id),
          }))}
        />
      )}
    </div>
  );
};
