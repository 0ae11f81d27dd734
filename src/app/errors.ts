/**
 * A problem with the user's input found by the application layer, said as a message key of the
 * string tables plus its parameters, so every shell shows it in the user's language.
 */
import { type MessageParams, type ReadMessageKey, flatParams } from "../core/read/messages";
import { ReadError } from "../core/read/raw";
import { type MessageKey, type Translate, isMessageKey, translator } from "../i18n";

/** The message as `Error.message` carries it (logs, tests): English. Shells show it in the user's language. */
const english = translator("en");

/** A message of the tables given as a parameter of another (said in the same language). */
export interface Told {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
}

type InputParams = Readonly<Record<string, string | number | Told>>;

function sayParams(params: InputParams, t: Translate): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === "object" ? t(v.key, v.params) : v;
  return out;
}

export class InputError extends ReadError {
  declare readonly key: MessageKey;
  /** Readers' failures behind this one (each sheet or table tried): said as `{reasons}`. */
  readonly causes: readonly ReadError[];
  /** The parameters as given (nested messages kept, for the user's language). */
  readonly given: InputParams;
  constructor(key: MessageKey, params: InputParams = {}, causes: readonly ReadError[] = []) {
    const flat = sayParams(params, english);
    const withReasons = causes.length ? { ...flat, reasons: causes.map((c) => c.message).join(" ") } : flat;
    super(key, withReasons, undefined, english(key, withReasons));
    this.name = "InputError";
    this.causes = causes;
    this.given = params;
  }
}

/** A reader's or the app's failure in the language of `t` (the English `.message` when the key is unknown). */
export function sayError(err: ReadError, t: Translate): string {
  if (!isMessageKey(err.key)) return err.message;
  if (err instanceof InputError) {
    const flat = sayParams(err.given, t);
    if (err.causes.length) flat.reasons = err.causes.map((c) => sayError(c, t)).join(" ");
    return t(err.key, flat);
  }
  const say = (k: ReadMessageKey, p: Record<string, string | number>) => t(k, p);
  const params: MessageParams = err.params;
  return t(err.key, flatParams(params, say));
}
