import { z } from 'zod';
import { Slug } from './ids';
import { Line } from './text';

// Modules and segments are configurable (SPEC §2); these are the defaults a new installation starts with.
export const CatalogKind = z.enum(['module', 'segment']);
export type CatalogKind = z.infer<typeof CatalogKind>;

export const CatalogItem = z.object({
  id: Slug,
  kind: CatalogKind,
  name: Line().trim().min(1).max(60),
  active: z.boolean(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

export const DEFAULT_MODULES: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'financeiro', name: 'Financeiro' },
  { id: 'fiscal', name: 'Fiscal' },
  { id: 'faturamento', name: 'Faturamento/Vendas' },
  { id: 'compras', name: 'Compras' },
  { id: 'estoque', name: 'Estoque' },
  { id: 'producao', name: 'Produção (PCP)' },
  { id: 'contabilidade', name: 'Contabilidade' },
  { id: 'folha', name: 'Folha/RH' },
  { id: 'crm', name: 'CRM' },
  { id: 'logistica', name: 'Logística' },
  { id: 'seguranca', name: 'Segurança' },
  { id: 'bi', name: 'BI/Relatórios' },
];

export const DEFAULT_SEGMENTS: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'industria', name: 'Indústria' },
  { id: 'distribuicao', name: 'Distribuição' },
  { id: 'comercio', name: 'Comércio/Varejo' },
  { id: 'servicos', name: 'Serviços' },
  { id: 'agronegocio', name: 'Agronegócio' },
  { id: 'construcao', name: 'Construção' },
];

export const defaultCatalog = (): CatalogItem[] => [
  ...DEFAULT_MODULES.map((m) => ({ ...m, kind: 'module' as const, active: true })),
  ...DEFAULT_SEGMENTS.map((s) => ({ ...s, kind: 'segment' as const, active: true })),
];
