/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage return,
 * let one smuggle a formula past a naive check): "=SUM(…)", "+1", "-1", "@cmd", as OWASP lists them.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: a cell that would start a formula is prefixed with a single quote, so spreadsheets
 * show it as text; then quoted as RFC 4180 asks when it holds a comma, a quote or a line break.
 */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as RFC 4180 CSV: cells escaped, lines ended with CRLF. */
export function csvOf(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}
