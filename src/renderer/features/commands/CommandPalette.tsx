import { useEffect, useMemo, useRef, useState } from 'react';
import type { QueueRow } from '../../../shared/api/views';
import { foldText, PRESENCES, type Presence } from '../../../shared/domain';
import { useRouter, useServices, useSession, useT, useUi } from '../../app/services';
import { DialogLayer } from '../../components/floating';
import { Icon, type IconName } from '../../components/icons';
import { Kbd } from '../../components/Kbd';
import { useTakeNext } from '../queue/take-next';

interface Command {
  id: string;
  group: 'screen' | 'go' | 'act' | 'ocs' | 'prefs';
  label: string;
  icon: IconName;
  shortcut?: string;
  run: () => void;
}

/** Ctrl+K: every frequent action by name, plus OCs by number or words. */
export const CommandPalette = () => {
  const { t, lang } = useT();
  const { api, session } = useServices();
  const setPalette = useUi((s) => s.setPalette);
  const setHelp = useUi((s) => s.setHelp);
  const setLang = useUi((s) => s.setLang);
  const navigate = useRouter((s) => s.navigate);
  const { takeNext } = useTakeNext();
  const presence = useSession((s) => s.analyst?.presence);
  const screenActions = useUi((s) => s.screenActions);
  const [text, setText] = useState('');
  const [index, setIndex] = useState(0);
  const [ocs, setOcs] = useState<QueueRow[]>([]);
  const list = useRef<HTMLUListElement>(null);
  const close = (): void => setPalette(false);
  useEffect(() => {
    const query = text.trim();
    if (query.length < 3) return setOcs([]);
    let current = true;
    const timer = setTimeout(() => {
      void api.call('oc.search', { text: query, limit: 6 }).then((r) => current && setOcs(r.ok ? r.value : []));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, text]);

  const commands = useMemo<Command[]>(() => {
    const all: Command[] = [
      // What the screen on show can do now (an OC's actions) comes first.
      ...screenActions.map((a): Command => ({ ...a, group: 'screen' })),
      { id: 'go-queue', group: 'go', label: t('cmd.goQueue'), icon: 'inbox', shortcut: 'g f', run: () => navigate({ name: 'queue' }) },
      { id: 'go-team', group: 'go', label: t('cmd.goTeam'), icon: 'users', shortcut: 'g e', run: () => navigate({ name: 'team', viewId: null }) },
      { id: 'go-phone', group: 'go', label: t('cmd.goPhone'), icon: 'phone', shortcut: 'g t', run: () => navigate({ name: 'phone', customerId: null }) },
      { id: 'go-search', group: 'go', label: t('cmd.goSearch'), icon: 'search', shortcut: '/', run: () => navigate({ name: 'search', q: '' }) },
      { id: 'take-next', group: 'act', label: t('cmd.takeNext'), icon: 'zap', shortcut: 'N', run: () => void takeNext() },
      ...PRESENCES.filter((p) => p !== presence).map((p: Presence): Command => ({ id: `presence-${p}`, group: 'prefs', label: t('cmd.presence', { presence: t(`presence.${p}`) }), icon: 'user', run: () => void session.getState().setPresence(p) })),
      { id: 'lang', group: 'prefs', label: t('cmd.lang'), icon: 'globe', run: () => setLang(lang === 'pt-BR' ? 'en' : 'pt-BR') },
      { id: 'help', group: 'prefs', label: t('cmd.help'), icon: 'keyboard', shortcut: '?', run: () => setHelp(true) },
      { id: 'logout', group: 'prefs', label: t('cmd.logout'), icon: 'logout', run: () => void session.getState().logout() },
    ];
    const query = foldText(text.trim());
    const matching = query === '' ? all : all.filter((c) => foldText(c.label).includes(query));
    const found: Command[] = ocs.map((row) => ({ id: `oc-${row.id}`, group: 'ocs', label: `${row.displayNumber} · ${row.subject}`, icon: 'note', run: () => navigate({ name: 'oc', id: row.id }) }));
    const search: Command[] = text.trim() === '' ? [] : [{ id: 'search', group: 'ocs', label: t('palette.search', { text: text.trim() }), icon: 'search', run: () => navigate({ name: 'search', q: text.trim() }) }];
    // Commands first: OC matches arrive a moment later and must not move the highlighted command away.
    return [...matching, ...found, ...search];
  }, [t, lang, text, ocs, navigate, takeNext, presence, session, setLang, setHelp, screenActions]);

  useEffect(() => {
    setIndex(0);
  }, [text]);
  // The highlighted command stays in view when the arrows move past the visible part of the list.
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [index]);
  const runAt = (i: number): void => {
    const command = commands[i];
    if (command === undefined) return;
    close();
    command.run();
  };
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setIndex((i) => Math.min(commands.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setIndex((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      runAt(index);
    }
  };
  let lastGroup: string | null = null;
  return (
    <DialogLayer onClose={close} label={t('palette.label')} className="palette" onKeyDown={onKeyDown} testId="command-palette">
        <div className="palette-input">
          <Icon name="command" size={16} />
          <input data-autofocus role="combobox" aria-expanded="true" aria-controls="palette-list" aria-activedescendant={commands[index] === undefined ? undefined : `palette-option-${index}`} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('palette.placeholder')} aria-label={t('palette.label')} data-testid="palette-input" />
          <Kbd keys="Esc" subtle />
        </div>
        <ul className="palette-list" id="palette-list" role="listbox" ref={list} aria-label={t('palette.label')}>
          {commands.length === 0 ? <li className="faint palette-empty">{t('palette.empty')}</li> : null}
          {commands.map((command, i) => {
            const header = command.group !== lastGroup ? t(`palette.group.${command.group}`) : null;
            lastGroup = command.group;
            return (
              <li key={command.id} role="presentation">
                {header === null ? null : <div className="palette-group">{header}</div>}
                <button type="button" role="option" id={`palette-option-${i}`} tabIndex={-1} aria-selected={i === index} className={`palette-item${i === index ? ' is-active' : ''}`} onMouseEnter={() => setIndex(i)} onClick={() => runAt(i)}>
                  <Icon name={command.icon} size={15} />
                  <span className="ellipsis" title={command.label}>{command.label}</span>
                  <span className="spacer" />
                  {command.shortcut === undefined ? null : <Kbd keys={command.shortcut} subtle />}
                </button>
              </li>
            );
          })}
        </ul>
    </DialogLayer>
  );
};
