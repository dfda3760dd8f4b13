import type { Recado } from '../../../shared/domain';
import { useNow, useRouter, useServices, useSession, useT } from '../../app/services';
import { Button } from '../../components/Button';
import { Icon } from '../../components/icons';
import { formatWhen } from '../../lib/format';

/** My recados (manual FAQ 6): who called, for what, until I mark them done. */
export const RecadosPanel = ({ recados }: { recados: Recado[] }) => {
  const { t, lang } = useT();
  const { api, ui } = useServices();
  const analystName = useSession((s) => s.analystName);
  const navigate = useRouter((s) => s.navigate);
  const now = useNow();
  if (recados.length === 0) return null;
  const done = async (recado: Recado): Promise<void> => {
    const result = await api.call('recado.done', { recadoId: recado.id });
    ui.getState().toast(result.ok ? { tone: 'success', title: t('recados.doneToast') } : { tone: 'danger', title: result.error.message[lang] });
  };
  return (
    <section className="recados" aria-label={t('recados.title')} data-testid="recados">
      <h2 className="recados-title">
        <Icon name="phone" size={14} /> {t('recados.title')} <span className="tab-count">{recados.length}</span>
      </h2>
      <div className="recados-list">
        {recados.map((recado) => (
          <article key={recado.id} className="recado" data-testid="recado">
            <div className="recado-message">{recado.message}</div>
            <div className="recado-meta">
              {t('recados.from', { caller: recado.callerName, analyst: analystName(recado.fromAnalystId) ?? '—', when: formatWhen(recado.createdAt, now, lang) })}
              {recado.callerPhone === null ? null : <span className="nowrap"> · {t('recados.phone', { phone: recado.callerPhone })}</span>}
            </div>
            <div className="recado-actions">
              <Button size="s" icon="phone" onClick={() => navigate({ name: 'phone', customerId: recado.customerId })}>
                {t('recados.callBack')}
              </Button>
              {recado.ocId === null ? null : (
                <Button size="s" variant="ghost" icon="external" onClick={() => navigate({ name: 'oc', id: recado.ocId as string })}>
                  OC
                </Button>
              )}
              <Button size="s" variant="ghost" icon="check" onClick={() => void done(recado)}>
                {t('recados.done')}
              </Button>
            </div>
          </article>
        ))}
      </div>
    </section>
  );
};
