/** A character that can continue an identifier (Postgres allows `$` after the first character). */
const IDENT_CONT = /[A-Za-z0-9_$\u0080-\uffff]/;
/** A dollar-quote opener: `$$` or `$tag$`, the tag an identifier without `$` (so `$1` is not one). */
const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/** Index just past a quoted run starting at `i` (the opening quote); `backslash` for E'…' strings. */
function skipQuoted(script: string, i: number, quote: string, backslash: boolean): number {
  let j = i + 1;
  while (j < script.length) {
    const ch = script[j];
    if (backslash && ch === '\\') j += 2;
    else if (ch === quote) {
      if (script[j + 1] === quote) j += 2;
      else return j + 1;
    } else j += 1;
  }
  return script.length;
}

/** Index just past a block comment starting at `i`; Postgres block comments nest. */
function skipBlockComment(script: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < script.length) {
    if (script[j] === '/' && script[j + 1] === '*') {
      depth += 1;
      j += 2;
    } else if (script[j] === '*' && script[j + 1] === '/') {
      depth -= 1;
      j += 2;
      if (depth === 0) return j;
    } else j += 1;
  }
  return script.length;
}

/**
 * Splits a SQL script at its top-level semicolons, respecting 'strings' (doubled quotes), E'escape
 * strings' (backslash escapes), "identifiers", $$ and $tag$ dollar quotes (tags may contain digits;
 * `$1` parameters are not tags), -- line comments and nested block comments, as Postgres' lexer
 * does (postgresql.org/docs/current/sql-syntax-lexical.html). The free SQL box uses it to run the
 * setup statements of a script and EXPLAIN only its last statement. Returns the statements trimmed,
 * without their semicolons, empty ones dropped.
 */
export function splitSql(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  while (i < n) {
    const c = script[i] as string;
    const next = script[i + 1];
    const prev = i > 0 ? (script[i - 1] as string) : '';
    const afterIdent = IDENT_CONT.test(prev);
    if ((c === 'E' || c === 'e') && next === "'" && !afterIdent) {
      i = skipQuoted(script, i + 1, "'", true);
    } else if (c === "'" || c === '"') {
      i = skipQuoted(script, i, c, false);
    } else if (c === '-' && next === '-') {
      while (i < n && script[i] !== '\n') i += 1;
    } else if (c === '/' && next === '*') {
      i = skipBlockComment(script, i);
    } else if (c === '$' && !afterIdent) {
      const tag = DOLLAR_TAG.exec(script.slice(i));
      if (tag) {
        const end = script.indexOf(tag[0], i + tag[0].length);
        i = end === -1 ? n : end + tag[0].length;
      } else i += 1;
    } else if (c === ';') {
      out.push(script.slice(start, i));
      i += 1;
      start = i;
    } else i += 1;
  }
  out.push(script.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0 && !/^(--[^\n]*\s*)+$/.test(s));
}

/** The script without its last statement (to run first), and the last statement (to explain). */
export function splitForExplain(script: string): { setup: string[]; last: string | undefined } {
  const statements = splitSql(script);
  return { setup: statements.slice(0, -1), last: statements[statements.length - 1] };
}
