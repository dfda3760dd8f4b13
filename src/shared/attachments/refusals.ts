import { domainError, type DomainError } from '../domain';

// The content refusals both sides give (the desktop when a draft is finished, the server when an upload ends):
// values, never thrown (ARCHITECTURE.md style 4).

export const emptyFile = (): DomainError =>
  domainError('ATTACHMENT_EMPTY', { 'pt-BR': 'O arquivo está vazio (0 bytes); nada foi anexado.', en: 'The file is empty (0 bytes); nothing was attached.' });

const ACCEPTED = { 'pt-BR': 'imagens (PNG, JPEG, GIF, WebP), PDF, XML, texto/log, CSV, XLSX, DOCX ou ZIP', en: 'images (PNG, JPEG, GIF, WebP), PDF, XML, text/log, CSV, XLSX, DOCX or ZIP' };

/** `found` names what the bytes are ("HTML", "SVG", "EXE", "GZIP"), or null when they are nothing recognised. */
export const typeRefused = (found: string | null): DomainError =>
  domainError('ATTACHMENT_TYPE_REFUSED', {
    'pt-BR': `${found === null ? 'O conteúdo do arquivo não é de um tipo aceito' : `Arquivos ${found} não são aceitos`}; envie ${ACCEPTED['pt-BR']}.`,
    en: `${found === null ? 'The file content is not of an accepted type' : `${found} files are not accepted`}; send ${ACCEPTED.en}.`,
  }, found === null ? undefined : { found });

export const activeXmlRefused = (found: string): DomainError =>
  domainError('ATTACHMENT_TYPE_REFUSED', {
    'pt-BR': 'Este XML traz conteúdo ativo (HTML, SVG, folha de estilo ou declaração de entidades) e não é aceito; um XML de NF-e não tem nada disso.',
    en: 'This XML carries active content (HTML, SVG, a stylesheet or entity declarations) and is not accepted; an NF-e XML has none of these.',
  }, { found: 'XML', active: found });
