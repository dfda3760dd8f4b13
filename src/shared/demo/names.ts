// Vocabulary for pt-BR demo data. Invented companies and people; any resemblance is chance.
export const FIRST_NAMES = [
  'Ana', 'Bruno', 'Carla', 'Diego', 'Eduarda', 'Felipe', 'Gabriela', 'Henrique', 'Isabela', 'João', 'Juliana', 'Lucas',
  'Mariana', 'Marcos', 'Natália', 'Otávio', 'Patrícia', 'Rafael', 'Renata', 'Rodrigo', 'Sabrina', 'Thiago', 'Vanessa',
  'Vinícius', 'Beatriz', 'Caio', 'Débora', 'Fábio', 'Larissa', 'Leandro', 'Priscila', 'Sérgio', 'Tatiane', 'Wagner',
];
export const SURNAMES = [
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa',
  'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Soares', 'Fernandes', 'Vieira', 'Barbosa', 'Rocha', 'Dias',
  'Nascimento', 'Andrade', 'Moreira', 'Nunes', 'Marques', 'Machado', 'Mendes', 'Freitas', 'Cardoso', 'Teixeira',
];
export const COMPANY_WORDS = [
  'Aurora', 'Horizonte', 'Paulista', 'Sorocabana', 'Bandeirantes', 'Ipê', 'Jequitibá', 'Araucária', 'Cerrado', 'Litoral',
  'Serra Azul', 'Vale Verde', 'Rio Claro', 'Três Rios', 'Nova Era', 'Boa Vista', 'São Jorge', 'Santa Clara', 'Estrela',
  'Pioneira', 'Atlântica', 'Guaraná', 'Tropical', 'Mantiqueira', 'Paraná', 'Capixaba', 'Gaúcha', 'Mineira', 'Potiguar',
  'Sertaneja', 'Alvorada', 'Cristal', 'Imperial', 'Progresso', 'União', 'Vitória', 'Brasilândia', 'Tietê', 'Jundiaí',
];
export const SEGMENT_NOUNS: Record<string, string[]> = {
  industria: ['Metalúrgica', 'Plásticos', 'Têxtil', 'Indústria de Embalagens', 'Autopeças', 'Móveis'],
  distribuicao: ['Distribuidora', 'Atacadista', 'Comercial Distribuidora', 'Logística e Distribuição'],
  comercio: ['Supermercados', 'Magazine', 'Calçados', 'Materiais de Construção', 'Farmácias', 'Papelaria'],
  servicos: ['Serviços Empresariais', 'Tecnologia', 'Engenharia', 'Consultoria', 'Transportes'],
  agronegocio: ['Agropecuária', 'Cooperativa Agrícola', 'Sementes', 'Insumos Agrícolas', 'Cerealista'],
  construcao: ['Construtora', 'Incorporadora', 'Pré-Moldados', 'Engenharia Civil'],
};
export const COMPANY_SUFFIXES = ['Ltda.', 'S.A.', 'EIRELI', 'Ltda. ME', 'Ind. e Com. Ltda.'];

/** Subjects and descriptions per module: what customers actually write. */
export const SUBJECTS: Record<string, string[]> = {
  financeiro: ['Baixa de título não atualiza o saldo', 'Conciliação bancária com diferença', 'Boleto gerado com juros errados', 'Ação de estorno não aparece no extrato'],
  fiscal: ['Rejeição 225 na emissão da NF-e', 'CST do ICMS na nota de devolução', 'SPED Fiscal com registro C170 inválido', 'Alíquota de ICMS-ST incorreta na NF'],
  faturamento: ['Pedido não libera para faturamento', 'Tabela de preços não aplica desconto', 'Comissão do vendedor calculada a maior', 'Nota de venda sem transportadora'],
  compras: ['Pedido de compra não gera entrada', 'Cotação não envia e-mail ao fornecedor', 'Aprovação de compra travada'],
  estoque: ['Saldo de estoque negativo após inventário', 'Transferência entre depósitos duplicada', 'Custo médio recalculado errado', 'Lote não aparece na separação'],
  producao: ['Ordem de produção não baixa insumos', 'Apontamento de produção com erro', 'Estrutura de produto não explode'],
  contabilidade: ['Lançamento contábil sem centro de custo', 'Balancete não fecha com o razão', 'Integração contábil do faturamento'],
  folha: ['Cálculo de férias com média errada', 'eSocial S-1200 rejeitado', 'Holerite sem adicional noturno'],
  crm: ['Funil de vendas não atualiza', 'Agenda do vendedor não sincroniza', 'Importação de contatos com acentuação'],
  logistica: ['Romaneio sem peso bruto', 'Frete calculado diferente da tabela', 'Rastreamento de entrega parado'],
  seguranca: ['Usuário sem permissão para emitir relatório', 'Agendar atualização de versão', 'Senha bloqueada após atualização'],
  bi: ['Relatório de vendas por região lento', 'Dashboard de faturamento sem dados do mês', 'Exportação para Excel com erro'],
};
export const DESCRIPTION_OPENERS = [
  'Bom dia, ao executar a rotina',
  'Prezados, desde a última atualização',
  'Olá, nossa equipe percebeu que',
  'Boa tarde, preciso de ajuda pois',
  'Urgente: a operação parou porque',
];
export const DESCRIPTION_CLOSERS = [
  'Segue print em anexo. Ação necessária ainda hoje.',
  'O problema acontece em todas as filiais.',
  'Já tentamos refazer o processo conforme o treinamento, sem sucesso.',
  'Aguardamos orientação para continuar a operação.',
  'Isso impacta o fechamento do mês.',
];
export const REPLIES = [
  'Olá! Analisamos a ocorrência e identificamos a causa. Siga os passos abaixo e nos retorne.',
  'Bom dia! Conseguimos reproduzir a situação em nosso ambiente. Estamos verificando a correção.',
  'Poderia nos enviar o número do documento e o print da tela com a mensagem completa?',
  'A configuração do parâmetro estava divergente. Após o ajuste, refaça a operação, por favor.',
  'O campo destacado na rejeição é o CST; a correção deve ser feita no cadastro do produto, aba Fiscal. A definição da alíquota correta é com o seu contador.',
];
export const CUSTOMER_REPLIES = [
  'Segue o print solicitado.',
  'Refizemos o processo e funcionou, obrigado!',
  'O problema voltou a acontecer hoje pela manhã.',
  'Documento número 48213, filial 02.',
];
export const NOTES = [
  'Cliente já teve ocorrência parecida no mês passado.',
  'Verificar com o N2 se há correção prevista na próxima versão.',
  'Liguei para o cliente; ele vai testar após o almoço.',
];
