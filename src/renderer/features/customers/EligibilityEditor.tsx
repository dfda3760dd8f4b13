import { DateInput } from '../../components/DateFields';
import { ELIGIBILITY_ITEMS, type EligibilityItem } from '../../../shared/domain';
import { Icon } from '../../components/icons';
import type { DatedCheck, FormProblem } from './customer-form';
import type { CustomersT } from './messages';

/**
 * The manual's three prerequisites ("Pré-requisitos") as dated checkboxes, and what is still missing: intake from
 * the Extranet or the phone refuses the customer until all three are ticked (SPEC §2).
 */
export const EligibilityEditor = ({
  checks,
  onChange,
  problems,
  today,
  t,
}: {
  checks: Record<EligibilityItem, DatedCheck>;
  onChange: (item: EligibilityItem, check: DatedCheck) => void;
  problems: Partial<Record<EligibilityItem, FormProblem>>;
  today: string;
  t: CustomersT;
}) => {
  const missing = ELIGIBILITY_ITEMS.filter((item) => !checks[item].done);
  return (
    <fieldset className="cu-fieldset" data-testid="eligibility-editor">
      <legend>{t('elig.title')}</legend>
      <p className="cu-rule-text">{t('elig.rule')}</p>
      <ul className="cu-checks">
        {ELIGIBILITY_ITEMS.map((item) => {
          const check = checks[item];
          const problem = problems[item];
          return (
            <li key={item} className={`cu-check-row${check.done ? ' is-done' : ''}`} data-item={item}>
              <label className="cu-check">
                <input
                  type="checkbox"
                  checked={check.done}
                  onChange={(e) => onChange(item, e.target.checked ? { done: true, date: check.date === '' ? today : check.date } : { done: false, date: '' })}
                  data-testid={`elig-${item}`}
                />
                <span>{t(`elig.item.${item}`)}</span>
              </label>
              {check.done ? (
                <span className="cu-check-date">
                  <DateInput
                    label={`${t('elig.date')}: ${t(`elig.item.${item}`)}`}
                    max={today}
                    value={check.date}
                    invalid={problem !== undefined}
                    onChange={(date) => onChange(item, { done: true, date })}
                    testId={`elig-${item}-date`}
                  />
                </span>
              ) : null}
              {problem === undefined ? null : (
                <span className="field-error" role="alert">
                  {t(problem.key, problem.params)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <div className={`eligibility ${missing.length === 0 ? 'is-ok' : 'is-missing'}`} data-testid="eligibility-summary">
        <Icon name={missing.length === 0 ? 'checkCircle' : 'triangle'} size={14} />
        <div>
          <div className="eligibility-title">{missing.length === 0 ? t('elig.ok') : t('elig.missing')}</div>
          {missing.map((item) => (
            <div key={item} className="eligibility-item">
              {t(`elig.item.${item}`)}
            </div>
          ))}
        </div>
      </div>
    </fieldset>
  );
};
