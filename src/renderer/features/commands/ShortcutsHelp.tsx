import { useT, useUi } from '../../app/services';
import { Kbd } from '../../components/Kbd';
import { Modal } from '../../components/Modal';
import type { MessageKey } from '../../i18n/messages';
import { ACTIONS } from '../oc/actions';

const GLOBAL: Array<[string, MessageKey]> = [
  ['Ctrl K', 'help.palette'],
  ['?', 'help.help'],
  ['/', 'help.search'],
  ['g f', 'help.goQueue'],
  ['g e', 'help.goTeam'],
  ['g t', 'help.goPhone'],
  ['N', 'help.takeNext'],
];
const QUEUE: Array<[string, MessageKey]> = [
  ['↑ ↓ J K', 'help.move'],
  ['Enter', 'help.open'],
];
const EDITING: Array<[string, MessageKey]> = [
  ['Ctrl Enter', 'help.send'],
  ['Esc', 'help.back'],
];

/** Every shortcut, listed (the `?` overlay). The OC shortcuts come from the same table as the action bar. */
export const ShortcutsHelp = () => {
  const { t } = useT();
  const setHelp = useUi((s) => s.setHelp);
  const section = (title: MessageKey, rows: Array<[string, string]>) => (
    <section className="help-section">
      <h3>{t(title)}</h3>
      <dl>
        {rows.map(([keys, label]) => (
          <div key={`${keys}-${label}`} className="help-row">
            <dt>{label}</dt>
            <dd>
              <Kbd keys={keys} subtle />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
  const ocRows: Array<[string, string]> = [
    ...ACTIONS.filter((a) => a.shortcut !== null && a.id !== 'resume').map((a): [string, string] => [a.shortcut as string, a.id === 'pause' ? `${t('action.pause')} / ${t('action.resume')}` : t(`action.${a.id}`)]),
    ['Esc', t('help.back')],
  ];
  return (
    <Modal title={t('help.title')} onClose={() => setHelp(false)} width={820} testId="shortcuts-help">
      <div className="help-grid">
        {section('help.global', GLOBAL.map(([k, m]) => [k, t(m)]))}
        {section('help.oc', ocRows)}
        {section('help.queue', QUEUE.map(([k, m]) => [k, t(m)]))}
        {section('help.editing', EDITING.map(([k, m]) => [k, t(m)]))}
      </div>
    </Modal>
  );
};
