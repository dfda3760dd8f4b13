import { useEffect, useState } from 'react';
import type { HolidayPreview, HolidayRegions } from '../../../shared/api/lead-views';
import type { Calendar, HolidaySource } from '../../../shared/domain';
import { useServices } from '../../app/services';
import { Button, IconButton } from '../../components/Button';
import { DateInput, TimeInput } from '../../components/DateFields';
import { formatIsoDate } from '../../lib/format';
import { Field, FormError, Select, TextInput } from '../../components/Field';
import type { Lang } from '../../i18n/define';
import type { SettingsT } from './messages';

type Edit = (change: (calendar: Calendar) => void) => void;
type OptionalPoint = HolidaySource['includeOptional'][number];

const OPTIONAL_POINTS: OptionalPoint[] = ['carnaval', 'corpus_christi', 'ash_wednesday_morning', 'christmas_eve', 'new_years_eve'];
const NATIONAL: HolidaySource = { country: 'BR', state: null, city: null, includeOptional: ['carnaval', 'corpus_christi'] };

const minutesText = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Holidays from date-holidays (country, state, city, optional points), with a preview of what they close. */
const HolidaySourceEditor = ({ calendar, edit, t, lang }: { calendar: Calendar; edit: Edit; t: SettingsT; lang: Lang }) => {
  const { api, clock } = useServices();
  const source = calendar.holidays;
  const [regions, setRegions] = useState<HolidayRegions>({ states: [], cities: [] });
  const [preview, setPreview] = useState<HolidayPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const year = new Date(clock.read()).getUTCFullYear();
  useEffect(() => {
    void api.call('config.holidayRegions', { state: source?.state ?? null }).then((r) => {
      if (r.ok) setRegions(r.value);
    });
  }, [api, source?.state]);
  useEffect(() => setPreview(null), [source]);
  const showPreview = async (): Promise<void> => {
    if (source === null) return;
    const r = await api.call('config.holidayPreview', { source, year });
    if (r.ok) {
      setPreview(r.value);
      setError(null);
    } else setError(r.error.message[lang]);
  };
  const setSource = (change: (s: HolidaySource) => void): void => edit((c) => { if (c.holidays !== null) change(c.holidays); });
  return (
    <div className="st-holidays">
      <h3 className="lt-h3">{t('hol.title')}</h3>
      <div className="st-row">
        <label className="st-check">
          <input type="checkbox" checked={source !== null} onChange={(e) => edit((c) => { c.holidays = e.target.checked ? structuredClone(NATIONAL) : null; })} data-testid="holidays-enabled" />
          {t('hol.enabled')}
        </label>
        {source === null ? null : (
          <>
            <Field label={t('hol.state')}>
              {(id) => (
                <Select id={id} value={source.state ?? ''} onChange={(e) => setSource((s) => { s.state = e.target.value === '' ? null : e.target.value; s.city = null; })}>
                  <option value="">{t('hol.national')}</option>
                  {regions.states.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
                </Select>
              )}
            </Field>
            <Field label={t('hol.city')}>
              {(id) => (
                <Select id={id} value={source.city ?? ''} disabled={source.state === null} onChange={(e) => setSource((s) => { s.city = e.target.value === '' ? null : e.target.value; })}>
                  <option value="">{t('hol.noCity')}</option>
                  {regions.cities.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
                </Select>
              )}
            </Field>
          </>
        )}
      </div>
      {source === null ? null : (
        <>
          <div className="st-row st-optional">
            <span className="muted">{t('hol.optional')}:</span>
            {OPTIONAL_POINTS.map((point) => (
              <label key={point} className="st-check">
                <input type="checkbox" checked={source.includeOptional.includes(point)}
                  onChange={(e) => setSource((s) => { s.includeOptional = e.target.checked ? [...s.includeOptional, point] : s.includeOptional.filter((p) => p !== point); })} />
                {t(`opt.${point}`)}
              </label>
            ))}
          </div>
          <div className="st-row">
            <Button size="s" icon="calendar" onClick={() => void showPreview()} data-testid="holidays-preview">
              {t('hol.preview', { year: String(year) })}
            </Button>
          </div>
          <FormError message={error} />
          {preview === null ? null : preview.length === 0 ? (
            <p className="muted">{t('hol.previewEmpty', { year: String(year) })}</p>
          ) : (
            <ul className="st-preview" data-testid="holidays-list">
              {preview.map((h) => (
                <li key={`${h.date}:${h.startMinute}`}>
                  <span className="st-date">{formatIsoDate(h.date, lang)}</span> {h.name}{' '}
                  <span className="muted">{h.startMinute === 0 && h.endMinute === 1440 ? t('hol.allDay') : `${minutesText(h.startMinute)}–${minutesText(h.endMinute)}`}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
};

/** The lead's dated exceptions: a closed day or special hours, with the reason (SPEC §3 "dated overrides"). */
const OverridesEditor = ({ calendar, edit, t, lang }: { calendar: Calendar; edit: Edit; t: SettingsT; lang: Lang }) => {
  const [date, setDate] = useState('');
  const [closed, setClosed] = useState(true);
  const [start, setStart] = useState('08:00');
  const [end, setEnd] = useState('12:00');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = (): void => {
    if (date === '') return setError(t('ovr.dateRequired'));
    if (reason.trim() === '') return setError(t('ovr.reasonRequired'));
    setError(null);
    edit((c) => {
      c.overrides = [...c.overrides.filter((o) => o.date !== date), { date, intervals: closed ? [] : [{ start, end }], reason: reason.trim() }].sort((a, b) => (a.date < b.date ? -1 : 1));
    });
    setDate('');
    setReason('');
    return undefined;
  };
  return (
    <div className="st-overrides" data-testid="overrides">
      <h3 className="lt-h3">{t('ovr.title')}</h3>
      {calendar.overrides.length === 0 ? <p className="muted">{t('ovr.empty')}</p> : null}
      <ul className="st-override-list">
        {calendar.overrides.map((o) => (
          <li key={o.date} data-date={o.date}>
            <span className="st-date">{formatIsoDate(o.date, lang)}</span>
            <span>{o.intervals.length === 0 ? t('ovr.closedDay') : o.intervals.map((i) => `${i.start}–${i.end}`).join(', ')}</span>
            <span className="muted">{o.reason}</span>
            <IconButton label={t('ovr.remove')} icon="trash" size="s" onClick={() => edit((c) => { c.overrides = c.overrides.filter((x) => x.date !== o.date); })} />
          </li>
        ))}
      </ul>
      <div className="st-row">
        <Field label={t('ovr.date')}>{(id, _d, labelId) => <DateInput id={id} labelledBy={labelId} value={date} onChange={setDate} testId="override-date" />}</Field>
        <label className="st-check">
          <input type="checkbox" checked={closed} onChange={(e) => setClosed(e.target.checked)} />
          {t('ovr.closedDay')}
        </label>
        {closed ? null : (
          <span className="st-interval">
            <TimeInput value={start} onChange={setStart} label={t('ovr.hoursFrom')} testId="override-start" />–
            <TimeInput value={end} onChange={setEnd} label={t('ovr.hoursTo')} testId="override-end" />
          </span>
        )}
        <Field label={t('ovr.reason')}>{(id) => <TextInput id={id} value={reason} maxLength={120} onChange={(e) => setReason(e.target.value)} data-testid="override-reason" />}</Field>
        <Button icon="plus" onClick={add} data-testid="override-add">
          {t('ovr.add')}
        </Button>
      </div>
      <FormError message={error} />
    </div>
  );
};

export const HolidaysEditor = ({ calendar, edit, t, lang }: { calendar: Calendar; edit: Edit; t: SettingsT; lang: Lang }) => (
  <>
    <HolidaySourceEditor calendar={calendar} edit={edit} t={t} lang={lang} />
    <OverridesEditor calendar={calendar} edit={edit} t={t} lang={lang} />
  </>
);
