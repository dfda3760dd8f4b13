import { defineMessages, type Lang } from '../../i18n/define';
import { formatMessage } from '../../i18n/format-message';
import type { PasswordProblem } from './set-password';

export const passwordMessages = defineMessages({
  'pt-BR': {
    'pw.title': 'Definir senha',
    'pw.new': 'Nova senha',
    'pw.confirm': 'Repita a senha',
    'pw.button': 'Definir senha',
    'pw.hint': 'Pelo menos 8 caracteres. Vale na hora, sem "Salvar": a senha vai direto ao servidor e não fica em rascunhos nem na fila de sincronização.',
    'pw.online': 'Só funciona com o servidor conectado.',
    'pw.waiting': 'Enviando o cadastro ao servidor antes da senha…',
    'pw.done': 'Senha definida. Informe-a à pessoa por um canal seguro; ela não é mostrada de novo.',
    'pw.problem.empty': 'Digite a nova senha.',
    'pw.problem.short': 'A senha precisa de pelo menos 8 caracteres.',
    'pw.problem.long': 'A senha pode ter no máximo 200 caracteres.',
    'pw.problem.mismatch': 'As duas senhas não são iguais.',
    'pw.analyst.title': 'Senha de acesso ao War Room',
    'pw.analyst.initial': 'Senha inicial',
    'pw.analyst.initialHint': 'Opcional: sem senha, o analista ainda não consegue entrar. Pelo menos 8 caracteres.',
    'pw.analyst.createdNoPassword': 'Analista cadastrado, mas a senha não foi definida: {reason}',
    'pw.contact.title': 'Senha da Extranet',
    'pw.contact.noAccess': 'Este contato não tem acesso à Extranet: marque o acesso e salve antes de definir a senha.',
    'pw.contact.saveFirst': 'Salve o contato antes de definir a senha.',
  },
  en: {
    'pw.title': 'Set password',
    'pw.new': 'New password',
    'pw.confirm': 'Repeat the password',
    'pw.button': 'Set password',
    'pw.hint': 'At least 8 characters. Applies at once, no "Save" needed: the password goes straight to the server and is not kept in drafts or in the sync queue.',
    'pw.online': 'Works only with the server connected.',
    'pw.waiting': 'Sending the record to the server before the password…',
    'pw.done': 'Password set. Tell the person through a safe channel; it is not shown again.',
    'pw.problem.empty': 'Type the new password.',
    'pw.problem.short': 'The password needs at least 8 characters.',
    'pw.problem.long': 'The password may have at most 200 characters.',
    'pw.problem.mismatch': 'The two passwords differ.',
    'pw.analyst.title': 'War Room login password',
    'pw.analyst.initial': 'Initial password',
    'pw.analyst.initialHint': 'Optional: without a password the analyst cannot log in yet. At least 8 characters.',
    'pw.analyst.createdNoPassword': 'Analyst saved, but the password was not set: {reason}',
    'pw.contact.title': 'Extranet password',
    'pw.contact.noAccess': 'This contact has no Extranet access: tick the access and save before setting a password.',
    'pw.contact.saveFirst': 'Save the contact before setting a password.',
  },
});

export type PasswordKey = keyof (typeof passwordMessages)['pt-BR'];
export type PasswordT = (key: PasswordKey, params?: Record<string, string | number>) => string;

export const passwordT = (lang: Lang): PasswordT => (key, params) => formatMessage(lang, passwordMessages[lang][key], params);

export const problemKey = (problem: PasswordProblem): PasswordKey => `pw.problem.${problem}`;
