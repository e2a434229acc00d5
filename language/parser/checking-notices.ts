import type { ParseResult } from 'langium';
import type { CheckingCodes } from '../analysis/issue-codes.js';

type SyntaxError = ParseResult['parserErrors'][number] | ParseResult['lexerErrors'][number];
type CheckingCode = typeof CheckingCodes[keyof typeof CheckingCodes];

/**
 * Lexer or parser errors that are no syntax error but a notice about the checking itself (it
 * stopped there, or failed), located like the errors around them; the validator reports them
 * under their own code instead of `lexing-error` / `parsing-error`.
 */
const notices = new WeakMap<SyntaxError, CheckingCode>();

export function asCheckingNotice<E extends SyntaxError>(error: E, code: CheckingCode, message: string): E {
    error.message = message;
    notices.set(error, code);
    return error;
}

export function checkingNoticeCode(error: SyntaxError): CheckingCode | undefined {
    return notices.get(error);
}

/** What went wrong, for a notice that checking failed: the error's own message, not its stack. */
export function failureReason(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
