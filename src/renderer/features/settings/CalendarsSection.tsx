import { useStore } from 'zustand';
import type { Calendar } from '../../../shared/domain';
import { foldText } from '../../../shared/domain';
import { Button, IconButton } from '../../components/Button';
import { TimeInput } from '../../components/DateFields';
import { Field, Select, TextInput } from '../../components/Field';
import { useServices } from '../../app/services';
import type { Lang } from '../../i18n/define';
import { HolidaysEditor } from './HolidaysEditor';
import type { SettingsT } from './messages';
import type { SettingsStore } from './settings-store';
import { TIME_ZONE_CHOICES, timeZoneLabel } from './time-zones';

// Calendars of SPEC §3: weekly open hours, holidays from date-holidays and the lead's dated overrides. Each edit
// changes the draft; the whole configuration is saved as a new version.

type Edit = (change: (calendar: Calendar) => void) => void;

const slugOf = (name: string, taken: readonly string[]): string => {
  const base = foldText(name).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 32) || 'calendario';
  let id = base.length < 2 ? `${base}_1` : base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}_${n}`;
  return id;
};

const WeeklyEditor = ({ calendar, edit, t }: { calendar: Calendar; edit: Edit; t: SettingsT }) => (
  <div className="st-weekly">
    {calendar.weekly.map((intervals, day) => (
      <div key={day} className="st-day" data-day={day}>
        <span className="st-day-name">{t(`day.${day}` as 'day.0')}</span>
        <span className="st-intervals">
          {intervals.length === 0 ? <span className="muted">{t('cal.closed')}</span> : null}
          {intervals.map((interval, i) => (
            <span key={i} className="st-interval">
              <TimeInput value={interval.start} label={t('cal.intervalFrom', { day: t(`day.${day}` as 'day.0'), n: String(i + 1) })}
                onChange={(start) => edit((c) => { (c.weekly[day] as Calendar['weekly'][number])[i] = { ...interval, start }; })} />
              –
              <TimeInput value={interval.end === '24:00' ? '23:59' : interval.end} label={t('cal.intervalTo', { day: t(`day.${day}` as 'day.0'), n: String(i + 1) })}
                onChange={(end) => edit((c) => { (c.weekly[day] as Calendar['weekly'][number])[i] = { ...interval, end }; })} />
              <IconButton label={t('cal.removeInterval')} icon="x" size="s" onClick={() => edit((c) => { (c.weekly[day] as Calendar['weekly'][number]).splice(i, 1); })} />
            </span>
          ))}
          <Button size="s" variant="ghost" icon="plus" onClick={() => edit((c) => {
            const list = c.weekly[day] as Calendar['weekly'][number];
            const last = list[list.length - 1];
            list.push(last === undefined ? { start: '08:00', end: '12:00' } : { start: '13:00', end: '18:00' });
          })}>
            {t('cal.addInterval')}
          </Button>
        </span>
      </div>
    ))}
  </div>
);

export const CalendarsSection = ({ store, t, lang }: { store: SettingsStore; t: SettingsT; lang: Lang }) => {
  const draft = useStore(store, (s) => s.draft);
  const now = useServices().clock.read();
  if (draft === null) return null;
  const editDraft = store.getState().edit;
  const used = new Set([draft.olaCalendarId, ...Object.values(draft.targets).flatMap((byCrit) => Object.values(byCrit).map((x) => x.calendarId))]);
  return (
    <div className="st-stack" data-testid="settings-calendars">
      {draft.calendars.map((calendar, index) => {
        const edit: Edit = (change) => editDraft((d) => change(d.calendars[index] as Calendar));
        return (
          <section key={calendar.id} className="card st-card" data-calendar={calendar.id}>
            <div className="st-row st-calendar-head">
              <Field label={t('cal.name')}>{(id) => <TextInput id={id} value={calendar.name} onChange={(e) => edit((c) => { c.name = e.target.value; })} />}</Field>
              <Field label={t('cal.id')}>{(id) => <TextInput id={id} value={calendar.id} readOnly />}</Field>
              <Field label={t('cal.zone')}>
                {(id) => (
                  <Select id={id} value={calendar.timeZone} onChange={(e) => edit((c) => { c.timeZone = e.target.value; })}>
                    {(TIME_ZONE_CHOICES.includes(calendar.timeZone) ? TIME_ZONE_CHOICES : [calendar.timeZone, ...TIME_ZONE_CHOICES]).map((zone) => (
                      <option key={zone} value={zone}>{timeZoneLabel(zone, lang, now)}</option>
                    ))}
                  </Select>
                )}
              </Field>
              <label className="st-check">
                <input type="checkbox" checked={calendar.alwaysOpen} onChange={(e) => edit((c) => { c.alwaysOpen = e.target.checked; })} />
                {t('cal.alwaysOpen')}
              </label>
              <span className="spacer" />
              <Button variant="ghost" icon="trash" disabled={used.has(calendar.id) || draft.calendars.length === 1} title={used.has(calendar.id) ? t('cal.inUse') : undefined}
                onClick={() => editDraft((d) => { d.calendars.splice(index, 1); })}>
                {t('cal.remove')}
              </Button>
            </div>
            {calendar.alwaysOpen ? null : (
              <>
                <h3 className="lt-h3">{t('cal.weekly')}</h3>
                <WeeklyEditor calendar={calendar} edit={edit} t={t} />
              </>
            )}
            <HolidaysEditor calendar={calendar} edit={edit} t={t} lang={lang} />
          </section>
        );
      })}
      <div>
        <Button icon="plus" onClick={() => editDraft((d) => {
          const base = d.calendars.find((c) => c.id === d.olaCalendarId) ?? d.calendars[0];
          if (base === undefined) return;
          d.calendars.push({ ...structuredClone(base), id: slugOf(t('cal.newName'), d.calendars.map((c) => c.id)), name: t('cal.newName'), overrides: [] });
        })} data-testid="calendar-add">
          {t('cal.add')}
        </Button>
      </div>
    </div>
  );
};
