import type { ApiError, ApiResult } from '../../shared/api/result';
import type { Lang } from '../i18n/define';

export const errorText = (error: Pick<ApiError, 'message'>, lang: Lang): string => error.message[lang];

/** A client-side validation message in the same shape as the core's errors. */
export const clientError = (code: string, ptBR: string, en: string): ApiError => ({ code, message: { 'pt-BR': ptBR, en } });

export const valueOr = <T>(result: ApiResult<T>, fallback: T): T => (result.ok ? result.value : fallback);
