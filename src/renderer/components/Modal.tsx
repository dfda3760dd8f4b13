import type { ReactNode } from 'react';
import { useT } from '../app/services';
import { IconButton } from './Button';
import { DialogLayer } from './floating';

/**
 * A dialog. Escape, a press on the backdrop and the close button dismiss it (forms keep their drafts, so nothing
 * typed is lost); focus moves into it on open, stays inside while it is open and returns to where it was on
 * close. Never taller than the window: the body scrolls between the fixed header and footer.
 */
export const Modal = ({
  title,
  subtitle,
  onClose,
  children,
  footer,
  width = 560,
  testId,
}: {
  title: string;
  subtitle?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
  testId?: string;
}) => {
  const { t } = useT();
  return (
    <DialogLayer onClose={onClose} label={title} className="modal" style={{ width }} testId={testId}>
      <header className="modal-head">
        <div className="modal-title">
          <h2>{title}</h2>
          {subtitle === undefined ? null : <div className="modal-sub">{subtitle}</div>}
        </div>
        <IconButton label={t('common.close')} icon="x" onClick={onClose} className="modal-close" />
      </header>
      <div className="modal-body">{children}</div>
      {footer === undefined ? null : <footer className="modal-foot">{footer}</footer>}
    </DialogLayer>
  );
};
