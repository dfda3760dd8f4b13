import { defineMessages } from '../../i18n/define';

export const searchMessages = defineMessages({
  'pt-BR': {
    'search.title': 'Busca',
    'search.sub': 'Texto completo em assunto, descrição e interações; acentos não importam (ação = acao).',
    'search.placeholder': 'Buscar ocorrências…',
    'search.count': '{count, plural, =0 {nenhum resultado} one {# resultado} other {# resultados}}',
    'search.start': 'Busque em todas as ocorrências',
    'search.startBody': 'Digite palavras do assunto, da descrição ou das respostas e pressione Enter.',
    'search.none': 'Nenhuma ocorrência encontrada',
  },
  en: {
    'search.title': 'Search',
    'search.sub': 'Full text over subject, description and interactions; accents do not matter (ação = acao).',
    'search.placeholder': 'Search ocorrências (tickets)…',
    'search.count': '{count, plural, =0 {no results} one {# result} other {# results}}',
    'search.start': 'Search every ocorrência',
    'search.startBody': 'Type words from the subject, description or replies and press Enter.',
    'search.none': 'No ocorrência found',
  },
});
