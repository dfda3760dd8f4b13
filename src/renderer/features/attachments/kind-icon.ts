import type { AttachmentKind } from '../../../shared/domain/attachment';
import type { IconName } from '../../components/icons';

export const KIND_ICON: Record<AttachmentKind, IconName> = {
  image: 'image',
  pdf: 'file',
  xml: 'code',
  text: 'note',
  csv: 'table',
  spreadsheet: 'table',
  document: 'file',
  archive: 'archive',
};
