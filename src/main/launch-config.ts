import { z } from 'zod';

// Everything main is told from outside — environment and command line — parsed with zod in one place
// (ARCHITECTURE.md style 5). scripts/start.ts and the Electron e2e tests set these; a user's shortcut may
// pass --board for the wall-mounted TV.

const Env = z.object({
  /** Electron's userData folder (the replica lives there); isolated per e2e test. */
  SOE_USER_DATA: z.string().min(1).optional(),
  /** The central server to sync with; absent = local only. */
  SOE_SERVER_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Log in as this demo analyst (password "demo") once at start: `npm start` opens the app logged in. */
  SOE_DEMO_LOGIN: z.string().regex(/^[a-z0-9._-]{1,64}$/, 'a demo login such as beatriz').optional(),
  /** better-sqlite3 built for Electron's ABI (development only: packaged apps use their own copy). */
  SOE_NATIVE_BINDING: z.string().min(1).optional(),
});

const CRASH_COUNT_FLAG = '--soe-crash-count=';

export interface LaunchConfig {
  userData: string | null;
  serverUrl: string | null;
  demoLogin: string | null;
  nativeBinding: string | null;
  /** Open the SLA board (kiosk, second display) at start. */
  board: boolean;
  /** How many crashes in a row led to this launch (0 = a normal start). */
  crashCount: number;
}

export type LaunchConfigResult = { ok: true; config: LaunchConfig } | { ok: false; message: string };

export const parseLaunchConfig = (input: { env: Record<string, string | undefined>; argv: readonly string[]; isPackaged: boolean }): LaunchConfigResult => {
  const env = Env.safeParse(input.env);
  if (!env.success) {
    return { ok: false, message: env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  }
  // Chromium switches share argv with ours, so only our exact flags are read; the rest is Chromium's business.
  const crashArg = input.argv.find((arg) => arg.startsWith(CRASH_COUNT_FLAG));
  const crashCount = z.coerce.number().int().min(0).max(1000).safeParse(crashArg?.slice(CRASH_COUNT_FLAG.length) ?? '0');
  if (!crashCount.success) return { ok: false, message: `${CRASH_COUNT_FLAG}: not a count` };
  return {
    ok: true,
    config: {
      userData: env.data.SOE_USER_DATA ?? null,
      serverUrl: env.data.SOE_SERVER_URL ?? null,
      demoLogin: env.data.SOE_DEMO_LOGIN ?? null,
      // A packaged app never loads native code named by an environment variable.
      nativeBinding: input.isPackaged ? null : (env.data.SOE_NATIVE_BINDING ?? null),
      board: input.argv.includes('--board'),
      crashCount: crashCount.data,
    },
  };
};

/** The command line for a relaunch after a crash: the same flags with the crash count replaced. */
export const relaunchArgs = (argv: readonly string[], crashCount: number): string[] => [
  ...argv.filter((arg) => !arg.startsWith(CRASH_COUNT_FLAG)),
  `${CRASH_COUNT_FLAG}${crashCount}`,
];

/** What a second instance tells the first one (app.requestSingleInstanceLock's additionalData). */
export const SecondInstanceData = z.object({ board: z.boolean() }).catch({ board: false });
