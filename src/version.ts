/** The package version, reported by /_redshift-local/health and --version. Kept in step with package.json. */
export const VERSION = "0.1.0";
