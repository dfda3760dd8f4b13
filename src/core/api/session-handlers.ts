import type { Session } from '../../shared/api/views';
import { DomainFailure, isDomainError } from '../../shared/domain';
import { hashPassword, verifyPassword } from '../auth/password';
import { getCredential, putCredential } from '../db/credentials';
import { analystByLogin } from '../db/directory';
import { getRow } from '../db/rows';
import type { CoreDeps } from './deps';
import { badLogin } from './errors';

/**
 * Login goes to the server when it answers; the password's verifier is then cached so the analyst can log in
 * again while offline (SPEC §1: everyone keeps working during connectivity loss).
 */
export const login = async (deps: CoreDeps, args: { login: string; password: string }): Promise<Session> => {
  const loginName = args.login.toLowerCase();
  const remote = await deps.sync.login(loginName, args.password);
  if (remote !== 'unreachable') {
    if (isDomainError(remote)) throw new DomainFailure(remote);
    putCredential(deps.db, loginName, remote.analyst.id, await hashPassword(args.password), deps.clock.now());
    deps.session.set(remote.analyst, 'server');
    return { analyst: getRow(deps.db, 'analyst', remote.analyst.id) ?? remote.analyst, source: 'server' };
  }
  const credential = getCredential(deps.db, loginName);
  const analyst = analystByLogin(deps.db, loginName);
  if (credential === undefined || analyst === undefined || !analyst.active || credential.analystId !== analyst.id) throw new DomainFailure(badLogin());
  if (!(await verifyPassword(args.password, credential.hash))) throw new DomainFailure(badLogin());
  deps.session.set(analyst, 'local');
  return { analyst, source: 'local' };
};

export const currentSession = (deps: CoreDeps): Session | null => {
  const analyst = deps.session.current();
  return analyst === null ? null : { analyst, source: deps.session.source() };
};

export const logout = async (deps: CoreDeps): Promise<null> => {
  deps.session.set(null, 'local');
  await deps.sync.logout();
  return null;
};
