// `npm run --silent sla < case.json` — evaluates the SLA clocks of one OC described in JSON and prints them.
// For leads checking a policy and for reproducing a reported SLA case exactly (SPEC §3 rule 1: the result is
// a pure function of events, configuration and now). Bad input exits with code 2 and says what is wrong, naming
// the field, in Portuguese and English. The input is read by src/shared/sla/case-input.ts.
import { pathToFileURL } from 'node:url';
import { readSlaCase, type SlaCase } from '../src/shared/sla/case-input';
import { evaluateSla, slaBadge } from '../src/shared/sla/clocks';
import { formatInstantIso } from '../src/shared/sla/time-zone';

const duration = (ms: number): string => {
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return `${sign}${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}`;
};

const answer = ({ events, now, configs, timeZone }: SlaCase): string => {
  // Every version the events name is in `configs` (case-input checks it).
  const result = evaluateSla(events, (v) => configs.get(v) as NonNullable<ReturnType<typeof configs.get>>, now);
  const iso = (t: number | null): string | null => (t === null ? null : formatInstantIso(t, timeZone));
  const badge = slaBadge(result);
  return JSON.stringify(
    {
      now: iso(now),
      timeZone,
      configVersion: result.configVersion,
      nextChangeAt: iso(result.nextChangeAt),
      badge: badge === null ? null : { ...badge, dueAt: iso(badge.dueAt), breachedAt: iso(badge.breachedAt) },
      clocks: result.clocks.map((c) => ({
        ...c,
        startedAt: iso(c.startedAt),
        dueAt: iso(c.dueAt),
        breachedAt: iso(c.breachedAt),
        metAt: iso(c.metAt),
        stoppedAt: iso(c.stoppedAt),
        target: duration(c.targetMs),
        elapsed: duration(c.elapsedMs),
        remaining: duration(c.remainingMs),
        percent: Math.round(c.percent * 100) / 100,
        alerts: c.alerts.map((a) => ({ ...a, crossedAt: iso(a.crossedAt), alertAt: iso(a.alertAt) })),
      })),
    },
    null,
    2,
  );
};

/** The command on a text: what it prints and its exit code (0, or 2 for bad input). */
export const runSlaCase = (text: string): { code: 0 | 2; stdout: string; stderr: string } => {
  const input = readSlaCase(text);
  if (!input.ok) {
    const { path, en, pt } = input.error;
    const where = path === '' ? '' : `${path}: `;
    return { code: 2, stdout: '', stderr: `sla-case: ${where}${en}\n          ${where}${pt}\n` };
  }
  return { code: 0, stdout: `${answer(input.value)}\n`, stderr: '' };
};

const main = async (): Promise<void> => {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk as string;
  const { code, stdout, stderr } = runSlaCase(text);
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
