import { domainError, DomainFailure, isDomainError } from '../../shared/domain';
import { can } from '../../shared/oc/permissions';
import { hashPassword } from '../auth/password';
import { putCredential } from '../db/credentials';
import { getRow } from '../db/rows';
import type { CoreDeps } from './deps';
import { requireAnalyst } from './query-handlers';

const forbidden = () =>
  domainError('FORBIDDEN_ROLE', {
    'pt-BR': 'Seu perfil não permite definir esta senha (contatos: líder; analistas: administrador).',
    en: 'Your role may not set this password (contacts: lead; analysts: admin).',
  });

/**
 * Sets a password on the server. Passwords never enter the outbox, so this needs the server; on a machine with no
 * server at all (local-only), an analyst's password is the local verifier itself.
 */
export const setPassword = async (deps: CoreDeps, args: { kind: 'analyst' | 'contact'; id: string; password: string }): Promise<null> => {
  const me = requireAnalyst(deps);
  if (!can(me, args.kind === 'analyst' ? 'manage_users' : 'configure')) throw new DomainFailure(forbidden());
  if (deps.sync.state().status === 'local_only') {
    const analyst = args.kind === 'analyst' ? getRow(deps.db, 'analyst', args.id) : undefined;
    if (analyst === undefined) {
      throw new DomainFailure(domainError('NEEDS_SERVER', {
        'pt-BR': 'Senhas da Extranet são guardadas no servidor, e este computador trabalha sem servidor.',
        en: 'Extranet passwords live on the server, and this computer works without one.',
      }));
    }
    putCredential(deps.db, analyst.login, analyst.id, await hashPassword(args.password), deps.clock.now());
    return null;
  }
  const outcome = await deps.sync.setPassword(me.id, args.kind, args.id, args.password);
  if (outcome === 'unreachable') {
    throw new DomainFailure(domainError('OFFLINE', {
      'pt-BR': 'Sem conexão com o servidor: senhas só podem ser definidas online. Tente de novo quando a conexão voltar.',
      en: 'No connection to the server: passwords can only be set online. Try again when the connection is back.',
    }));
  }
  if (isDomainError(outcome)) throw new DomainFailure(outcome);
  return null;
};
