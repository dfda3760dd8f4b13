import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { isDomainError, type SlaConfig } from '../../../../src/shared/domain';
import { SlaConfigDraft } from '../../../../src/shared/mutators/config';
import { HOLIDAY_REGIONS_BR } from '../../../../src/shared/mutators/config-checks';
import { evaluateSla } from '../../../../src/shared/sla/clocks';
import { indexConfig } from '../../../../src/shared/sla/config-index';
import { ADMIN, ANA, BEATRIZ, T0, World } from '../../../fixtures/domain';

const draftOf = (config: SlaConfig) => SlaConfigDraft.parse(config);
const HOUR = 3_600_000;

describe('sla.updateConfig (SPEC §3 rule 7, §8)', () => {
  it('saves a new version current+1 in force from the moment of the edit', () => {
    const world = new World();
    const draft = draftOf(world.state.slaConfig);
    draft.targets.ouro.alta.resolutionMinutes = 600;
    world.ok('sla.updateConfig', { baseVersion: 1, config: draft }, world.as(BEATRIZ), T0 + 5_000);
    const latest = world.state.slaConfig;
    expect(latest.version).toBe(2);
    expect(latest.effectiveFrom).toBe(T0 + 5_000);
    expect(latest.targets.ouro.alta.resolutionMinutes).toBe(600);
    // The old version is kept untouched: OCs bound to it still compute with it.
    expect(world.state.slaConfigs.get(1)?.targets.ouro.alta.resolutionMinutes).toBe(16 * 60);
  });

  it('is for leads and admins only', () => {
    const world = new World();
    const draft = draftOf(world.state.slaConfig);
    draft.penaltyCapPct = 20;
    expect(world.run('sla.updateConfig', { baseVersion: 1, config: draft }, world.as(ANA))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    world.ok('sla.updateConfig', { baseVersion: 1, config: draft }, world.as(ADMIN));
    expect(world.state.slaConfig.penaltyCapPct).toBe(20);
  });

  it('refuses a save over a newer version someone else made', () => {
    const world = new World();
    const mine = draftOf(world.state.slaConfig);
    const theirs = draftOf(world.state.slaConfig);
    theirs.olaN2PickupMinutes = 45;
    mine.olaN2PickupMinutes = 20;
    world.ok('sla.updateConfig', { baseVersion: 1, config: theirs }, world.as(ADMIN));
    expect(world.run('sla.updateConfig', { baseVersion: 1, config: mine }, world.as(BEATRIZ))).toMatchObject({
      code: 'CONFIG_STALE',
      details: { baseVersion: 1, currentVersion: 2 },
    });
    expect(world.state.slaConfig.olaN2PickupMinutes).toBe(45);
  });

  it('writes nothing when nothing changed (threshold order does not matter)', () => {
    const world = new World();
    const draft = draftOf(world.state.slaConfig);
    draft.warnThresholdsPct = [90, 50, 75];
    expect(world.ok('sla.updateConfig', { baseVersion: 1, config: draft }, world.as(BEATRIZ))).toEqual([]);
    expect(world.state.slaConfig.version).toBe(1);
  });

  it.each([
    ['a calendar with no open hour', (d: SlaConfigDraft) => { (d.calendars[0] as SlaConfigDraft['calendars'][number]).weekly = [[], [], [], [], [], [], []]; }, 'sem nenhum horário'],
    ['overlapping intervals', (d: SlaConfigDraft) => { (d.calendars[0] as SlaConfigDraft['calendars'][number]).weekly[1] = [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '18:00' }]; }, 'sobrepostos'],
    ['a target on a missing calendar', (d: SlaConfigDraft) => { d.targets.vip.alta.calendarId = 'nao_existe'; }, 'inexistente'],
    ['a response due after the resolution', (d: SlaConfigDraft) => { d.targets.prata.baixa.responseMinutes = 99_999; }, 'primeira resposta'],
    ['an unknown holiday state', (d: SlaConfigDraft) => { (d.calendars[0] as SlaConfigDraft['calendars'][number]).holidays = { country: 'BR', state: 'XX', city: null, includeOptional: [] }; }, 'Estado desconhecido'],
    ['the same date overridden twice', (d: SlaConfigDraft) => { (d.calendars[0] as SlaConfigDraft['calendars'][number]).overrides = [{ date: '2026-03-10', intervals: [], reason: 'a' }, { date: '2026-03-10', intervals: [], reason: 'b' }]; }, 'duas vezes'],
    ['an unknown time zone', (d: SlaConfigDraft) => { (d.calendars[0] as SlaConfigDraft['calendars'][number]).timeZone = 'Mars/Olympus'; }, 'Mars/Olympus'],
  ])('refuses %s with a message naming it', (_name, edit, words) => {
    const world = new World();
    const draft = draftOf(world.state.slaConfig);
    edit(draft);
    const result = world.run('sla.updateConfig', { baseVersion: 1, config: draft }, world.as(BEATRIZ));
    expect(isDomainError(result) && result.code).toBe('CONFIG_INVALID');
    expect(isDomainError(result) && result.message['pt-BR']).toContain(words);
    expect(world.state.slaConfig.version).toBe(1);
  });

  it('knows the same Brazilian states and cities as date-holidays (the engine would throw on any other)', () => {
    const holidays = new Holidays();
    const states = holidays.getStates('BR') ?? {};
    expect(Object.keys(HOLIDAY_REGIONS_BR).sort()).toEqual(Object.keys(states).sort());
    for (const state of Object.keys(states)) expect([...(HOLIDAY_REGIONS_BR[state] ?? [])].sort()).toEqual(Object.keys(holidays.getRegions('BR', state) ?? {}).sort());
  });

  it('saves only what the SLA engine can compile (a city holiday source, special hours, another zone)', () => {
    const world = new World();
    const draft = draftOf(world.state.slaConfig);
    const calendar = draft.calendars[0] as SlaConfigDraft['calendars'][number];
    calendar.holidays = { country: 'BR', state: 'SP', city: 'SP', includeOptional: ['carnaval'] };
    calendar.overrides = [{ date: '2026-03-10', intervals: [{ start: '09:00', end: '12:00' }], reason: 'Inventário' }];
    calendar.timeZone = 'America/Manaus';
    world.ok('sla.updateConfig', { baseVersion: 1, config: draft }, world.as(BEATRIZ));
    expect(() => indexConfig(world.state.slaConfig).resolution('ouro', 'alta').calendar.yearBlock(2026)).not.toThrow();
    const bad = draftOf(world.state.slaConfig);
    (bad.calendars[0] as SlaConfigDraft['calendars'][number]).holidays = { country: 'BR', state: 'BA', city: 'SP', includeOptional: [] };
    expect(world.run('sla.updateConfig', { baseVersion: 2, config: bad }, world.as(BEATRIZ))).toMatchObject({ code: 'CONFIG_INVALID' });
  });

  it('refuses values the schema forbids before the mutator runs', () => {
    const world = new World();
    const draft = draftOf(world.state.slaConfig);
    expect(world.run('sla.updateConfig', { baseVersion: 1, config: { ...draft, penaltyCapPct: 150 } }, world.as(BEATRIZ))).toMatchObject({ code: 'INVALID_ARGS' });
  });

  it('leaves open OCs on their version until the explicit recompute (rule 7)', () => {
    const world = new World();
    world.ok('oc.create', { id: 'oc', customerId: 'cust-1', channel: 'extranet', module: 'fiscal', criticidade: 'alta', kind: 'erro', subject: 'Assunto', description: 'd' }, world.contactActor());
    const configs = (v: number) => world.state.slaConfigs.get(v) as SlaConfig;
    const due = () => evaluateSla(world.state.events.filter((e) => e.ocId === 'oc'), configs, T0 + HOUR).clocks.find((c) => c.clock === 'resolution')?.dueAt;
    const before = due();
    const draft = draftOf(world.state.slaConfig);
    // A closed day tomorrow (Tuesday 2026-03-03) on the business calendar.
    (draft.calendars[0] as SlaConfigDraft['calendars'][number]).overrides = [{ date: '2026-03-03', intervals: [], reason: 'Ponto facultativo' }];
    world.ok('sla.updateConfig', { baseVersion: 1, config: draft }, world.as(BEATRIZ), T0 + 10 * 60_000);
    expect(world.oc('oc').slaConfigVersion).toBe(1);
    expect(due()).toBe(before);
    const events = world.ok('sla.recompute', {}, world.as(BEATRIZ), T0 + 20 * 60_000);
    expect(events.map((e) => e.data)).toEqual([{ type: 'sla_recomputed', fromVersion: 1, toVersion: 2 }]);
    expect(world.oc('oc').slaConfigVersion).toBe(2);
    // Ouro/alta resolution = 16 business hours: the closed Tuesday pushes the deadline one business day later.
    expect(due()).toBeGreaterThan(before as number);
  });
});

describe('catalog.upsert (SPEC §2 configurable modules and segments)', () => {
  it('adds a module and renames or deactivates it later', () => {
    const world = new World();
    world.ok('catalog.upsert', { id: 'ecommerce', kind: 'module', name: 'E-commerce', active: true }, world.as(BEATRIZ));
    world.ok('catalog.upsert', { id: 'ecommerce', kind: 'module', name: 'Loja virtual', active: false }, world.as(BEATRIZ));
    expect(world.state.catalog.get('ecommerce')).toEqual({ id: 'ecommerce', kind: 'module', name: 'Loja virtual', active: false });
  });

  it('keeps an item kind fixed and names unique per kind, accent-insensitive', () => {
    const world = new World();
    world.ok('catalog.upsert', { id: 'logistica', kind: 'module', name: 'Logística', active: true }, world.as(BEATRIZ));
    expect(world.run('catalog.upsert', { id: 'logistica', kind: 'segment', name: 'Logística', active: true }, world.as(BEATRIZ))).toMatchObject({ code: 'CATALOG_KIND_FIXED' });
    expect(world.run('catalog.upsert', { id: 'logistica2', kind: 'module', name: 'logistica', active: true }, world.as(BEATRIZ))).toMatchObject({ code: 'CATALOG_NAME_TAKEN' });
    // The same name as a segment is another list.
    world.ok('catalog.upsert', { id: 'logistica_seg', kind: 'segment', name: 'Logística', active: true }, world.as(BEATRIZ));
  });

  it('is for leads and admins only, and refuses a bad slug', () => {
    const world = new World();
    expect(world.run('catalog.upsert', { id: 'ecommerce', kind: 'module', name: 'E-commerce', active: true }, world.as(ANA))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(world.run('catalog.upsert', { id: 'E Commerce', kind: 'module', name: 'E-commerce', active: true }, world.as(BEATRIZ))).toMatchObject({ code: 'INVALID_ARGS' });
  });
});
