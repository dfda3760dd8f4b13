// Reply templates for the cases the manual's FAQ answers the same way every time. They go to the customer,
// so they are written in Portuguese.

export interface ReplyTemplate {
  id: 'fiscal' | 'training' | 'nextVersion' | 'extranet' | 'permission';
  body: string;
}

export const REPLY_TEMPLATES: readonly ReplyTemplate[] = [
  {
    // FAQ 10: support has no fiscal competence; it points to the wrong field and where to fix it.
    id: 'fiscal',
    body: [
      'Olá! Analisamos a rejeição e identificamos que a informação apontada como incorreta é: [campo] na tela [tela / caminho no UNO ERP].',
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
      'Olá! Para ganhar autonomia nas suas tarefas no UNO ERP, o melhor caminho é uma capacitação.',
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
      'Olá! Identificamos a causa e a correção já foi feita pelo desenvolvimento. Ela estará disponível na próxima versão do UNO ERP.',
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
      'Olá! Recebemos seu retorno por e-mail, mas as interações sobre ocorrências devem ser feitas sempre pela Extranet — o e-mail apenas envia uma cópia da resposta para avisar que houve atualização no seu atendimento.',
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
      'Olá! O suporte preza pela autonomia de cada cliente em conceder ou não permissões aos seus usuários e, por isso, não executa no sistema ações que possam impactar a sua operação.',
      '',
      'Peça ao responsável pelas permissões na sua empresa que libere o acesso necessário (módulo de Segurança). Se precisar, orientamos o passo a passo.',
    ].join('\n'),
  },
];
