import type { OcDetail } from '../../../shared/api/views';
import { useT } from '../../app/services';
import type { ActionId } from './actions';
import { EscalateDialog } from './dialogs/EscalateDialog';
import { ForwardDevDialog } from './dialogs/ForwardDevDialog';
import { LogCallDialog } from './dialogs/PeopleDialogs';
import { ReassignDialog } from './dialogs/ReassignDialog';
import { ResolveDialog } from './dialogs/ResolveDialog';
import { CancelDialog, CriticidadeDialog, HandOffDialog } from './dialogs/RoutingDialogs';
import { TargetVersionDialog } from './dialogs/TargetVersionDialog';
import { TextReasonDialog } from './dialogs/TextReasonDialog';

/** The dialog of an action that needs more than a click. */
export const OcDialog = ({ action, detail, onClose }: { action: ActionId; detail: OcDetail; onClose: () => void; isLead: boolean }) => {
  const { t } = useT();
  const number = detail.displayNumber;
  const ocId = detail.oc.id;
  switch (action) {
    case 'escalate':
      return <EscalateDialog detail={detail} onClose={onClose} />;
    case 'dev':
      return <ForwardDevDialog detail={detail} onClose={onClose} />;
    case 'handoff':
      return <HandOffDialog detail={detail} onClose={onClose} />;
    case 'version':
      return <TargetVersionDialog detail={detail} onClose={onClose} />;
    case 'cancel':
      return <CancelDialog detail={detail} onClose={onClose} />;
    case 'criticidade':
      return <CriticidadeDialog detail={detail} onClose={onClose} />;
    case 'reassign':
      return <ReassignDialog detail={detail} onClose={onClose} />;
    case 'call':
      return <LogCallDialog detail={detail} onClose={onClose} />;
    case 'resolve':
      return <ResolveDialog detail={detail} onClose={onClose} />;
    case 'reopen':
      return (
        <TextReasonDialog
          detail={detail}
          onClose={onClose}
          draftName="reopen"
          title={t('reopen.title', { number })}
          label={t('reopen.reason')}
          minLength={3}
          confirmLabel={t('reopen.confirm')}
          done="action.done.reopen"
          method="oc.reopen"
          args={(reason) => ({ ocId, reason })}
          testId="reopen-dialog"
        />
      );
    case 'return':
      return (
        <TextReasonDialog
          detail={detail}
          onClose={onClose}
          draftName="return"
          title={t('return.title', { number })}
          label={t('return.note')}
          hint={t('return.noteHint')}
          minLength={3}
          confirmLabel={t('return.confirm')}
          done="action.done.return"
          method="oc.returnToN1"
          args={(note) => ({ ocId, note })}
          testId="return-dialog"
        />
      );
    default:
      return null;
  }
};
