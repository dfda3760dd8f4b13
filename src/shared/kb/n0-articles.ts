import { DEFAULT_MODULES, type OcKind } from '../domain';

// Nível 0 (manual, "Atuação do Suporte"): self-service through the electronic manual, the blog and Universidade
// UNO (EAD). The analyst can send one of these as the reply (SPEC §2). The three blog posts are the ones the
// manual lists as "specific about the routine and interface with the support team"; the manual and EAD entries
// name where each module is covered. Title and summary are in Portuguese — that is what goes to the customer —
// with an English version for the analyst who works in English (`en`); the reply text stays Portuguese.

export type N0Source = 'blog' | 'manual' | 'ead';

export interface N0ArticleDef {
  id: string;
  source: N0Source;
  title: string;
  /** Public address when the article has one (blog posts); manual and EAD entries are reached inside the ERP. */
  url: string | null;
  summary: string;
  /** Modules it is about; empty = any module. */
  modules: string[];
  /** Kinds of OC it answers best (ranks it first for them). */
  kinds: OcKind[];
  /** The title and summary in English, for the analyst's screen. */
  en: { title: string; summary: string };
}

const BLOG: N0ArticleDef[] = [
  {
    id: 'blog-politica-suporte',
    source: 'blog',
    title: 'Política de suporte e ocorrências',
    url: 'https://blog.unoerp.com.br/politica-de-suporte-e-ocorrencias/',
    summary: 'Como abrir e acompanhar ocorrências pela Extranet, planos de SLA e criticidades.',
    modules: [],
    kinds: ['duvida', 'solicitacao'],
    en: { title: 'Support and ocorrência policy', summary: 'How to open and follow ocorrências on the Extranet; SLA plans and criticidades.' },
  },
  {
    id: 'blog-rotina-suporte',
    source: 'blog',
    title: 'Como é a rotina do suporte técnico UNO',
    url: 'https://blog.unoerp.com.br/como-e-a-rotina-do-suporte-tecnico-uno/',
    summary: 'Níveis de atendimento (N0, N1, N2), canais oficiais e quando ligar para o suporte.',
    modules: [],
    kinds: ['duvida'],
    en: { title: 'How UNO technical support works', summary: 'Support levels (N0, N1, N2), the official channels and when to call support.' },
  },
  {
    id: 'blog-atualizacao-versao',
    source: 'blog',
    title: 'Atualização de versão do UNO ERP',
    url: 'https://blog.unoerp.com.br/atualizacao-de-versao-uno-erp/',
    summary: 'Versões semanais: como agendar a atualização pelo módulo de Segurança ou pedir por ocorrência.',
    modules: [],
    kinds: ['atualizacao_versao', 'erro'],
    en: { title: 'Updating the UNO ERP version', summary: 'Weekly versions: how to schedule the update in the Segurança module or ask for it in an ocorrência.' },
  },
];

const EAD_EXTRANET: N0ArticleDef = {
  id: 'ead-extranet',
  source: 'ead',
  title: 'Universidade UNO — EAD de Extranet',
  url: null,
  summary: 'Curso do gerente de projeto sobre a interação com o suporte pela Extranet (pré-requisito do atendimento).',
  modules: [],
  kinds: ['duvida'],
  en: { title: 'Universidade UNO — Extranet e-learning course', summary: 'The project manager’s course on working with support through the Extranet (a prerequisite for support).' },
};

const perModule = (module: { id: string; name: string }): N0ArticleDef[] => [
  {
    id: `manual-${module.id}`,
    source: 'manual',
    title: `Manual eletrônico do UNO ERP — ${module.name}`,
    url: null,
    summary: `Capítulo do módulo ${module.name}: cadastros, rotinas e parâmetros, passo a passo.`,
    modules: [module.id],
    kinds: ['duvida', 'solicitacao'],
    en: { title: `UNO ERP electronic manual — ${module.name}`, summary: `The ${module.name} module chapter: records, routines and parameters, step by step.` },
  },
  {
    id: `ead-${module.id}`,
    source: 'ead',
    title: `Universidade UNO (EAD) — trilha ${module.name}`,
    url: null,
    summary: `Treinamento em vídeo das funcionalidades de ${module.name}, para capacitar novos usuários.`,
    modules: [module.id],
    kinds: ['duvida'],
    en: { title: `Universidade UNO (e-learning) — ${module.name} track`, summary: `Video training on the ${module.name} features, to train new users.` },
  },
];

export const N0_ARTICLES: readonly N0ArticleDef[] = [...BLOG, EAD_EXTRANET, ...DEFAULT_MODULES.flatMap(perModule)];

/** An article's title and summary in the UI language; null for an article this catalog does not know (a newer core). */
export const n0ArticleText = (id: string, lang: 'pt-BR' | 'en'): { title: string; summary: string } | null => {
  const article = N0_ARTICLES.find((a) => a.id === id);
  if (article === undefined) return null;
  return lang === 'en' ? article.en : { title: article.title, summary: article.summary };
};

/** Articles for an OC: its module's manual and EAD first, then the blog posts that fit its kind, then the rest. */
export const suggestN0 = (catalog: readonly N0ArticleDef[], module: string, kind: OcKind | null): N0ArticleDef[] => {
  const score = (a: N0ArticleDef): number =>
    (a.modules.includes(module) ? 4 : a.modules.length === 0 ? 1 : -100) + (kind !== null && a.kinds.includes(kind) ? 2 : 0);
  return catalog
    .map((article, index) => ({ article, index, score: score(article) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.article);
};

/** The reply that sends an article to the customer. */
export const n0ReplyText = (article: Pick<N0ArticleDef, 'title' | 'url' | 'source' | 'summary'>): string => {
  const where =
    article.url !== null
      ? article.url
      : article.source === 'manual'
        ? 'Disponível no manual eletrônico, dentro do UNO ERP.'
        : 'Disponível na Universidade UNO (EAD); se ainda não tiver acesso, solicite a liberação ao seu consultor de negócios.';
  return [
    'Olá! Para este caso, recomendamos o material abaixo, que mostra o procedimento passo a passo:',
    '',
    `• ${article.title}`,
    `  ${article.summary}`,
    `  ${where}`,
    '',
    'Se após a leitura ainda restar alguma dúvida, responda por aqui mesmo, pela Extranet, que seguimos com o atendimento.',
  ].join('\n');
};
