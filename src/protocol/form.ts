/**
 * Form decoding: the request's parameters are the URL query string merged with the
 * `application/x-www-form-urlencoded` body (body wins), decoded with WHATWG rules so `+` and `%20`
 * both mean a space. Invalid percent-escapes are refused rather than guessed at.
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

const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

export function parseForm(text: string, into: Map<string, string>, overwrite: boolean): void {
  if (text.length === 0) return;
  if (BAD_ESCAPE.test(text)) throw new MalformedInput("The request contains an invalid percent-encoded sequence.");
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    throw new MalformedInput("The request parameters could not be decoded.");
  }
  for (const [k, v] of params) {
    if (v.includes("\uFFFD") && !text.includes("%EF%BF%BD") && !text.includes("\uFFFD")) {
      throw new MalformedInput(`The value of parameter ${k} is not valid UTF-8.`);
    }
    if (overwrite || !into.has(k)) into.set(k, v);
  }
}
