/**
 * Input validation from the shape tables: required members (`MissingParameter`), JSON types for
 * seed files, string length/pattern/enum, integer range and list size (`InvalidParameterValue`).
 * Both 400, with a message naming the parameter (docs/wire-protocol.md, Requests).
 */
import { InvalidParameterValue, MissingParameter } from "../domain/errors.js";
import type { Shape, StructureShape } from "./shapes.js";

export function validateStructure(shape: StructureShape, value: unknown, path = ""): void {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InvalidParameterValue(`Invalid value for parameter ${path || "input"}: expected a structure.`);
  }
  const record = value as Record<string, unknown>;
  for (const [name, member] of Object.entries(shape.members)) {
    const label = path ? `${path}.${name}` : name;
    const v = record[name];
    if (v === undefined || v === null) {
      if (member.required) throw new MissingParameter(`The request must contain the parameter ${label}.`);
      continue;
    }
    validateValue(member.shape, v, label);
  }
}

function validateValue(shape: Shape, v: unknown, label: string): void {
  switch (shape.type) {
    case "structure":
      validateStructure(shape, v, label);
      return;
    case "list": {
      if (!Array.isArray(v)) throw new InvalidParameterValue(`Invalid value for parameter ${label}: expected a list.`);
      if (shape.min !== undefined && v.length < shape.min)
        throw new InvalidParameterValue(`Parameter ${label} must contain at least ${shape.min} item(s).`);
      if (shape.max !== undefined && v.length > shape.max)
        throw new InvalidParameterValue(`Parameter ${label} must contain at most ${shape.max} item(s).`);
      v.forEach((item, i) => validateValue(shape.member, item, `${label}.${i + 1}`));
      return;
    }
    case "string": {
      if (typeof v !== "string") throw new InvalidParameterValue(`Invalid value for parameter ${label}: expected a string.`);
      const fail = (): never => {
        throw new InvalidParameterValue(fill(shape.message ?? "Invalid value '{value}' for parameter {name}.", label, v));
      };
      if (shape.enum && !shape.enum.includes(v)) {
        throw new InvalidParameterValue(`Invalid value '${v}' for parameter ${label}. Valid values: ${shape.enum.join(", ")}.`);
      }
      if (shape.min !== undefined && v.length < shape.min) fail();
      if (shape.max !== undefined && v.length > shape.max) fail();
      if (shape.pattern && !shape.pattern.test(v)) fail();
      return;
    }
    case "integer": {
      if (typeof v !== "number" || !Number.isInteger(v)) throw new InvalidParameterValue(`Invalid value for parameter ${label}: expected an integer.`);
      if ((shape.min !== undefined && v < shape.min) || (shape.max !== undefined && v > shape.max)) {
        throw new InvalidParameterValue(
          shape.message !== undefined
            ? fill(shape.message, label, String(v))
            : `Invalid value ${v} for parameter ${label}: must be between ${shape.min ?? "-∞"} and ${shape.max ?? "∞"}.`,
        );
      }
      return;
    }
    case "boolean":
      if (typeof v !== "boolean") throw new InvalidParameterValue(`Invalid value for parameter ${label}: expected a boolean.`);
      return;
    case "timestamp":
      if (typeof v !== "number" || Number.isNaN(v)) throw new InvalidParameterValue(`Invalid value for parameter ${label}: expected a timestamp.`);
      return;
  }
}

/**
 * Substitutes `{name}` and `{value}` literally: a replacement string would read `$&`, `` $` `` and `$'`
 * in the client's value as patterns (garbling the message, and `` $` `` repeated copies the text
 * before it once per occurrence, multiplying the answer's size).
 */
function fill(template: string, name: string, value: string): string {
  return template.replace("{name}", () => name).replace("{value}", () => value);
}
