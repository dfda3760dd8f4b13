import { z } from 'zod';
import { CatalogItem, domainError, foldText, SlaConfig, type SlaConfig as SlaConfigRow } from '../domain';
import { canonicalJson, slaConfigIssues } from './config-checks';
import { requirePermission } from './helpers';
import { defineMutator } from './types';

// The lead's configuration (SPEC §8 "plans, calendars, penalties, modules, analysts"): each save is a mutation
// like any other — validated here, recorded in the outbox, applied by the server (which writes the audit line)
// and pulled by every desktop.

/** What a lead edits: a whole SLA configuration; the version and its start are not theirs to choose. */
export const SlaConfigDraft = SlaConfig.omit({ version: true, effectiveFrom: true });
export type SlaConfigDraft = z.infer<typeof SlaConfigDraft>;

export const UpdateSlaConfigArgs = z.object({
  /** The version the lead was editing: a save over someone else's newer edit is refused, not merged blindly. */
  baseVersion: z.number().int().positive(),
  config: SlaConfigDraft,
});

const draftOf = ({ version: _v, effectiveFrom: _e, ...draft }: SlaConfigRow): SlaConfigDraft => draft;

/**
 * A lead saves a new SLA configuration: version current+1, in force from the moment of the edit (SPEC §3 rule 7).
 * OCs already open keep the version they were bound to until a lead runs the explicit 'sla.recompute'.
 */
export const updateSlaConfig = defineMutator({
  name: 'sla.updateConfig',
  args: UpdateSlaConfigArgs,
  generatedIds: [],
  needs: () => ({}),
  apply: (state, args, ctx) => {
    const denied = requirePermission(ctx, 'configure');
    if (denied !== null) return denied;
    const current = state.slaConfig;
    if (args.baseVersion !== current.version) {
      return domainError('CONFIG_STALE', {
        'pt-BR': `A configuração de SLA mudou enquanto você editava (você editou a versão ${args.baseVersion}; a atual é a ${current.version}). Recarregue e refaça a alteração.`,
        en: `The SLA configuration changed while you were editing (you edited version ${args.baseVersion}; the current one is ${current.version}). Reload and redo your change.`,
      }, { baseVersion: args.baseVersion, currentVersion: current.version });
    }
    const draft: SlaConfigDraft = { ...args.config, warnThresholdsPct: [...args.config.warnThresholdsPct].sort((a, b) => a - b) };
    if (canonicalJson(draft) === canonicalJson(draftOf(current))) return { changes: [], events: [] };
    const next: SlaConfigRow = { ...draft, version: current.version + 1, effectiveFrom: ctx.actedAt };
    const issues = slaConfigIssues(next);
    if (issues.length > 0) {
      return domainError('CONFIG_INVALID', {
        'pt-BR': `Configuração de SLA não salva: ${issues.map((i) => i['pt-BR']).join(' ')}`,
        en: `SLA configuration not saved: ${issues.map((i) => i.en).join(' ')}`,
      }, { issues });
    }
    return { changes: [{ table: 'sla_config', row: next }], events: [] };
  },
});

/** Modules and segments are configurable (SPEC §2); ids are stable slugs, names are what people read. */
export const upsertCatalogItem = defineMutator({
  name: 'catalog.upsert',
  args: CatalogItem,
  generatedIds: [],
  needs: () => ({ catalog: true }),
  apply: (state, args, ctx) => {
    const denied = requirePermission(ctx, 'configure');
    if (denied !== null) return denied;
    const before = state.catalog.find((item) => item.id === args.id);
    // Analysts' specialties and customers refer to the id; turning a module into a segment would mix them up.
    if (before !== undefined && before.kind !== args.kind) {
      return domainError('CATALOG_KIND_FIXED', {
        'pt-BR': `"${before.name}" já é ${before.kind === 'module' ? 'um módulo' : 'um segmento'} e não pode mudar de tipo.`,
        en: `"${before.name}" is already a ${before.kind} and cannot change kind.`,
      });
    }
    const folded = foldText(args.name.trim());
    const clash = state.catalog.find((item) => item.kind === args.kind && item.id !== args.id && foldText(item.name.trim()) === folded);
    if (clash !== undefined) {
      return domainError('CATALOG_NAME_TAKEN', {
        'pt-BR': `Já existe ${args.kind === 'module' ? 'um módulo' : 'um segmento'} chamado "${clash.name}".`,
        en: `A ${args.kind} named "${clash.name}" already exists.`,
      });
    }
    if (before !== undefined && before.name === args.name && before.active === args.active) return { changes: [], events: [] };
    return { changes: [{ table: 'catalog', row: args }], events: [] };
  },
});
