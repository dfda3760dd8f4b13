import type { Lang } from '../domain';

// Every word of the penalty statement, in the two languages of the app. Domain words keep their Portuguese names
// in English too where the UI does (Ocorrência, Criticidade, plan names with the English in parentheses).

export interface StatementWords {
  title: string;
  issuer: string;
  customer: string;
  cnpj: string;
  plan: string;
  month: string;
  monthlyFee: string;
  breaches: string;
  uncapped: string;
  cap: (pct: string) => string;
  due: string;
  linesHeading: string;
  none: string;
  columns: readonly string[];
  total: string;
  reclassified: string;
  stillOpen: string;
  forwarded: string;
  cancelled: string;
  planPct: (pct: string, plan: string) => string;
  rule: (each: string, cap: string, capped: boolean) => string;
  timeNote: (zone: string) => string;
  generated: (at: string, zone: string) => string;
  page: (page: string, pages: string) => string;
}

const PT: StatementWords = {
  title: 'Extrato de penalidades de SLA',
  issuer: 'UNO Soluções — Suporte a Operações Especiais (S.O.E.)',
  customer: 'Cliente',
  cnpj: 'CNPJ',
  plan: 'Plano',
  month: 'Mês de referência',
  monthlyFee: 'Mensalidade',
  breaches: 'Número de violações',
  uncapped: 'Penalidade sem teto',
  cap: (pct) => `Teto mensal (${pct} da mensalidade)`,
  due: 'Penalidade devida',
  linesHeading: 'Violações do prazo de solução',
  none: 'Nenhuma violação do prazo de solução neste mês.',
  columns: ['Ocorrência', 'Assunto', 'Criticidade', 'Plano', 'Prazo de solução', 'Solucionada em', 'Atraso (horas úteis)', '% da mensalidade', 'Penalidade (R$)', 'Cobrado (R$)'],
  total: 'Total',
  reclassified: '(reclassificada)',
  stillOpen: 'em aberto',
  forwarded: '(encaminhada ao desenvolvimento)',
  cancelled: '(cancelada)',
  planPct: (pct, plan) => `${pct} (${plan})`,
  rule: (each, cap, capped) =>
    `Regra contratual: cada violação do prazo de solução custa ${each} da mensalidade, conforme o plano da ocorrência no ` +
    `momento da violação, limitado a ${cap} da mensalidade por mês; as violações são cobradas em ordem cronológica até ` +
    `o teto.${capped ? ' Neste mês o teto foi atingido: as violações além dele aparecem com valor cobrado zero.' : ''}`,
  timeNote: (zone) =>
    `Datas e horas no ${zone}. O prazo de solução é o momento da violação; “reclassificada” indica que a violação ` +
    'decorreu de uma mudança de criticidade ou de plano. O atraso conta as horas úteis do calendário de atendimento ' +
    'do plano além da meta, até a solução ou até a emissão deste extrato.',
  generated: (at, zone) => `Emitido pelo S.O.E. War Room em ${at}, ${zone}.`,
  page: (page, pages) => `Página ${page} de ${pages}`,
};

const EN: StatementWords = {
  title: 'SLA penalty statement',
  issuer: 'UNO Soluções — Special Operations Support (S.O.E.)',
  customer: 'Customer',
  cnpj: 'CNPJ',
  plan: 'Plan',
  month: 'Month',
  monthlyFee: 'Monthly fee',
  breaches: 'Number of breaches',
  uncapped: 'Penalty before the cap',
  cap: (pct) => `Monthly cap (${pct} of the fee)`,
  due: 'Penalty due',
  linesHeading: 'Resolution deadline breaches',
  none: 'No resolution deadline was breached this month.',
  columns: ['Ocorrência', 'Subject', 'Criticidade', 'Plan', 'Resolution deadline', 'Solved at', 'Delay (business hours)', '% of the fee', 'Penalty (R$)', 'Charged (R$)'],
  total: 'Total',
  reclassified: '(reclassified)',
  stillOpen: 'still open',
  forwarded: '(forwarded to development)',
  cancelled: '(cancelled)',
  planPct: (pct, plan) => `${pct} for ${plan}`,
  rule: (each, cap, capped) =>
    `Contract rule: each breach of the resolution deadline costs ${each} of the monthly fee, by the plan of the ` +
    `ocorrência when it breached, up to ${cap} of the fee a month; breaches are charged in time order up to the cap.` +
    `${capped ? ' The cap was reached this month: the breaches beyond it show a charged amount of zero.' : ''}`,
  timeNote: (zone) =>
    `Dates and times in ${zone}. The resolution deadline is the moment of the breach; “reclassified” means the breach ` +
    'came from a change of criticidade or plan. The delay counts the business hours of the plan’s support calendar ' +
    'past the target, until the solution or until this statement was issued.',
  generated: (at, zone) => `Issued by S.O.E. War Room on ${at}, ${zone}.`,
  page: (page, pages) => `Page ${page} of ${pages}`,
};

export const statementWords = (lang: Lang): StatementWords => (lang === 'pt-BR' ? PT : EN);
