import { domainError, type DomainError } from '../../shared/domain';

// The desktop's attachment refusals (values, pt-BR and en); the content refusals are shared (shared/attachments).

export const draftNotFound = (): DomainError =>
  domainError('ATTACHMENT_NOT_FOUND', { 'pt-BR': 'Anexo não encontrado (o rascunho pode ter sido descartado).', en: 'Attachment not found (the draft may have been discarded).' });

export const badOffset = (offset: number, held: number): DomainError =>
  domainError('ATTACHMENT_BAD_OFFSET', {
    'pt-BR': `Trecho fora de ordem: começa em ${offset}, mas só ${held} bytes chegaram; envie a partir de ${held}.`,
    en: `Slice out of order: it starts at ${offset} but only ${held} bytes arrived; send from ${held}.`,
  }, { offset, received: held });

export const tooManyBytes = (size: number): DomainError =>
  domainError('ATTACHMENT_SIZE_MISMATCH', {
    'pt-BR': `O arquivo passa do tamanho declarado (${size} bytes).`,
    en: `The file is longer than its declared size (${size} bytes).`,
  }, { size });

export const incomplete = (received: number, size: number): DomainError =>
  domainError('ATTACHMENT_INCOMPLETE', {
    'pt-BR': `O arquivo ainda não chegou inteiro (${received} de ${size} bytes).`,
    en: `The file has not fully arrived yet (${received} of ${size} bytes).`,
  }, { received, size });

export const notADraft = (): DomainError =>
  domainError('ATTACHMENT_NOT_DRAFT', { 'pt-BR': 'Este anexo já foi enviado com uma interação e não pode mais ser alterado.', en: 'This attachment was already sent with an interaction and can no longer change.' });

export const notFinished = (): DomainError =>
  domainError('ATTACHMENT_NOT_FINISHED', { 'pt-BR': 'O anexo ainda não terminou de carregar.', en: 'The attachment has not finished loading yet.' });

export const otherOc = (): DomainError =>
  domainError('ATTACHMENT_OTHER_OC', { 'pt-BR': 'O anexo foi preparado para outra ocorrência.', en: 'The attachment was prepared for another ocorrência.' });

export const duplicateAttachment = (): DomainError =>
  domainError('INVALID_ARGS', { 'pt-BR': 'O mesmo anexo aparece duas vezes.', en: 'The same attachment appears twice.' });

export const offlineNotCached = (): DomainError =>
  domainError('ATTACHMENT_OFFLINE', {
    'pt-BR': 'Este anexo ainda não foi baixado neste computador e o servidor não está acessível agora; tente de novo quando estiver online.',
    en: 'This attachment was never downloaded to this computer and the server cannot be reached now; try again when online.',
  });

export const hashMismatch = (): DomainError =>
  domainError('ATTACHMENT_CORRUPT', {
    'pt-BR': 'O arquivo recebido do servidor não confere com o seu SHA-256; nada foi guardado.',
    en: 'The file received from the server does not match its SHA-256; nothing was kept.',
  });
