import { useRouter, useT, useUi } from '../app/services';
import { IconButton } from './Button';
import { Icon, type IconName } from './icons';

const ICON: Record<string, IconName> = { info: 'bell', success: 'checkCircle', warning: 'triangle', danger: 'octagon' };

export const Toasts = () => {
  const toasts = useUi((s) => s.toasts);
  const dismiss = useUi((s) => s.dismissToast);
  const navigate = useRouter((s) => s.navigate);
  const { t } = useT();
  return (
    <div className="toasts" aria-live="polite" aria-relevant="additions">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} role={toast.tone === 'danger' ? 'alert' : 'status'} data-testid="toast">
          <Icon name={ICON[toast.tone] ?? 'bell'} className="toast-icon" />
          <div className="toast-main">
            <div className="toast-title">{toast.title}</div>
            {toast.body === undefined ? null : <div className="toast-body">{toast.body}</div>}
            {toast.ocId === undefined ? null : (
              <button
                type="button"
                className="toast-open"
                onClick={() => {
                  navigate({ name: 'oc', id: toast.ocId as string });
                  dismiss(toast.id);
                }}
              >
                {t('toast.open')}
              </button>
            )}
          </div>
          <IconButton label={t('common.close')} icon="x" size="s" onClick={() => dismiss(toast.id)} />
        </div>
      ))}
    </div>
  );
};
