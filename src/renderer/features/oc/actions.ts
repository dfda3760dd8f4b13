import type { Analyst, Ocorrencia } from '../../../shared/domain';
import { checkOcAction, type OcAction } from '../../../shared/oc/state-machine';
import type { IconName } from '../../components/icons';
import type { Lang } from '../../i18n/define';

// The OC's actions, decided by the same state-machine table the core and the server enforce (SPEC §2, §8): an
// action the status or the role never allows is not shown; one that needs the OC first (or belongs to someone
// else) is shown disabled with the core's own explanation.

export type ActionId =
  | 'take' | 'reply' | 'note' | 'call' | 'pause' | 'resume' | 'escalate' | 'return' | 'dev' | 'handoff'
  | 'version' | 'resolve' | 'reopen' | 'cancel' | 'criticidade' | 'reassign';

export interface ActionDef {
  id: ActionId;
  check: OcAction;
  icon: IconName;
  shortcut: string | null;
  /** Shown as a button in the bar (the others are in "More actions"). */
  primary: boolean;
}

export const ACTIONS: readonly ActionDef[] = [
  { id: 'take', check: 'take', icon: 'hand', shortcut: 'T', primary: true },
  { id: 'reply', check: 'reply', icon: 'send', shortcut: 'R', primary: true },
  { id: 'note', check: 'note', icon: 'lock', shortcut: 'I', primary: true },
  { id: 'call', check: 'log_call', icon: 'phone', shortcut: 'L', primary: true },
  { id: 'pause', check: 'pause', icon: 'pause', shortcut: 'P', primary: true },
  { id: 'resume', check: 'resume', icon: 'refresh', shortcut: 'P', primary: true },
  { id: 'escalate', check: 'escalate', icon: 'escalate', shortcut: 'E', primary: true },
  { id: 'return', check: 'return_to_n1', icon: 'returnDown', shortcut: 'U', primary: true },
  { id: 'resolve', check: 'resolve', icon: 'checkCircle', shortcut: 'S', primary: true },
  { id: 'reopen', check: 'reopen', icon: 'reopen', shortcut: 'O', primary: true },
  { id: 'dev', check: 'forward_dev', icon: 'code', shortcut: 'D', primary: false },
  { id: 'version', check: 'set_target_version', icon: 'package', shortcut: 'V', primary: false },
  { id: 'handoff', check: 'hand_off', icon: 'graduation', shortcut: 'C', primary: false },
  { id: 'reassign', check: 'reassign', icon: 'user', shortcut: 'A', primary: false },
  { id: 'criticidade', check: 'change_criticidade', icon: 'signal', shortcut: 'K', primary: false },
  { id: 'cancel', check: 'cancel', icon: 'ban', shortcut: null, primary: false },
];

export interface ActionState {
  def: ActionDef;
  enabled: boolean;
  /** Why it is disabled, in the person's language. */
  reason: string | null;
}

const HIDDEN_CODES = new Set(['INVALID_TRANSITION', 'FORBIDDEN_ROLE', 'ACTOR_NOT_ALLOWED']);

export const actionStates = (oc: Ocorrencia, me: Analyst, analystName: (id: string) => string, lang: Lang, timeZone: string): ActionState[] =>
  ACTIONS.flatMap((def): ActionState[] => {
    if (def.id === 'take' && oc.assigneeId === me.id) return [];
    if (def.id === 'escalate' && oc.level !== 'n1') return [];
    if (def.id === 'return' && oc.level !== 'n2') return [];
    const checked = checkOcAction(def.check, oc, { kind: 'analyst', analyst: me }, { analystName, timeZone });
    if ('to' in checked) return [{ def, enabled: true, reason: null }];
    if (HIDDEN_CODES.has(checked.code)) return [];
    return [{ def, enabled: false, reason: checked.message[lang] }];
  });
