/**
 * The parameter group families and their parameters, as DescribeDefaultClusterParameters reports them
 * ("Amazon Redshift parameter groups",
 * https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-parameter-groups.html, lists the
 * parameters and their defaults; data types, allowed values, apply types and descriptions are the
 * ones AWS's DescribeClusterParameters answers carry). AWS documents one family, `redshift-1.0`.
 *
 * Values are checked by `checkValue` against the data type and `AllowedValues`: booleans
 * `true`/`false` (any case), integers inside the listed ranges (`-15-2` is −15…2, `0,100-2147483647`
 * is 0 or 100…2147483647), `wlm_json_configuration` a JSON array of at most 8,000 characters
 * (the model's documented maximum), other strings free text.
 */
import { InvalidParameterValue } from "../errors.js";

export interface ParameterSpec {
  readonly name: string;
  readonly defaultValue: string;
  readonly description: string;
  readonly dataType: "boolean" | "integer" | "string";
  readonly allowedValues?: string;
  readonly applyType: "static" | "dynamic";
  readonly isModifiable: boolean;
}

const bool = (name: string, defaultValue: string, description: string, applyType: "static" | "dynamic" = "static"): ParameterSpec => ({
  name,
  defaultValue,
  description,
  dataType: "boolean",
  allowedValues: "true,false",
  applyType,
  isModifiable: true,
});

/** redshift-1.0, in AWS's order (alphabetical). */
const REDSHIFT_1_0: readonly ParameterSpec[] = [
  bool("auto_analyze", "true", "Use auto analyze"),
  bool("auto_mv", "true", "Enable AutoMV"),
  { name: "datestyle", defaultValue: "ISO, MDY", description: "Sets the display format for date and time values.", dataType: "string", applyType: "static", isModifiable: true },
  bool("enable_case_sensitive_identifier", "false", "Preserve case sensitivity for database identifiers such as table or column names in parser"),
  bool("enable_user_activity_logging", "false", "parameter for audit logging purpose"),
  {
    name: "extra_float_digits",
    defaultValue: "0",
    description: "Sets the number of digits displayed for floating-point values",
    dataType: "integer",
    allowedValues: "-15-2",
    applyType: "static",
    isModifiable: true,
  },
  {
    name: "max_concurrency_scaling_clusters",
    defaultValue: "1",
    description: "The maximum concurrency scaling clusters can be used.",
    dataType: "integer",
    allowedValues: "0-10",
    applyType: "dynamic",
    isModifiable: true,
  },
  {
    name: "max_cursor_result_set_size",
    defaultValue: "default",
    description: "Sets the max cursor result set size",
    dataType: "integer",
    allowedValues: "0-14400000",
    applyType: "static",
    isModifiable: true,
  },
  {
    name: "query_group",
    defaultValue: "default",
    description: "This parameter applies a user-defined label to a group of queries that are run during the same session..",
    dataType: "string",
    applyType: "static",
    isModifiable: true,
  },
  bool("require_ssl", "false", "require ssl for all databaseconnections"),
  {
    name: "search_path",
    defaultValue: "$user, public",
    description: "Sets the schema search order for names that are not schema-qualified.",
    dataType: "string",
    applyType: "static",
    isModifiable: true,
  },
  {
    name: "statement_timeout",
    defaultValue: "0",
    description: "Aborts any statement that takes over the specified number of milliseconds.",
    dataType: "integer",
    allowedValues: "0,100-2147483647",
    applyType: "static",
    isModifiable: true,
  },
  bool("use_fips_ssl", "false", "Use fips ssl library"),
  {
    name: "wlm_json_configuration",
    defaultValue: '[{"auto_wlm":true}]',
    description: "wlm json configuration",
    dataType: "string",
    applyType: "static",
    isModifiable: true,
  },
];

export const FAMILIES: ReadonlyMap<string, readonly ParameterSpec[]> = new Map([["redshift-1.0", REDSHIFT_1_0]]);

/** The default group of each family: `default.<family>`, present in every account and region. */
export function defaultGroupName(family: string): string {
  return `default.${family}`;
}

/** The family whose default group this name is (any case), or undefined. */
export function familyOfDefaultGroup(name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const family of FAMILIES.keys()) if (lower === defaultGroupName(family)) return family;
  return undefined;
}

export const DEFAULT_FAMILY = "redshift-1.0";

/** The parameters of a family, else `InvalidParameterValue` naming the known families. */
export function familyParameters(family: string): readonly ParameterSpec[] {
  const params = FAMILIES.get(family);
  if (!params) {
    throw new InvalidParameterValue(
      `Could not find parameter group family '${family}'. Valid families: ${[...FAMILIES.keys()].join(", ")}.`,
    );
  }
  return params;
}

/** Maximum size of the `wlm_json_configuration` value (the model's documentation of `ParameterValue`). */
export const MAX_WLM_JSON = 8000;

function inRanges(n: number, allowed: string): boolean {
  for (const part of allowed.split(",")) {
    const m = /^(-?\d+)(?:-(-?\d+))?$/.exec(part.trim());
    if (!m) continue;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (n >= lo && n <= hi) return true;
  }
  return false;
}

/** Checks one value against its parameter's data type and allowed values. */
export function checkValue(spec: ParameterSpec, value: string): void {
  const refuse = (why: string) => new InvalidParameterValue(`Invalid value '${value}' for parameter ${spec.name}: ${why}.`);
  if (spec.dataType === "boolean") {
    if (!/^(true|false)$/i.test(value)) throw refuse("it must be true or false");
    return;
  }
  if (spec.dataType === "integer") {
    if (value === spec.defaultValue) return; // max_cursor_result_set_size's "default"
    if (!/^-?\d{1,12}$/.test(value)) throw refuse("it must be an integer");
    if (spec.allowedValues !== undefined && !inRanges(Number(value), spec.allowedValues)) throw refuse(`allowed values are ${spec.allowedValues}`);
    return;
  }
  if (spec.name === "wlm_json_configuration") {
    if (value.length > MAX_WLM_JSON) throw refuse(`it must be at most ${MAX_WLM_JSON} characters`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw refuse("it must be a JSON array of queue definitions");
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((q) => typeof q === "object" && q !== null && !Array.isArray(q))) {
      throw refuse("it must be a JSON array of queue definitions");
    }
  }
}
