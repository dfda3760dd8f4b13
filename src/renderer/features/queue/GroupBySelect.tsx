import { useT } from '../../app/services';
import { Icon } from '../../components/icons';
import { GROUP_BYS, type GroupBy } from './team-filter';

export const GroupBySelect = ({ value, onChange }: { value: GroupBy; onChange: (value: GroupBy) => void }) => {
  const { t } = useT();
  return (
    <label className="select-inline" title={t('queue.groupBy')}>
      <Icon name="layers" size={14} />
      <span className="sr-only">{t('queue.groupBy')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as GroupBy)} data-testid="group-by">
        {GROUP_BYS.map((g) => (
          <option key={g} value={g}>
            {t(`queue.group.${g}`)}
          </option>
        ))}
      </select>
    </label>
  );
};
