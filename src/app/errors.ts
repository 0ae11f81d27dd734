/**
 * A problem with the user's input found by the application layer, said as a message key of the
 * string tables plus its parameters, so every shell shows it in the user's language.
 */
import { type MessageParams, type ReadMessageKey, flatParams } from "../core/read/messages";
import { ReadError } from "../core/read/raw";
import { type MessageKey, type Translate, isMessageKey, translator } from "../i18n";

/** The message as `Error.message` carries it (logs, tests): English. Shells show it in the user's language. */
const english = translator("en");

export class InputError extends ReadError {
  declare readonly key: MessageKey;
  /** Readers' failures behind this one (each sheet or table tried): said as `{reasons}`. */
  readonly causes: readonly ReadError[];
  constructor(
    key: MessageKey,
    params: Readonly<Record<string, string | number>> = {},
    causes: readonly ReadError[] = [],
  ) {
    const withReasons = causes.length
      ? { ...params, reasons: causes.map((c) => c.message).join(" ") }
      : params;
    super(key, withReasons, undefined, english(key, withReasons));
    this.name = "InputError";
    this.causes = causes;
  }
}

/** A reader's or the app's failure in the language of `t` (the English `.message` when the key is unknown). */
export function sayError(err: ReadError, t: Translate): string {
  if (!isMessageKey(err.key)) return err.message;
  const say = (k: ReadMessageKey, p: Record<string, string | number>) => t(k, p);
  const params: MessageParams = err.params;
  const flat = flatParams(params, say);
  if (err instanceof InputError && err.causes.length)
    flat.reasons = err.causes.map((c) => sayError(c, t)).join(" ");
  return t(err.key, flat);
}
