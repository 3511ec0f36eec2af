/**
 * USCCs legally issued in the 2015 pilot that fail the GB 32100-2015 checksum. Accepted by default so a real
 * enterprise is never blocked; a clerk extends the list with `--allow-uscc FILE` (one code a line).
 */
export const DEFAULT_ALLOW_LIST: readonly string[] = ['91350100M0001TGQXM'];
