/**
 * Form decoding: the request's parameters are the URL query string merged with the
 * `application/x-www-form-urlencoded` body (body wins), decoded with WHATWG rules so `+` and `%20`
 * both mean a space. Invalid percent-escapes and escapes that are not UTF-8 are refused rather than
 * guessed at (WHATWG would turn them into U+FFFD, silently changing the value).
 *
 * This runs before authentication on whatever a client sends, so it is one pass over the text:
 * each `&`-separated pair is decoded on its own (no scan of the whole text per pair).
 */
import { AwsError } from "../domain/errors.js";

/**
 * AWS documents `MalformedQueryString` as HTTP 404
 * (https://docs.aws.amazon.com/redshift/latest/APIReference/CommonErrors.html);
 * malformed encodings are 400 here like every other malformed input, so the code is AWS's and the
 * status is ours (docs/differences-from-aws.md, Errors and the wire).
 */
export class MalformedInput extends AwsError {
  constructor(message: string) {
    super("MalformedQueryString", message, 400);
  }
}

/**
 * Decodes `text` (WHATWG application/x-www-form-urlencoded: pairs split on `&`, empty pairs
 * skipped, the first `=` splits name from value, `a` alone is `a=""`) into `into`. With
 * `overwrite` a later pair replaces an earlier one of the same name (later wins); without it, the
 * first value of a name is kept.
 */
export function parseForm(text: string, into: Map<string, string>, overwrite: boolean): void {
  if (text.length === 0) return;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("&", start);
    if (end === -1) end = text.length;
    if (end > start) {
      // The '=' is looked for inside the pair only: searching the rest of the text would rescan it
      // for every pair without one ("a&a&a…").
      const pair = text.slice(start, end);
      const eq = pair.indexOf("=");
      const name = decodeComponent(eq === -1 ? pair : pair.slice(0, eq), undefined);
      const value = decodeComponent(eq === -1 ? "" : pair.slice(eq + 1), name);
      if (overwrite || !into.has(name)) into.set(name, value);
    }
    start = end + 1;
  }
}

/**
 * One name or value: `+` is a space, `%XX` a byte, and the bytes must be UTF-8.
 * `decodeURIComponent` is linear and throws a URIError both for a `%` not followed by two hex
 * digits and for escaped bytes that are not UTF-8 (lone continuation bytes, overlong forms,
 * surrogates), which is exactly what is refused; a literal U+FFFD or `%EF%BF%BD` is valid UTF-8
 * and passes. `name` is the parameter whose value this is (for the message), or undefined for a name.
 */
function decodeComponent(raw: string, name: string | undefined): string {
  const spaced = raw.includes("+") ? raw.replaceAll("+", " ") : raw;
  if (!spaced.includes("%")) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    const what = name === undefined ? "a parameter name" : `the value of parameter ${name}`;
    throw new MalformedInput(
      /%(?![0-9A-Fa-f]{2})/.test(spaced)
        ? `The request contains an invalid percent-encoded sequence in ${what}.`
        : `The request contains a percent-encoded sequence in ${what} that is not valid UTF-8.`,
    );
  }
}
