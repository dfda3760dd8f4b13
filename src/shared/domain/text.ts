/** Case- and accent-folded text, so "São João" matches "sao joao" (SPEC §4: ação = acao). */
export const foldText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
