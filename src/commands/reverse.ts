// A reverse question as a reply for every chat surface: counts and groups in the message, every entry with its
// blocking step in an attached file. Answered cooperatively: the event loop gets a turn every few milliseconds,
// so a question over thousands of resources does not hold up other requests.
import { EN, type I18n } from '../i18n/i18n.js';
import { reverseStepsFor } from '../reverse/choose.js';
import { detailsFilename, renderReverseBlocks, renderReverseDetails, renderReverseSummary } from '../reverse/render.js';
import type { ReverseAnswer, ReverseQuestion } from '../reverse/reverse.js';
import type { Store } from '../store/store.js';
import type { Outcome } from './converse.js';

/** How long the answer may run before letting other work in. */
const SLICE_MS = 10;

async function drain(steps: Generator<void, ReverseAnswer>): Promise<ReverseAnswer> {
  let since = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - since > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}

/** Answer a reverse question from the store (the conversation's topology first). */
export async function reverseReply(
  store: Store,
  question: ReverseQuestion,
  preferred?: string,
  text: I18n = EN,
): Promise<Outcome> {
  const { topology, steps, question: asked } = reverseStepsFor(store, question, preferred, text);
  const answer = await drain(steps);
  const summary = renderReverseSummary(answer, topology, undefined, text);
  return {
    kind: 'reply',
    subcommand: 'reverse',
    lang: text.lang,
    reply: {
      text: summary,
      blocks: renderReverseBlocks(answer, topology, text),
      attachment: {
        filename: detailsFilename(asked),
        content: `${summary}\n\n${renderReverseDetails(answer, text)}\n`,
      },
    },
  };
}
