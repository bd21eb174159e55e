/**
 * Splits a SQL script at its top-level semicolons, respecting 'strings', "identifiers",
 * $tag$ dollar quotes $tag$, -- line comments and block comments. The free SQL box
 * uses it to run the setup statements of a script and EXPLAIN only its last statement.
 * Returns the statements trimmed, without their semicolons, empty ones dropped.
 */
export function splitSql(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  while (i < n) {
    const c = script[i];
    const next = script[i + 1];
    if (c === "'" || c === '"') {
      // Quoted: a doubled quote is an escaped quote.
      i += 1;
      while (i < n) {
        if (script[i] === c) {
          if (script[i + 1] === c) i += 2;
          else break;
        } else i += 1;
      }
      i += 1;
    } else if (c === '-' && next === '-') {
      while (i < n && script[i] !== '\n') i += 1;
    } else if (c === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(i));
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
