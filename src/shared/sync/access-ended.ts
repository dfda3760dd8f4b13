import { z } from 'zod';
import { domainError, isDomainError, type DomainError } from '../domain/errors';

// SPEC §7: deactivation, a role change and a password reset end that person's sessions at once, on every server
// node. The server answers 401 ACCESS_ENDED (with the reason) to every later request of such a session and
// closes its live socket with ACCESS_ENDED_CLOSE_CODE; the desktop shows the reason and keeps its unsynced
// changes. Shared so server and desktop agree on the codes and on the words.

export const AccessEndReason = z.enum(['deactivated', 'role_changed', 'password_reset']);
export type AccessEndReason = z.infer<typeof AccessEndReason>;

export const ACCESS_ENDED_CODE = 'ACCESS_ENDED';

/** WebSocket close code of a session the server ended (4000–4999 are the application's; 4401 is "no session"). */
export const ACCESS_ENDED_CLOSE_CODE = 4403;

/** The close reason sent with ACCESS_ENDED_CLOSE_CODE: `access_ended:<reason>` (well under the 123-byte limit). */
export const accessEndedCloseReason = (reason: AccessEndReason): string => `access_ended:${reason}`;

export const reasonOfCloseReason = (text: string): AccessEndReason | null => {
  const parsed = AccessEndReason.safeParse(text.startsWith('access_ended:') ? text.slice('access_ended:'.length) : null);
  return parsed.success ? parsed.data : null;
};

const WHY: Record<AccessEndReason, { 'pt-BR': string; en: string }> = {
  deactivated: {
    'pt-BR': 'Seu acesso foi encerrado: seu usuário foi desativado.',
    en: 'Your access was ended: your user was deactivated.',
  },
  role_changed: {
    'pt-BR': 'Seu acesso foi encerrado porque seu perfil mudou; faça login novamente para continuar.',
    en: 'Your access was ended because your role changed; log in again to continue.',
  },
  password_reset: {
    'pt-BR': 'Seu acesso foi encerrado porque sua senha foi redefinida; faça login com a nova senha.',
    en: 'Your access was ended because your password was reset; log in with the new password.',
  },
};

export const accessEnded = (reason: AccessEndReason): DomainError => domainError(ACCESS_ENDED_CODE, WHY[reason], { reason });

/** The reason of an ACCESS_ENDED error (null for any other error). */
export const accessEndReasonOf = (error: unknown): AccessEndReason | null => {
  if (!isDomainError(error) || error.code !== ACCESS_ENDED_CODE) return null;
  const parsed = AccessEndReason.safeParse(error.details?.reason);
  return parsed.success ? parsed.data : null;
};
