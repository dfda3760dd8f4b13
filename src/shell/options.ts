import { z } from 'zod';
import { Line } from '../shared/domain/text';

/**
 * What the browser shell is started with (parsed from the command line by scripts/start-browser.ts, or given
 * directly by tests). Parsed with zod like every boundary (ARCHITECTURE.md style 5); a path or login with NUL or a
 * control character is refused here, not by the file system later.
 */
export const ShellOptions = z.object({
  /** Folder of this desktop's data: the replica (and, with the embedded server, the server's database). */
  dataDir: Line().min(1).max(4_096),
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: z.number().int().min(0).max(65_535).default(0),
  /** The built renderer (out/renderer). */
  rendererDir: Line().min(1).max(4_096),
  /** A central server to sync with; null = start the embedded one (PGlite in the data folder). */
  serverUrl: z.url().nullable().default(null),
  /** No server at all: the replica alone, seeded with the demo (a single machine; also the fast test mode). */
  local: z.boolean().default(false),
  /** Demo data for an empty data folder: how many OCs, which seed. 0 = start empty. */
  demoOcs: z.number().int().min(0).max(2_000_000).default(3_000),
  demoSeed: z.number().int().min(0).default(1),
  /** 'worst-case' seeds the demo plus the worst cases of src/shared/demo/worst-case.ts (long names, old breaches…). */
  fixture: z.enum(['demo', 'worst-case']).default('demo'),
  /**
   * Run as of this instant (epoch ms): the demo is generated for it and the app's clock starts there and runs on
   * (the replica's clock, or the embedded server's, shifted). Null = the real time (the worst-case fixture: its
   * night, WORST_CASE_NOW). Not with a remote server.
   */
  now: z.number().int().nullable().default(null),
  /** Demo traffic: new OCs through the Extranet intake API at a realistic rate (only with the embedded server). */
  simulate: z.boolean().default(true),
  /** Mean new OCs per hour from the simulator (the manual's team handles about 110 a working day). */
  simPerHour: z.number().positive().max(3_600).default(20),
  /** Log this demo analyst in (password "demo") before the URL is handed out, as `npm start` does for the lead. */
  demoLogin: Line().trim().toLowerCase().min(1).max(40).nullable().default(null),
});
export type ShellOptions = z.infer<typeof ShellOptions>;
export type ShellOptionsInput = z.input<typeof ShellOptions>;
