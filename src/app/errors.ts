/**
 * A problem with the user's input found by the application layer, said as a message key of the
 * string tables plus its parameters, so every shell shows it in the user's language.
 */
import { ReadError } from "../core/read/raw";
import { type MessageKey, translator } from "../i18n";

/** The message as `Error.message` carries it (logs, tests): English. Shells show it in the user's language. */
const english = translator("en");

export class InputError extends ReadError {
  constructor(
    readonly key: MessageKey,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(english(key, params));
    this.name = "InputError";
  }
}
