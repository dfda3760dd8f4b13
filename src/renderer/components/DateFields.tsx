import { parseDate, parseDateTime, parseTime, type CalendarDate, type CalendarDateTime } from '@internationalized/date';
import { useState } from 'react';
import {
  Button as AriaButton,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateField,
  DateInput as AriaDateInput,
  DateSegment,
  Heading,
  I18nProvider,
  TimeField,
} from 'react-aria-components';
import { useT } from '../app/services';
import { formatter } from '../lib/format';
import { FloatingLayer, usePopover } from './floating';
import { Icon } from './icons';

// Date and time fields that follow the app's language, not the browser's: segmented fields (React Aria: day,
// month, year, hour and minute in the order and with the separators of the UI language, typed or changed with the
// arrow keys, announced by screen readers) and a calendar in a popover of the shared floating layer (month names
// and the first day of the week of the UI language). Times are 24-hour in both languages, as everywhere in the
// app. Values are the same strings the rest of the code already uses: "2026-11-25", "08:00",
// "2026-11-25T08:00" (São Paulo wall time) — '' while incomplete.

interface FieldProps<V extends string> {
  value: V | '';
  onChange: (value: string) => void;
  /** The id of the visible label (Field's `${id}-label`), or a label of its own. */
  labelledBy?: string;
  label?: string;
  id?: string;
  invalid?: boolean;
  testId?: string;
  /** Latest date allowed ("2026-11-25"). */
  max?: string;
}

const safe = <T,>(parse: (v: string) => T, value: string): T | null => {
  if (value === '') return null;
  try {
    return parse(value);
  } catch {
    return null;
  }
};

const Segments = ({ testId }: { testId?: string }) => (
  <AriaDateInput className="input date-input" data-testid={testId}>
    {(segment) => <DateSegment segment={segment} className="date-segment" />}
  </AriaDateInput>
);

/** The calendar button beside a date field: a month grid in a popover that stays inside the window. */
const CalendarButton = ({ value, onPick, max, testId }: { value: CalendarDate | null; onPick: (date: CalendarDate) => void; max?: CalendarDate | null; testId?: string }) => {
  const { t, lang } = useT();
  const [open, setOpen] = useState(false);
  const { refs, floatingStyles, context, nodeId, getReferenceProps, getFloatingProps } = usePopover({ open, onOpenChange: setOpen, placement: 'bottom-end' });
  return (
    <>
      <button type="button" ref={refs.setReference} className="btn btn-ghost btn-icon date-open" aria-label={t('date.openCalendar')} title={t('date.openCalendar')} data-testid={testId === undefined ? undefined : `${testId}-calendar`} {...getReferenceProps()}>
        <Icon name="calendar" size={15} />
      </button>
      {open ? (
        <FloatingLayer nodeId={nodeId} context={context} initialFocus={-1}>
          <div ref={refs.setFloating} className="menu date-popover" style={floatingStyles} aria-label={t('date.calendar')} {...getFloatingProps()}>
            <I18nProvider locale={lang}>
              <Calendar
                aria-label={t('date.calendar')}
                value={value}
                maxValue={max ?? undefined}
                autoFocus
                onChange={(date) => {
                  onPick(date);
                  setOpen(false);
                }}
                className="calendar"
              >
                <header className="calendar-head">
                  <AriaButton slot="previous" className="btn btn-ghost btn-s btn-icon" aria-label={t('date.previousMonth')}>
                    <Icon name="chevronRight" size={14} style={{ transform: 'rotate(180deg)' }} />
                  </AriaButton>
                  <Heading className="calendar-title" />
                  <AriaButton slot="next" className="btn btn-ghost btn-s btn-icon" aria-label={t('date.nextMonth')}>
                    <Icon name="chevronRight" size={14} />
                  </AriaButton>
                </header>
                <CalendarGrid className="calendar-grid">{(date) => <CalendarCell date={date} className="calendar-cell" />}</CalendarGrid>
              </Calendar>
            </I18nProvider>
          </div>
        </FloatingLayer>
      ) : null}
    </>
  );
};

/** A date ("2026-11-25") in the UI language's order, with a calendar. */
export const DateInput = ({ value, onChange, labelledBy, label, id, invalid, testId, max }: FieldProps<string>) => {
  const { lang } = useT();
  const date = safe(parseDate, value);
  const maxDate = max === undefined ? null : safe(parseDate, max);
  return (
    <I18nProvider locale={lang}>
      <div className="date-field">
        <DateField
          id={id}
          value={date}
          maxValue={maxDate ?? undefined}
          onChange={(next) => onChange(next === null ? '' : next.toString())}
          aria-labelledby={labelledBy}
          aria-label={label}
          isInvalid={invalid}
          shouldForceLeadingZeros
          granularity="day"
        >
          <Segments testId={testId} />
        </DateField>
        <CalendarButton value={date} max={maxDate} onPick={(d) => onChange(d.toString())} testId={testId} />
      </div>
    </I18nProvider>
  );
};

/** A time of day ("08:00"), 24-hour. */
export const TimeInput = ({ value, onChange, labelledBy, label, id, invalid, testId }: FieldProps<string>) => {
  const { lang } = useT();
  return (
    <I18nProvider locale={lang}>
      <TimeField
        id={id}
        className="time-field"
        value={safe(parseTime, value)}
        onChange={(next) => onChange(next === null ? '' : next.toString().slice(0, 5))}
        aria-labelledby={labelledBy}
        aria-label={label}
        isInvalid={invalid}
        hourCycle={24}
        shouldForceLeadingZeros
      >
        <Segments testId={testId} />
      </TimeField>
    </I18nProvider>
  );
};

/** A date and time ("2026-11-25T08:00", São Paulo wall time), with a calendar for the date part. */
export const DateTimeInput = ({ value, onChange, labelledBy, label, id, invalid, testId }: FieldProps<string>) => {
  const { lang } = useT();
  const dateTime: CalendarDateTime | null = safe(parseDateTime, value);
  return (
    <I18nProvider locale={lang}>
      <div className="date-field">
        <DateField
          id={id}
          value={dateTime}
          onChange={(next) => onChange(next === null ? '' : next.toString().slice(0, 16))}
          aria-labelledby={labelledBy}
          aria-label={label}
          isInvalid={invalid}
          granularity="minute"
          hourCycle={24}
          shouldForceLeadingZeros
        >
          <Segments testId={testId} />
        </DateField>
        <CalendarButton
          value={dateTime === null ? null : parseDate(dateTime.toString().slice(0, 10))}
          onPick={(d) => onChange(`${d.toString()}T${dateTime === null ? '08:00' : dateTime.toString().slice(11, 16)}`)}
          testId={testId}
        />
      </div>
    </I18nProvider>
  );
};

/**
 * A month ("2026-11"): month names and year in the UI language, with previous/next steps — the penalty month
 * of the reports.
 */
export const MonthInput = ({ value, onChange, labelledBy, label, id, testId, latestYear }: FieldProps<string> & { latestYear: number }) => {
  const { t, lang } = useT();
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  const year = match === null ? latestYear : Number(match[1]);
  const month = match === null ? 1 : Number(match[2]);
  const names = Array.from({ length: 12 }, (_, i) => formatter(lang, 'month-long', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, i, 15)));
  const years = Array.from({ length: 8 }, (_, i) => latestYear - 7 + i);
  if (!years.includes(year)) years.unshift(year);
  const set = (y: number, m: number): void => onChange(`${y}-${String(m).padStart(2, '0')}`);
  const step = (delta: number): void => {
    const index = year * 12 + (month - 1) + delta;
    set(Math.floor(index / 12), (index % 12) + 1);
  };
  return (
    <div className="month-field" role="group" id={id} aria-labelledby={labelledBy} aria-label={label} data-testid={testId}>
      <button type="button" className="btn btn-ghost btn-icon" aria-label={t('date.previousMonth')} title={t('date.previousMonth')} onClick={() => step(-1)}>
        <Icon name="chevronRight" size={14} style={{ transform: 'rotate(180deg)' }} />
      </button>
      <select className="input select" value={month} aria-label={t('date.month')} onChange={(e) => set(year, Number(e.target.value))} data-testid={testId === undefined ? undefined : `${testId}-month`}>
        {names.map((name, i) => (
          <option key={name} value={i + 1}>
            {name}
          </option>
        ))}
      </select>
      <select className="input select" value={year} aria-label={t('date.year')} onChange={(e) => set(Number(e.target.value), month)} data-testid={testId === undefined ? undefined : `${testId}-year`}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-ghost btn-icon" aria-label={t('date.nextMonth')} title={t('date.nextMonth')} disabled={year > latestYear || (year === latestYear && month === 12)} onClick={() => step(1)}>
        <Icon name="chevronRight" size={14} />
      </button>
    </div>
  );
};
