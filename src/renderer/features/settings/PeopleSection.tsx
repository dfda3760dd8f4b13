import { useState } from 'react';
import { useSession } from '../../app/services';
import { Button } from '../../components/Button';
import type { Lang } from '../../i18n/define';
import { AnalystDialog, ROLE_LABEL, type AnalystForm } from './AnalystDialog';
import type { SettingsT } from './messages';

// The team's analysts; the editor (AnalystDialog) enforces who may change what (SPEC §8).

type Form = AnalystForm;

const blank = (): Form => ({ id: '', name: '', login: '', email: '', level: 'n1', role: 'analyst', modules: [], segments: [], capacity: 8, presence: 'offline', active: true });

export const PeopleSection = ({ t, lang }: { t: SettingsT; lang: Lang }) => {
  const analysts = useSession((s) => s.directory.analysts);
  const catalogName = useSession((s) => s.catalogName);
  const [editing, setEditing] = useState<{ form: Form; isNew: boolean } | null>(null);
  return (
    <section className="card st-card" data-testid="settings-people">
      <div className="st-row">
        <Button variant="primary" icon="plus" onClick={() => setEditing({ form: blank(), isNew: true })} data-testid="analyst-new">
          {t('people.new')}
        </Button>
      </div>
      <table className="lt-table">
        <thead>
          <tr>
            <th>{t('people.name')}</th>
            <th>{t('people.login')}</th>
            <th>{t('people.level')}</th>
            <th>{t('people.role')}</th>
            <th>{t('people.modules')}</th>
            <th>{t('people.segments')}</th>
            <th className="num">{t('people.capacity')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {analysts.map((a) => (
            <tr key={a.id} data-analyst={a.login} className={a.active ? undefined : 'st-inactive'}>
              <td>
                {a.name} {a.active ? null : <span className="tag">{t('people.inactive')}</span>}
              </td>
              <td className="mono">{a.login}</td>
              <td>{a.level.toUpperCase()}</td>
              <td>{ROLE_LABEL[a.role][lang]}</td>
              <td className="st-list">{a.modules.map(catalogName).join(', ')}</td>
              <td className="st-list">{a.segments.map(catalogName).join(', ')}</td>
              <td className="num">{a.capacity}</td>
              <td>
                <Button size="s" icon="pencil" onClick={() => setEditing({ form: (({ createdAt: _c, updatedAt: _u, ...rest }) => rest)(a), isNew: false })}>
                  {t('people.edit')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing === null ? null : <AnalystDialog initial={editing.form} isNew={editing.isNew} onClose={() => setEditing(null)} t={t} lang={lang} />}
    </section>
  );
};
