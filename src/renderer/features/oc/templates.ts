// Reply templates for the cases the manual's FAQ answers the same way every time. They go to the customer,
// so they are written in Portuguese. {cliente}, {contato}, {analista}, {oc} and {versao} are filled in on insert
// from the OC; what only the analyst knows is a [campo] placeholder, selected in turn with Tab.

/** The variables a template may use, and what fills each. */
export interface TemplateValues {
  cliente: string;
  /** The OC's contact, by first name; a neutral greeting without one. */
  contato: string | null;
  analista: string;
  oc: string;
  /** The OC's target version, when it has one. */
  versao: string | null;
}

/**
 * A template's body with its variables filled; a variable with no value (no contact, no version yet) becomes a
 * [placeholder] for the analyst to fill, and "Olá, {contato}!" without a contact reads "Olá!".
 */
export const fillTemplate = (body: string, values: TemplateValues): string =>
  body
    .replace(/Olá, \{contato\}!/g, values.contato === null ? 'Olá!' : `Olá, ${values.contato}!`)
    .replace(/\{(cliente|contato|analista|oc|versao)\}/g, (_m, key: keyof TemplateValues) => values[key] ?? `[${key === 'versao' ? 'versão' : key}]`);

/** The next [placeholder] at or after `from` (wrapping to the first), as a selection range; null when none is left. */
export const nextPlaceholder = (text: string, from: number): { start: number; end: number } | null => {
  const all = [...text.matchAll(/\[[^[\]\n]{1,80}\]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return all.find((r) => r.start >= from) ?? all[0] ?? null;
};

export interface ReplyTemplate {
  id: 'fiscal' | 'training' | 'nextVersion' | 'extranet' | 'permission';
  body: string;
}

/** Every template ends signed by the analyst who sends it. */
const SIGN_OFF = '\n\nAtenciosamente,\n{analista} — Suporte UNO';

const TEMPLATES: readonly ReplyTemplate[] = [
  {
    // FAQ 10: support has no fiscal competence; it points to the wrong field and where to fix it.
    id: 'fiscal',
    body: [
      'Olá, {contato}! Analisamos a rejeição da ocorrência {oc} e identificamos que a informação apontada como incorreta é: [campo] na tela [tela / caminho no UNO ERP].',
      '',
      'Definir a alíquota, o CST ou se a operação é tributada cabe ao seu contador ou à consultoria fiscal da empresa — o suporte não tem competência técnica na área fiscal para indicar o valor correto.',
      '',
      'Assim que tiver a informação correta, ajuste o campo na tela indicada e emita novamente. Se quiser, podemos acompanhar esse ajuste com você.',
    ].join('\n'),
  },
  {
    // FAQ 7: training needs go to CS or implantação; support points to the N0 material.
    id: 'training',
    body: [
      'Olá, {contato}! Para ganhar autonomia nas suas tarefas no UNO ERP, o melhor caminho é uma capacitação.',
      '',
      'Enquanto isso, recomendamos o material de autoatendimento (Nível 0): o manual eletrônico do UNO ERP e os cursos da Universidade UNO (EAD).',
      '',
      'Estamos encaminhando seu atendimento ao time de CS (Customer Success) / implantação, que vai recomendar os treinamentos adequados e dar sequência com você.',
    ].join('\n'),
  },
  {
    // FAQ 4: the fix ships in the weekly version; the customer is e-mailed when it is out.
    id: 'nextVersion',
    body: [
      'Olá, {contato}! Identificamos a causa da ocorrência {oc} e a correção já foi feita pelo desenvolvimento. Ela estará disponível na versão {versao} do UNO ERP.',
      '',
      'As versões são liberadas no início de cada semana, e você receberá um e-mail assim que ela estiver disponível. Depois disso, agende a atualização pelo módulo de Segurança ou abra uma ocorrência pedindo a atualização da sua aplicação.',
      '',
      'Acompanhe: https://blog.unoerp.com.br/atualizacao-de-versao-uno-erp/',
    ].join('\n'),
  },
  {
    // FAQ 5: e-mail is only a copy; interactions happen on the Extranet.
    id: 'extranet',
    body: [
      'Olá, {contato}! Recebemos seu retorno por e-mail, mas as interações sobre ocorrências devem ser feitas sempre pela Extranet — o e-mail apenas envia uma cópia da resposta para avisar que houve atualização no seu atendimento.',
      '',
      'Para continuar este atendimento, acesse seu Painel de Controle: www.unosolucoes.com.br/extranet',
      '',
      'Caso não tenha usuário e senha, entre em contato conosco.',
    ].join('\n'),
  },
  {
    // FAQ 8: support never performs an action that impacts the customer's operation without permission.
    id: 'permission',
    body: [
      'Olá, {contato}! O suporte preza pela autonomia de cada cliente em conceder ou não permissões aos seus usuários e, por isso, não executa no sistema ações que possam impactar a sua operação.',
      '',
      'Peça ao responsável pelas permissões na sua empresa que libere o acesso necessário (módulo de Segurança). Se precisar, orientamos o passo a passo.',
    ].join('\n'),
  },
];

export const REPLY_TEMPLATES: readonly ReplyTemplate[] = TEMPLATES.map((t) => ({ ...t, body: `${t.body}${SIGN_OFF}` }));
