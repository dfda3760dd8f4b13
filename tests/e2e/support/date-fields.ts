import type { Locator } from '@playwright/test';

// The app's date and time fields are segmented (day, month, year, hour, minute in the UI language's order), not
// <input type=date>: a test types each part into its segment, whatever the order the language puts them in.

/** Types "2026-11-25", "08:00" or "2026-11-25T08:00" into the segmented field `field` (its data-testid element). */
export const typeDate = async (field: Locator, value: string): Promise<void> => {
  const [date = '', time = ''] = value.includes('-') ? value.split('T') : ['', value];
  const [year, month, day] = date.split('-');
  const [hour, minute] = time.split(':');
  // Year and month before the day: a day is checked against the month it is typed into (31 in February).
  const parts: Array<[string, string | undefined]> = [['year', year], ['month', month], ['day', day], ['hour', hour], ['minute', minute]];
  for (const [type, part] of parts) {
    const segment = field.locator(`[role="spinbutton"][data-type="${type}"]`);
    if (part === undefined || (await segment.count()) === 0) continue;
    // Focus starts a fresh entry in the segment: the digits typed replace what it held.
    await segment.focus();
    await segment.pressSequentially(part);
  }
};

/** Picks "2026-11" in the month field `field` (the penalty month of the reports). */
export const pickMonth = async (field: Locator, value: string): Promise<void> => {
  const [year = '', month = ''] = value.split('-');
  await field.getByTestId(`${(await field.getAttribute('data-testid')) ?? ''}-year`).selectOption(String(Number(year)));
  await field.getByTestId(`${(await field.getAttribute('data-testid')) ?? ''}-month`).selectOption(String(Number(month)));
};
