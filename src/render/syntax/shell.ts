// Shell quoting for the commands we print: whatever a topology calls its resources, pasting the command
// into bash must run exactly one command with exactly the arguments shown, and a comment must stay a comment.

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we look for
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * One shell word: bare when it is plainly safe, otherwise single-quoted (the only quoting with no escapes).
 * Control characters (which would otherwise reach the terminal raw) use bash's $'...' with \xHH escapes.
 */
export function shellWord(value: string): string {
  if (SAFE_WORD.test(value)) return value;
  if (CONTROL.test(value)) {
    let out = '';
    for (const char of value) {
      const code = char.codePointAt(0) ?? 0;
      if (char === '\\' || char === "'") out += `\\${char}`;
      else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
      else out += char;
    }
    return `$'${out}'`;
  }
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A `# comment` line: control characters (a newline would end the comment and start a command) become spaces. */
export function shellComment(text: string): string {
  return `# ${singleLine(text)}`;
}

/** A KooCLI-style flag `--name=value` with the value quoted as one word. */
export function shellFlag(name: string, value: string | number | boolean): string {
  return `--${name}=${shellWord(String(value))}`;
}

/** A command split over continuation lines, one flag per line, preceded by comment lines. */
export function shellCommand(head: string, flags: readonly string[], comments: readonly string[] = []): string {
  const lines = comments.map(shellComment);
  lines.push([head, ...flags].join(' \\\n  '));
  return lines.join('\n');
}

/** Collapse control characters and runs of whitespace so that text stays on one line. */
export function singleLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must go
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
}
