import { domainError, type DomainError, type Lang } from '../../shared/domain';

export { activeXmlRefused, emptyFile, typeRefused } from '../../shared/attachments/refusals';

// The refusals of the attachment store, as values (ARCHITECTURE.md style 4). The routes map codes to HTTP statuses
// with httpStatusOf; the desktop shows the message.

const MIB = 1024 * 1024;

/** "25 MB" / "2,5 MB": binary megabytes as file managers show them, in the reader's language. */
export const formatMegabytes = (bytes: number, lang: Lang): string =>
  `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(bytes / MIB)} MB`;

export const attachmentNotFound = (): DomainError =>
  domainError('ATTACHMENT_NOT_FOUND', { 'pt-BR': 'Anexo não encontrado.', en: 'Attachment not found.' });

export const uploadNotFound = (): DomainError =>
  domainError('UPLOAD_NOT_FOUND', { 'pt-BR': 'Envio não encontrado; comece o envio do arquivo de novo.', en: 'Upload not found; start sending the file again.' });

export const ocNotFound = (): DomainError =>
  domainError('NOT_FOUND', { 'pt-BR': 'Ocorrência não encontrada.', en: 'Ocorrência not found.' });

export const fileTooLarge = (limit: number): DomainError =>
  domainError('ATTACHMENT_TOO_LARGE', {
    'pt-BR': `O arquivo passa do limite de ${formatMegabytes(limit, 'pt-BR')} por anexo.`,
    en: `The file is over the ${formatMegabytes(limit, 'en')} limit per attachment.`,
  }, { limitBytes: limit });

export const ocTotalExceeded = (limit: number, used: number): DomainError =>
  domainError('ATTACHMENT_OC_TOTAL_EXCEEDED', {
    'pt-BR': `Os anexos desta ocorrência passariam de ${formatMegabytes(limit, 'pt-BR')} (já usados: ${formatMegabytes(used, 'pt-BR')}).`,
    en: `This ocorrência's attachments would go over ${formatMegabytes(limit, 'en')} (already used: ${formatMegabytes(used, 'en')}).`,
  }, { limitBytes: limit, usedBytes: used });

export const sizeMismatch = (declared: number, received: number): DomainError =>
  domainError('ATTACHMENT_SIZE_MISMATCH', {
    'pt-BR': `O arquivo anunciado com ${declared} bytes chegou com ${received > declared ? 'mais' : 'menos'} bytes; envie-o de novo.`,
    en: `The file announced as ${declared} bytes arrived with ${received > declared ? 'more' : 'fewer'} bytes; send it again.`,
  }, { declaredBytes: declared, receivedBytes: received });

export const hashMismatch = (): DomainError =>
  domainError('ATTACHMENT_HASH_MISMATCH', {
    'pt-BR': 'O arquivo chegou diferente do enviado (SHA-256 não confere); envie-o de novo.',
    en: 'The file arrived different from what was sent (SHA-256 does not match); send it again.',
  });

export const offsetMismatch = (received: number): DomainError =>
  domainError('UPLOAD_OFFSET_MISMATCH', {
    'pt-BR': `O servidor já tem ${received} bytes deste arquivo; continue a partir daí.`,
    en: `The server already has ${received} bytes of this file; continue from there.`,
  }, { receivedBytes: received });

export const uploadInterrupted = (received: number): DomainError =>
  domainError('UPLOAD_INTERRUPTED', {
    'pt-BR': `O envio foi interrompido com ${received} bytes recebidos; ele continua de onde parou.`,
    en: `The upload was interrupted with ${received} bytes received; it resumes where it stopped.`,
  }, { receivedBytes: received });

export const uploadIdTaken = (): DomainError =>
  domainError('UPLOAD_ID_TAKEN', { 'pt-BR': 'Este identificador de anexo já está em uso.', en: 'This attachment id is already in use.' });

export const targetMismatch = (): DomainError =>
  domainError('ATTACHMENT_TARGET_MISMATCH', {
    'pt-BR': 'A interação indicada não é desta ocorrência.',
    en: 'The given interaction is not on this ocorrência.',
  });

export const alreadyReferenced = (): DomainError =>
  domainError('ATTACHMENT_ALREADY_REFERENCED', {
    'pt-BR': 'Este anexo já está numa interação e não pode ser movido.',
    en: 'This attachment is already on an interaction and cannot be moved.',
  });

export const tooManyPendingUploads = (limit: number): DomainError =>
  domainError('UPLOADS_PENDING_LIMIT', {
    'pt-BR': `Há ${limit} envios de anexo em andamento; conclua ou cancele algum antes de começar outro.`,
    en: `There are ${limit} attachment uploads in progress; finish or cancel one before starting another.`,
  }, { limit });

export const rangeNotSatisfiable = (size: number): DomainError =>
  domainError('RANGE_NOT_SATISFIABLE', { 'pt-BR': 'Intervalo de bytes fora do arquivo.', en: 'Byte range outside the file.' }, { sizeBytes: size });

/** The HTTP status a route answers each refusal with (a client's fault is 4xx, never 5xx). */
export const httpStatusOf = (error: DomainError): number => {
  switch (error.code) {
    case 'ATTACHMENT_NOT_FOUND':
    case 'UPLOAD_NOT_FOUND':
    case 'NOT_FOUND':
      return 404;
    case 'ATTACHMENT_TOO_LARGE':
    case 'ATTACHMENT_OC_TOTAL_EXCEEDED':
      return 413;
    case 'ATTACHMENT_TYPE_REFUSED':
      return 415;
    case 'UPLOAD_OFFSET_MISMATCH':
    case 'UPLOAD_ID_TAKEN':
    case 'ATTACHMENT_ALREADY_REFERENCED':
      return 409;
    case 'RANGE_NOT_SATISFIABLE':
      return 416;
    case 'UPLOADS_PENDING_LIMIT':
      return 429;
    case 'INVALID_ARGS':
      return 400;
    default:
      return 422;
  }
};
