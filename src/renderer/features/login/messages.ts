import { defineMessages } from '../../i18n/define';

export const loginMessages = defineMessages({
  'pt-BR': {
    'login.title': 'Entrar',
    'login.user': 'Usuário',
    'login.password': 'Senha',
    'login.submit': 'Entrar',
    'login.missing': 'Informe usuário e senha.',
    'login.offline': 'Servidor fora do ar: o login usa as credenciais guardadas neste computador (de um login anterior).',
    'login.localOnly': 'Sem servidor configurado: os dados ficam neste computador.',
    'login.footer': 'Canais oficiais: Extranet e telefone. E-mail é só cópia.',
  },
  en: {
    'login.title': 'Log in',
    'login.user': 'User',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.missing': 'Enter user and password.',
    'login.offline': 'Server unreachable: login uses the credentials stored on this computer (from an earlier login).',
    'login.localOnly': 'No server configured: the data stays on this computer.',
    'login.footer': 'Official channels: Extranet and phone. E-mail is only a copy.',
  },
});
