import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../app/services';
import { IconButton } from './Button';

/**
 * A dialog. Escape and the close button dismiss it (forms keep their drafts, so nothing typed is lost);
 * focus moves into it on open and returns to where it was on close; Tab stays inside.
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
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = panel.current?.querySelector<HTMLElement>('[data-autofocus], input, textarea, select, button:not(.modal-close)');
    // With no field to start in (a help overlay), the dialog itself takes focus so Escape and Tab work.
    (first ?? panel.current)?.focus();
    return () => previous?.focus?.();
  }, []);
  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || panel.current === null) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter((el) => !el.hasAttribute('disabled'));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (first === undefined || last === undefined) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title} ref={panel} tabIndex={-1} style={{ width }} onKeyDown={onKeyDown} data-testid={testId}>
        <header className="modal-head">
          <div>
            <h2>{title}</h2>
            {subtitle === undefined ? null : <div className="modal-sub">{subtitle}</div>}
          </div>
          <IconButton label={t('common.close')} icon="x" onClick={onClose} className="modal-close" />
        </header>
        <div className="modal-body">{children}</div>
        {footer === undefined ? null : <footer className="modal-foot">{footer}</footer>}
      </div>
    </div>
  );
};
