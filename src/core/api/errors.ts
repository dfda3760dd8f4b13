import { domainError, type DomainError } from '../../shared/domain';

export const notLoggedIn = (): DomainError =>
  domainError('NOT_LOGGED_IN', { 'pt-BR': 'Faça login para continuar.', en: 'Log in to continue.' });

export const badLogin = (): DomainError =>
  domainError('BAD_LOGIN', { 'pt-BR': 'Usuário ou senha incorretos.', en: 'Wrong user or password.' });

export const ocNotFound = (id: string): DomainError =>
  domainError('NOT_FOUND', { 'pt-BR': 'Ocorrência não encontrada.', en: 'Ocorrência not found.' }, { id });

export const customerNotFound = (id: string): DomainError =>
  domainError('NOT_FOUND', { 'pt-BR': 'Cliente não encontrado.', en: 'Customer not found.' }, { id });
