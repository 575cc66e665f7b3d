// zod's compiled parser of a schema, with its generated code made cheaper to run. zod writes each optional field as
// an immediately invoked arrow function (`let v2 = (() => { ... return v3; })();`), so that a failure inside it can
// `return INVALID` from the field alone. V8 never optimized the topology's generated function in our traces (about
// 4,000 lines, one call), so in the interpreter every such field of every object allocates a closure and calls it:
// ten per security-group rule, a million for 100,000 rules. The same code with each of those functions written as a
// labeled block (`let v2; L0: { ... { v2 = v3; break L0; } }`) parses the large synthetic topology 10-15 % faster
// (BENCHMARKS.md, tenth session).
import type * as z from 'zod/v4';
import { compileFn } from 'zod/v4/core';

/** What `compileFn` gives: the parsed value, or zod's INVALID symbol. */
type CompiledParser<T> = ReturnType<typeof compileFn<z.ZodType<T>>>;

/** zod's generated code was not in the shape the rewrite knows; the code is then used as zod wrote it. */
export class UnrecognizedCodeError extends Error {
  override readonly name = 'UnrecognizedCodeError';
}

/** The first line of the body zod gives `new Function` for a compiled parser, after its constants' names. */
const PARSER_HEAD = 'return (input) => {\n';

// `let v2 = (() => {`, `const v2 = (() => {`, `v2 = (() => {`, `if (v1 === INVALID) v2 = (() => {`
const OPENING = /^(\s*)(if \(v\d+ === INVALID\) )?(let |const )?(v\d+) = \(\(\) => \{$/;
// A return in statement position, alone or after an `if (...)`, of INVALID or a generated variable: all zod writes.
const RETURN = /^(\s*(?:if \(.*\) )?)return (INVALID|v\d+);$/;

/**
 * zod's generated parser factory (`return (input) => { ... }`) with each immediately invoked arrow function written
 * as a labeled block that assigns the same variable. Throws UnrecognizedCodeError for code it cannot rewrite exactly:
 * a function that is not closed at its own indentation, one whose last statement is not a `return` (falling through
 * would leave an assigned variable's previous value where the function gave undefined), any other function (its
 * `return` would be taken), or a `return` inside one in any other form.
 */
export function blocksForInvokedFunctions(factory: string): string {
  if (!factory.startsWith(PARSER_HEAD)) throw new UnrecognizedCodeError('not a compiled parser');
  const code = factory.slice(PARSER_HEAD.length);
  const out: string[] = [];
  const open: { indent: string; variable: string; label: string; lastLine: string }[] = [];
  let labels = 0;
  for (const line of code.split('\n')) {
    const inner = open.at(-1);
    if (inner && line === `${inner.indent}})();`) {
      if (!/^\s*return \S+;$/.test(inner.lastLine)) throw new UnrecognizedCodeError('a function falls through');
      open.pop();
      out.push(`${inner.indent}}`);
      if (open.length) open.at(-1)!.lastLine = line;
      continue;
    }
    const opening = OPENING.exec(line);
    if (!opening && line.includes('=>')) throw new UnrecognizedCodeError(`an unknown function: ${line.trim()}`);
    if (inner) inner.lastLine = line;
    if (opening) {
      const [, indent = '', condition = '', declaration, variable = ''] = opening;
      const label = `L${labels++}`;
      out.push(`${indent}${declaration ? `let ${variable}; ` : ''}${condition}${label}: {`);
      open.push({ indent, variable, label, lastLine: line });
      continue;
    }
    if (!inner || !line.includes('return')) {
      out.push(line);
      continue;
    }
    const returning = RETURN.exec(line);
    if (!returning) throw new UnrecognizedCodeError(`an unknown return: ${line.trim()}`);
    const [, before = '', value = ''] = returning;
    out.push(`${before}{ ${inner.variable} = ${value}; break ${inner.label}; }`);
  }
  if (open.length) throw new UnrecognizedCodeError('a function is not closed');
  return PARSER_HEAD + out.join('\n');
}

/**
 * zod's compiled parser of `schema` (its `compileFn`), generated with `blocksForInvokedFunctions`. zod builds the
 * function with `new Function(...constantNames, body)` and keeps the constants' values to itself, so the rewrite
 * happens on the way in: `Function` is replaced for the length of this synchronous call. Code the rewrite does not
 * recognize is compiled as zod wrote it, after telling `onUnrecognized` why.
 */
export function compileParser<T extends z.ZodType>(
  schema: T,
  onUnrecognized: (error: UnrecognizedCodeError) => void = () => {},
): CompiledParser<z.output<T>> {
  const zodsFunction = globalThis.Function;
  const rewriting = function rewritingFunction(...parts: string[]) {
    const body = parts.at(-1);
    if (body?.startsWith(PARSER_HEAD)) {
      try {
        return zodsFunction(...parts.slice(0, -1), blocksForInvokedFunctions(body));
      } catch (error) {
        // A rewrite that does not compile is a shape this code misread: zod's own code still serves.
        onUnrecognized(
          error instanceof UnrecognizedCodeError
            ? error
            : new UnrecognizedCodeError(`the rewritten code does not compile: ${String(error)}`),
        );
      }
    }
    return zodsFunction(...parts);
  } as FunctionConstructor;
  globalThis.Function = rewriting;
  try {
    return compileFn(schema) as CompiledParser<z.output<T>>;
  } finally {
    globalThis.Function = zodsFunction;
  }
}
